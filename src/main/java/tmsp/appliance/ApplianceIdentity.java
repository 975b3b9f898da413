package tmsp.appliance;

/** The registered product a request's token belongs to; {@code enabled} tells 401 from 403 without a second lookup. */
public record ApplianceIdentity(long productId, long accountId, ProductType type, String guid, String hostname,
                                boolean enabled) {

    /** The exchange property under which a route's first step hands the authenticated product on. */
    public static final String EXCHANGE_PROPERTY = "tmsp.appliance";
}
