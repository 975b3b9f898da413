package tmsp.appliance;

/** The registered product a request's token belongs to. */
public record ApplianceIdentity(long productId, long accountId, ProductType type, String guid, String hostname) {

    /** The exchange property under which a route's first step hands the authenticated product on. */
    public static final String EXCHANGE_PROPERTY = "tmsp.appliance";
}
