package tmsp.appliance.internal;

import tmsp.appliance.ApplianceApiRefusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The appliance routes' shared error answer: a problem detail with the status the failure calls for. */
@Component("applianceProblems")
class ProblemResponder {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 409, "Conflict", 413, "Content Too Large",
            415, "Unsupported Media Type", 429, "Too Many Requests", 500, "Internal Server Error",
            503, "Service Unavailable");

    private final ObjectMapper json;

    ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    public void respond(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status = failure instanceof ApplianceApiRefusal refusal ? refusal.status() : 500;
        String detail = status == 500 ? "The portal could not handle this call" : failure.getMessage();
        if (status == 500) {
            log.error("Appliance API failed on {}", exchange.getFromRouteId(), failure);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", TITLES.getOrDefault(status, "Error"));
        body.put("status", status);
        body.put("detail", detail);
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (failure instanceof ApplianceApiRefusal refusal && refusal.retryAfterSeconds() != null) {
            message.setHeader("Retry-After", refusal.retryAfterSeconds());
        }
        if (status == 401) {
            message.setHeader("WWW-Authenticate", "Basic realm=\"tmsp-appliances\", Bearer realm=\"tmsp-appliances\"");
        }
        message.setBody(json.writeValueAsString(body));
    }
}
