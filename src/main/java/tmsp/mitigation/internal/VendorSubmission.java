package tmsp.mitigation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends a case's sample to the vendor through the route {@code mitigation-vendor-submission}
 * (camel-routes/mitigation-vendor.yaml), then marks the case sent. Run again after the case was sent, it sends
 * nothing; a job that failed between the delivery and the commit sends the same file again under the same name.
 */
@Service
class VendorSubmission {

    static final String ROUTE = "direct:mitigation-vendor-submission";

    private final ProducerTemplate camel;
    private final MitigationCases cases;
    private final FileStore files;
    private final CaseWork work;
    private final ObjectMapper json;
    private final String endpoint;

    VendorSubmission(ProducerTemplate camel, MitigationCases cases, FileStore files, CaseWork work, ObjectMapper json,
                     MitigationProperties properties) {
        this.camel = camel;
        this.cases = cases;
        this.files = files;
        this.work = work;
        this.json = json;
        this.endpoint = properties.vendorEndpoint();
    }

    /** @throws VendorUnreachable when the route gave up (after its own retries) */
    void submit(long caseId, String actor) {
        MitigationCase mitigationCase = cases.findById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        if (!CaseWork.notYetSent(mitigationCase)) {
            return;
        }
        String name = caseId + "-" + mitigationCase.sampleSha256();
        Exchange sent = camel.send(ROUTE, exchange -> {
            exchange.getIn().setBody(files.path(FileStore.Kind.SAMPLES, mitigationCase.sampleFile()).toFile());
            exchange.setProperty("vendorEndpoint", endpoint);
            exchange.setProperty("vendorName", name);
            exchange.setProperty("vendorSidecar", sidecar(mitigationCase, actor));
            exchange.setProperty("caseId", caseId);
            exchange.setProperty("sha256", mitigationCase.sampleSha256());
        });
        if (sent.getException() != null) {
            String reason = shown(endpoint) + ": " + sent.getException().getMessage();
            work.submissionFailed(caseId, actor, reason);
            throw new VendorUnreachable(reason, sent.getException());
        }
        work.sentToVendor(caseId, actor, name + ".zip to " + shown(endpoint));
    }

    private String sidecar(MitigationCase c, String actor) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("caseId", c.id());
        about.put("sampleName", c.sampleName());
        about.put("size", c.sampleSize());
        about.put("sha256", c.sampleSha256());
        about.put("receivedAt", c.receivedAt().toString());
        about.put("mitigationServer", c.mitigationServer());
        about.put("endpointIp", c.endpointIp());
        about.put("endpointHost", c.endpointHost());
        about.put("sentBy", actor);
        about.put("sentAt", Instant.now().toString());
        try {
            return json.writeValueAsString(about);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint without user information or query, which may carry credentials. */
    static String shown(String endpoint) {
        return endpoint.replaceFirst("//[^/@]*@", "//").replaceFirst("\\?.*$", "");
    }

    /** The vendor could not be reached (or refused the sample) after the route's retries. */
    static class VendorUnreachable extends RuntimeException {
        VendorUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
