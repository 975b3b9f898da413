package tmsp.ingest.internal;

/** Canonical detection fields that CEF and LEEF fill from key=value pairs. */
enum Field {
    DEVICE_EXTERNAL_ID,
    EVENT_NAME,
    THREAT_TYPE,
    THREAT_NAME,
    RULE_ID,
    RULE_NAME,
    ACTION,
    SOURCE_ADDRESS,
    SOURCE_HOST,
    SOURCE_PORT,
    SOURCE_MAC,
    DESTINATION_ADDRESS,
    DESTINATION_HOST,
    DESTINATION_PORT,
    DESTINATION_MAC,
    INTERESTED_ADDRESS,
    PEER_ADDRESS,
    FILE_NAME,
    FILE_HASH,
    URL,
    DIRECTION,
    ATTACK_PHASE,
    COUNT
}
