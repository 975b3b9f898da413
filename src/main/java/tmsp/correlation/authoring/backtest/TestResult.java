package tmsp.correlation.authoring.backtest;

/**
 * What a test found, stored as JSON with the test: the versions of both sides, how many incidents each raised,
 * and the diff.
 */
public record TestResult(String publishedVersion, String draftVersion, int publishedIncidents, int draftIncidents,
                         IncidentDiff diff) {
}
