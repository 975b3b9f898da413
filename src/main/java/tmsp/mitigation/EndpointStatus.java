package tmsp.mitigation;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a mitigator says of an endpoint. An endpoint is nonconforming while its threats are unresolved or its
 * mitigation had an issue; the issues are listed as "threat mitigation issues". Mitigators send the code
 * ({@code MANUAL_CLEANUP_NEEDED}) or the phrase their console shows ("Assessed endpoint: manual cleanup needed").
 */
public enum EndpointStatus {
    MITIGATION_IN_PROGRESS("Mitigation in progress", true, false),
    RESOLVED("Resolved threats", false, false),
    UNRESOLVED("Unresolved threats", true, false),
    MANUAL_CLEANUP_NEEDED("Assessed endpoint: manual cleanup needed", true, true),
    MITIGATION_EXCEPTION("No mitigation: mitigation exception", true, true),
    MITIGATION_FAILED("Mitigation failed", true, true),
    ENDPOINT_UNREACHABLE("No mitigation: endpoint unreachable", true, true);

    private final String phrase;
    private final boolean nonconforming;
    private final boolean issue;

    EndpointStatus(String phrase, boolean nonconforming, boolean issue) {
        this.phrase = phrase;
        this.nonconforming = nonconforming;
        this.issue = issue;
    }

    /** The words of the mitigator's console, as PRODUCT.md gives them. */
    public String phrase() {
        return phrase;
    }

    /** Unresolved threats or a mitigation issue: the endpoint counts on the nonconforming endpoints page. */
    public boolean nonconforming() {
        return nonconforming;
    }

    /** A threat mitigation issue (the mitigator could not, or may not, clean the endpoint). */
    public boolean issue() {
        return issue;
    }

    /** The status a mitigator named, by code or phrase, ignoring case and surrounding blanks. */
    public static Optional<EndpointStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        return Arrays.stream(values())
                .filter(s -> s.name().equalsIgnoreCase(wanted.replace(' ', '_')) || s.phrase.equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The message key of its label ({@code mitigation.endpointStatus.MITIGATION_IN_PROGRESS}). */
    public String labelKey() {
        return "mitigation.endpointStatus." + name();
    }
}
