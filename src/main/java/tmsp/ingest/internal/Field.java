package tmsp.ingest.internal;

/** Canonical detection fields that CEF and LEEF fill from key=value pairs, with the kind of value each takes. */
enum Field {
    DEVICE_EXTERNAL_ID(Kind.TEXT),
    EVENT_NAME(Kind.TEXT),
    THREAT_TYPE(Kind.TEXT),
    THREAT_NAME(Kind.TEXT),
    RULE_ID(Kind.TEXT),
    RULE_NAME(Kind.TEXT),
    ACTION(Kind.TEXT),
    SOURCE_ADDRESS(Kind.ADDRESS),
    SOURCE_HOST(Kind.TEXT),
    SOURCE_PORT(Kind.PORT),
    SOURCE_MAC(Kind.TEXT),
    DESTINATION_ADDRESS(Kind.ADDRESS),
    DESTINATION_HOST(Kind.TEXT),
    DESTINATION_PORT(Kind.PORT),
    DESTINATION_MAC(Kind.TEXT),
    INTERESTED_ADDRESS(Kind.ADDRESS),
    PEER_ADDRESS(Kind.ADDRESS),
    FILE_NAME(Kind.TEXT),
    FILE_HASH(Kind.TEXT),
    URL(Kind.TEXT),
    DIRECTION(Kind.DIRECTION),
    ATTACK_PHASE(Kind.TEXT),
    COUNT(Kind.COUNT);

    enum Kind { TEXT, ADDRESS, PORT, DIRECTION, COUNT }

    final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }
}
