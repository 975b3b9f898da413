package tmsp.appliance;

/** The two kinds of appliance that register with an account. */
public enum ProductType {
    DISCOVERY, MITIGATOR
}
