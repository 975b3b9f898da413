package tmsp.mitigation.internal;

/** How the pages name an endpoint: "10.0.0.5 (pc-5)", or whichever of the two a mitigator gave. */
final class Endpoints {

    private Endpoints() {
    }

    static String label(String ip, String hostname) {
        boolean hasIp = ip != null && !ip.isBlank();
        boolean hasHost = hostname != null && !hostname.isBlank();
        if (hasIp && hasHost) {
            return ip + " (" + hostname + ")";
        }
        return hasIp ? ip : hasHost ? hostname : "";
    }
}
