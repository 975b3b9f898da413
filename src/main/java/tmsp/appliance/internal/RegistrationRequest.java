package tmsp.appliance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ProductType;

/** What an appliance sends to register: {@code {type, hostname, guid, version}}. */
record RegistrationRequest(String type, String hostname, String guid, String version) {

    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?");
    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,63}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,40}");

    /** @throws ApplianceApiRefusal 400 naming every bad field */
    void validate() {
        List<String> problems = new ArrayList<>();
        if (productType() == null) {
            problems.add("type must be DISCOVERY or MITIGATOR");
        }
        if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
            problems.add("hostname must be a host name of at most 255 letters, digits, dots and hyphens");
        }
        if (guid == null || !GUID.matcher(guid).matches()) {
            problems.add("guid must be 8 to 64 letters, digits and hyphens");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            problems.add("version must be at most 40 letters, digits and . _ + -");
        }
        if (!problems.isEmpty()) {
            throw ApplianceApiRefusal.badRequest(String.join("; ", problems));
        }
    }

    ProductType productType() {
        try {
            return type == null ? null : ProductType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** GUIDs compare without regard to case: appliances print them either way. */
    String normalisedGuid() {
        return guid.toUpperCase(Locale.ROOT);
    }
}
