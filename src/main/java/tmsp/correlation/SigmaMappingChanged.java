package tmsp.correlation;

/**
 * A change to the Sigma field mapping (what a Sigma field name means in the detection model), for the system log.
 *
 * @param change what happened, e.g. {@code added: user} or {@code removed}
 */
public record SigmaMappingChanged(String actor, String sigmaField, String change) {
}
