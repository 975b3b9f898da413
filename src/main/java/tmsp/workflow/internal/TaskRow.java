package tmsp.workflow.internal;

import java.time.Instant;

/** One line of the task list: an open task, or a completed one with who completed it and when. */
record TaskRow(String id, String name, String processName, String businessKey, String assignee, Instant created,
               Instant completed) {
}
