package tmsp.ingest.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each canonical field comes from in CEF and in LEEF, in order of preference: plain keys, and
 * {@code @label} entries for custom fields ({@code cs1}, {@code cn3}, {@code c6a2}, ...) whose
 * {@code ...Label} names them. Labels are compared in lower case without spaces or punctuation.
 * docs/LOG-FORMATS.md has the same table for people.
 */
final class FieldSources {

    static final Map<Field, List<String>> CEF = new EnumMap<>(Field.class);
    static final Map<Field, List<String>> LEEF = new EnumMap<>(Field.class);

    static {
        CEF.put(Field.DEVICE_EXTERNAL_ID, List.of("deviceExternalId", "deviceGUID"));
        CEF.put(Field.THREAT_TYPE, List.of("threatType", "@threattype", "malType", "ptype"));
        CEF.put(Field.THREAT_NAME, List.of("threatName", "malName", "@threatname", "@malname", "@malwarename",
                "@virusname", "@threats"));
        CEF.put(Field.RULE_ID, List.of("ruleId", "@ruleid"));
        CEF.put(Field.RULE_NAME, List.of("ruleName", "@rulename"));
        CEF.put(Field.ACTION, List.of("act", "deviceAction"));
        CEF.put(Field.SOURCE_ADDRESS, List.of("src", "sourceAddress", "@sourceipv6address", "@sourceipv6",
                "@srcipv6"));
        CEF.put(Field.SOURCE_HOST, List.of("shost", "sourceHostName"));
        CEF.put(Field.SOURCE_PORT, List.of("spt", "sourcePort"));
        CEF.put(Field.SOURCE_MAC, List.of("smac", "sourceMacAddress"));
        CEF.put(Field.DESTINATION_ADDRESS, List.of("dst", "destinationAddress", "@destinationipv6address",
                "@destinationipv6", "@dstipv6"));
        CEF.put(Field.DESTINATION_HOST, List.of("dhost", "destinationHostName"));
        CEF.put(Field.DESTINATION_PORT, List.of("dpt", "destinationPort"));
        CEF.put(Field.DESTINATION_MAC, List.of("dmac", "destinationMacAddress"));
        CEF.put(Field.INTERESTED_ADDRESS, List.of("interestedIp", "@interestedipv6"));
        CEF.put(Field.PEER_ADDRESS, List.of("peerIp", "@peeripv6"));
        CEF.put(Field.FILE_NAME, List.of("fname", "fileName"));
        CEF.put(Field.FILE_HASH, List.of("fileHash"));
        CEF.put(Field.URL, List.of("request", "requestUrl", "url"));
        CEF.put(Field.DIRECTION, List.of("deviceDirection"));
        CEF.put(Field.ATTACK_PHASE, List.of("pAttackPhase", "attackPhase", "@attackphase"));
        CEF.put(Field.COUNT, List.of("cnt", "baseEventCount"));

        // LEEF takes its own predefined keys first, then the CEF names that vendors also use in LEEF.
        LEEF.putAll(CEF);
        LEEF.put(Field.EVENT_NAME, List.of("name"));
        LEEF.put(Field.ACTION, List.of("action", "act", "deviceAction"));
        LEEF.put(Field.SOURCE_PORT, List.of("srcPort", "spt", "sourcePort"));
        LEEF.put(Field.DESTINATION_PORT, List.of("dstPort", "dpt", "destinationPort"));
        LEEF.put(Field.SOURCE_MAC, List.of("srcMAC", "smac", "sourceMacAddress"));
        LEEF.put(Field.DESTINATION_MAC, List.of("dstMAC", "dmac", "destinationMacAddress"));
        LEEF.put(Field.URL, List.of("url", "request", "requestUrl"));
    }

    private FieldSources() {
    }
}
