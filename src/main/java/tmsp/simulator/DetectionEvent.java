package tmsp.simulator;

import java.time.Instant;

/**
 * What one detection says, before it is written as CEF or LEEF ({@link LogLines}). Fields left null are not
 * written. Filled fluently by the generator: {@code new DetectionEvent(...).source(host).threat(...)}.
 */
final class DetectionEvent {

    /** Deep Discovery Inspector's threat type codes, sent as {@code cn3} with the label ThreatType. */
    enum ThreatType { FILE_PATTERN, MALICIOUS_BEHAVIOR, SUSPICIOUS_BEHAVIOR, EXPLOIT, GRAYWARE, WEB_REPUTATION,
        DISRUPTIVE_APPLICATION }

    Instant time;
    final int severity;
    final String eventId;
    final String name;
    ThreatType threatType;
    String malType;
    String malName;
    String ruleName;
    String attackPhase;
    String action;
    String sourceAddress;
    String sourceHost;
    String sourceMac;
    Integer sourcePort;
    String destinationAddress;
    String destinationHost;
    Integer destinationPort;
    String interestedAddress;
    String peerAddress;
    Integer direction;
    String fileName;
    String fileHash;
    String url;
    String user;
    String application;
    String protocol;
    int count = 1;

    DetectionEvent(int severity, String eventId, String name) {
        this.severity = severity;
        this.eventId = eventId;
        this.name = name;
    }

    DetectionEvent at(Instant time) {
        this.time = time;
        return this;
    }

    /** The connection starts at an internal host, which is also the host the detection is about. */
    DetectionEvent source(Host host, int port) {
        sourceAddress = host.address();
        sourceHost = host.name();
        sourceMac = host.mac();
        sourcePort = port;
        interestedAddress = host.address();
        return this;
    }

    /** The connection starts outside (an attacker); the internal destination is the host it is about. */
    DetectionEvent externalSource(String address, int port) {
        sourceAddress = address;
        sourcePort = port;
        peerAddress = address;
        return this;
    }

    DetectionEvent destination(String address, String host, int port) {
        destinationAddress = address;
        destinationHost = host;
        destinationPort = port;
        if (interestedAddress == null) {
            interestedAddress = address;
        } else {
            peerAddress = address;
        }
        return this;
    }

    DetectionEvent threat(ThreatType type, String malType, String malName) {
        this.threatType = type;
        this.malType = malType;
        this.malName = malName;
        return this;
    }

    DetectionEvent rule(String ruleName, String attackPhase) {
        this.ruleName = ruleName;
        this.attackPhase = attackPhase;
        return this;
    }

    DetectionEvent file(String fileName, String fileHash, String url) {
        this.fileName = fileName;
        this.fileHash = fileHash;
        this.url = url;
        return this;
    }

    DetectionEvent traffic(String protocol, String application, Integer direction, String action) {
        this.protocol = protocol;
        this.application = application;
        this.direction = direction;
        this.action = action;
        return this;
    }

    DetectionEvent user(String user) {
        this.user = user;
        return this;
    }

    DetectionEvent count(int count) {
        this.count = count;
        return this;
    }
}
