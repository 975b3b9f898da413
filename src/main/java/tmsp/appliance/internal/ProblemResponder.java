package tmsp.appliance.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tmsp.appliance.ApplianceApiRefusal;

/** The appliance routes' shared error answer: a problem detail with the status the failure calls for. */
@Component("applianceProblems")
class ProblemResponder {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

    private final ObjectMapper json;

    ProblemResponder(ObjectMapper json) {
        this.json = json;
    }

    public void respond(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApplianceApiRefusal refusal = ApplianceApiRefusal.of(failure, "The portal could not handle this call");
        if (refusal.status() == 500) {
            log.error("Appliance API failed on {}", exchange.getFromRouteId(), failure);
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (refusal.retryAfterSeconds() != null) {
            message.setHeader("Retry-After", refusal.retryAfterSeconds());
        }
        if (refusal.status() == 401) {
            message.setHeader("WWW-Authenticate", "Basic realm=\"tmsp-appliances\", Bearer realm=\"tmsp-appliances\"");
        }
        message.setBody(json.writeValueAsString(
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage())));
    }
}
