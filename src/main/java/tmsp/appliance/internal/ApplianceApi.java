package tmsp.appliance.internal;

import tmsp.appliance.ApplianceApiRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import tmsp.account.ProductRegistrationCredentials;
import tmsp.appliance.ApplianceIdentity;

/**
 * What the appliance routes in {@code camel-routes/appliance-api.yaml} call: reads credentials and the
 * JSON body off the exchange, calls one service, writes the answer. Refusals are {@link ApplianceApiRefusal}s.
 */
@Component("applianceApi")
class ApplianceApi {

    static final int MAX_BODY = 16 * 1024;

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
