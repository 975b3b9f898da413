package tmsp.ingest;

/** Traffic direction as the appliance saw it (CEF {@code deviceDirection}: 0 inbound, 1 outbound). */
public enum Direction {
    INBOUND, OUTBOUND
}
