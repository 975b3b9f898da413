package tmsp.correlation.authoring.backtest;

import java.util.List;

/** An incident both sides raise under the same key, but not alike: which fields differ, and both versions. */
public record ChangedIncident(String key, List<String> differences, TestIncident published, TestIncident draft) {
}
