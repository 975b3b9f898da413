package tmsp.mitigation;

/**
 * The mitigation process announced a case's sample (once per case): the account's recipients get "threat sample
 * ready". {@code endpoint} is the endpoint's host name and address as the Case List shows them.
 */
public record ThreatSampleReady(long caseId, long accountId, String mitigationServer, String endpoint) {
}
