package tmsp.appliance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.account.ProductRegistrationCredentials;
import tmsp.appliance.ApplianceIdentity;

/**
 * What the appliance routes in {@code camel-routes/appliance-api.yaml} call: reads credentials and the
 * JSON body off the exchange, calls one service, writes the answer. Refusals are {@link ApplianceApiRefusal}s.
 */
@Component("applianceApi")
class ApplianceApi {

    static final int MAX_BODY = 16 * 1024;

    /** The header camel-paho-mqtt5 puts the topic of a received message in ({@code PahoMqtt5Constants.MQTT_TOPIC}). */
    static final String MQTT_TOPIC = "CamelMqttTopic";
    /** The header that makes camel-paho-mqtt5 publish to another topic than its endpoint's. */
    static final String MQTT_OVERRIDE_TOPIC = "CamelPahoMqtt5OverrideTopic";
    /** Where {@link #mqttHeartbeat} keeps the reply topic for {@link #mqttRefusal}. */
    static final String MQTT_REPLY_TOPIC = "tmsp.mqttReplyTopic";
    private static final Pattern HEARTBEAT_TOPIC = Pattern.compile("tmsp/products/([^/+#]{1,64})/heartbeat");

    /** A heartbeat over MQTT: the token travels in the payload, as there are no headers to carry it. */
    record MqttHeartbeat(String token, Boolean securityCompliance, String version, String patternVersion,
                         String subscriptionExpires) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApplianceApi.class);

    private final ProductRegistrationCredentials credentials;
    private final ProductRegistration registration;
    private final Heartbeats heartbeats;
    private final ObjectMapper json;

    ApplianceApi(ProductRegistrationCredentials credentials, ProductRegistration registration, Heartbeats heartbeats,
                 ObjectMapper json) {
        this.credentials = credentials;
        this.registration = registration;
        this.heartbeats = heartbeats;
        // Appliances of newer versions may send fields we do not know yet: ignore them.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** POST /api/v1/products with the account's product-registration credentials (HTTP Basic). */
    public void register(Exchange exchange) {
        Message in = exchange.getIn();
        long accountId = basicAccount(in.getHeader("Authorization", String.class));
        RegistrationRequest request = read(in, RegistrationRequest.class);
        ProductRegistration.Registered registered = registration.register(accountId, request,
                in.getHeader("CamelHttpRemoteAddress", String.class));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("productId", registered.productId());
        answer.put("token", registered.token());
        answer.put("tokenRotated", registered.tokenRotated());
        answer.put("heartbeatIntervalSeconds", heartbeats.interval().toSeconds());
        respond(exchange, 201, answer);
    }

    /** POST /api/v1/heartbeat with the product's token (Bearer). */
    public void heartbeat(Exchange exchange) {
        ApplianceIdentity appliance = registration.require(exchange.getIn().getHeader("Authorization", String.class));
        heartbeats.record(appliance, read(exchange.getIn(), Heartbeats.Heartbeat.class));
        respond(exchange, 200, Map.of("intervalSeconds", heartbeats.interval().toSeconds()));
    }

    /**
     * A heartbeat published to {@code tmsp/products/<productId>/heartbeat} as
     * {@code {token, securityCompliance, version, patternVersion, subscriptionExpires}}. Leaves the answer
     * {@code {status:200, intervalSeconds}} as the body, to be published to the topic's {@code /reply}.
     */
    public void mqttHeartbeat(Exchange exchange) {
        Message in = exchange.getIn();
        String topic = in.getHeader(MQTT_TOPIC, String.class);
        Matcher matcher = topic == null ? null : HEARTBEAT_TOPIC.matcher(topic);
        if (matcher == null || !matcher.matches()) {
            throw ApplianceApiRefusal.badRequest("Not a heartbeat topic");
        }
        exchange.setProperty(MQTT_REPLY_TOPIC, topic + "/reply");
        byte[] payload = in.getBody(byte[].class);
        if (payload == null || payload.length == 0) {
            throw ApplianceApiRefusal.badRequest("The payload is empty");
        }
        if (payload.length > MAX_BODY) {
            throw new ApplianceApiRefusal(413, "The payload is larger than " + MAX_BODY + " bytes");
        }
        MqttHeartbeat heartbeat;
        try {
            heartbeat = json.readValue(payload, MqttHeartbeat.class);
        } catch (IOException e) {
            throw ApplianceApiRefusal.badRequest("The payload is not the JSON object expected");
        }
        if (heartbeat == null || heartbeat.token() == null || heartbeat.token().isBlank()) {
            throw ApplianceApiRefusal.unauthorized();
        }
        ApplianceIdentity appliance = registration.require("Bearer " + heartbeat.token());
        if (!matcher.group(1).equals(Long.toString(appliance.productId()))) {
            throw new ApplianceApiRefusal(403, "The token does not belong to the product of this topic");
        }
        heartbeats.record(appliance, new Heartbeats.Heartbeat(heartbeat.securityCompliance(), heartbeat.version(),
                heartbeat.patternVersion(), heartbeat.subscriptionExpires()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", 200);
        answer.put("intervalSeconds", heartbeats.interval().toSeconds());
        mqttReply(exchange, answer);
    }

    /**
     * The MQTT route's error answer: logs a warning and leaves {@code {status, detail}} as the body for the reply
     * topic (never the payload, which holds the token). A message on no heartbeat topic gets no reply.
     */
    public void mqttRefusal(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApplianceApiRefusal refusal = ApplianceApiRefusal.of(failure, "The portal could not handle this heartbeat");
        int status = refusal.status();
        String detail = refusal.getMessage();
        String topic = exchange.getIn().getHeader(MQTT_TOPIC, String.class);
        if (status == 500) {
            log.warn("MQTT heartbeat on {} failed", topic, failure);
        } else {
            log.warn("MQTT heartbeat on {} refused with {}: {}", topic, status, detail);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("detail", detail);
        mqttReply(exchange, answer);
    }

    private void mqttReply(Exchange exchange, Map<String, Object> answer) {
        String replyTopic = exchange.getProperty(MQTT_REPLY_TOPIC, String.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        try {
            out.setBody(json.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (replyTopic != null) {
            out.setHeader(MQTT_OVERRIDE_TOPIC, replyTopic);
        }
    }

    private long basicAccount(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6) || authorization.length() > 1024) {
            throw ApplianceApiRefusal.unauthorized();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApplianceApiRefusal.unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApplianceApiRefusal.unauthorized();
        }
        return credentials.accountFor(decoded.substring(0, colon), decoded.substring(colon + 1))
                .orElseThrow(ApplianceApiRefusal::unauthorized);
    }

    private <T> T read(Message in, Class<T> type) {
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new ApplianceApiRefusal(415, "Send application/json");
        }
        byte[] body = bounded(in.getBody(InputStream.class));
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApplianceApiRefusal.badRequest("The body is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApplianceApiRefusal.badRequest("The body is not the JSON object expected: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApplianceApiRefusal.badRequest("The body could not be read");
        }
    }

    private static byte[] bounded(InputStream body) {
        if (body == null) {
            throw ApplianceApiRefusal.badRequest("The body is empty");
        }
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new ApplianceApiRefusal(413, "The body is larger than " + MAX_BODY + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ApplianceApiRefusal.badRequest("The body could not be read");
        }
    }

    private void respond(Exchange exchange, int status, Object body) {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            out.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
