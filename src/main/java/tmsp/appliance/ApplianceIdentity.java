package tmsp.appliance;

/** The registered product a request's token belongs to. */
public record ApplianceIdentity(long productId, long accountId, ProductType type, String guid, String hostname) {
}
