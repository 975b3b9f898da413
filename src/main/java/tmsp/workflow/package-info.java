/**
 * The task list: the user tasks of every process, claimed, completed and looked back on in the portal.
 *
 * <p>Conventions for every BPMN user task: {@code camunda:candidateGroups} are portal role names without prefix
 * ({@code ADMIN}, {@code ANALYST}, {@code CUSTOMER}); {@code camunda:assignee} is a portal user name. A task is
 * open to its assignee, or, while unassigned, to every user with one of its candidate groups as a role. Its
 * {@code camunda:formKey} names the {@link tmsp.workflow.TaskForm} bean that shows and completes it. Camunda's own
 * user and group tables stay empty: Cockpit, Tasklist, Admin and the REST API take the portal's signed-in user
 * (administrators only).
 */
package tmsp.workflow;
