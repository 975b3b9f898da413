package tmsp.appliance;

import java.util.Optional;

/** Finds the registered product behind a message that arrives without a token (syslog). */
public interface ApplianceDirectory {

    /** The product registered with this GUID (compared without regard to case), enabled or not. */
    Optional<ApplianceIdentity> byGuid(String guid);

    /** The one product whose syslog source is configured as this address; empty if none or several are. */
    Optional<ApplianceIdentity> bySyslogSource(String address);
}
