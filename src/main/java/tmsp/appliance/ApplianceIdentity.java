package tmsp.appliance;

/**
 * The registered product a request's token (or a syslog message's GUID) belongs to; {@code enabled} tells 401
 * from 403 without a second lookup; {@code syslogSource}, when an administrator set it, is the only address its
 * syslog is taken from.
 */
public record ApplianceIdentity(long productId, long accountId, ProductType type, String guid, String hostname,
                                boolean enabled, String syslogSource) {

    /** Whether syslog naming this product may come from {@code address}. */
    public boolean sendsSyslogFrom(String address) {
        return syslogSource == null || syslogSource.equals(address);
    }

    /** The exchange property under which a route's first step hands the authenticated product on. */
    public static final String EXCHANGE_PROPERTY = "tmsp.appliance";
}
