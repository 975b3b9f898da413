package tmsp.ingest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tmsp.appliance.ApplianceApiRefusal;
import tmsp.appliance.ApplianceIdentity;
import tmsp.appliance.ProductTokens;
import tmsp.appliance.ProductType;
import tmsp.ingest.UploadReceipt;

/**
 * POST /api/v1/logs, with the product's token. Served by Spring MVC rather than a Camel route so that the
 * body streams as raw bytes (gzip included) straight into the parser and COPY, never held whole in memory.
 */
@RestController
class LogUploadController {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final ProductTokens tokens;
    private final UploadProcessing uploads;

    LogUploadController(ProductTokens tokens, UploadProcessing uploads) {
        this.tokens = tokens;
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/logs", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        ApplianceIdentity product = tokens.require(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (product.type() != ProductType.DISCOVERY) {
            throw new ApplianceApiRefusal(403, "Only discovery appliances upload detection logs");
        }
        String contentType = mediaType(request.getContentType());
        if (!contentType.equals("text/plain") && !contentType.equals("application/x-ndjson")) {
            throw new ApplianceApiRefusal(415, "Send text/plain (CEF or LEEF lines) or application/x-ndjson");
        }
        String encoding = String.valueOf(request.getHeader(HttpHeaders.CONTENT_ENCODING)).trim().toLowerCase(Locale.ROOT);
        boolean gzip = encoding.equals("gzip");
        if (!gzip && !encoding.equals("null") && !encoding.equals("identity")) {
            throw new ApplianceApiRefusal(415, "Content-Encoding may be gzip or nothing");
        }
        String key = request.getHeader("Idempotency-Key");
        if (key != null && !KEY.matcher(key).matches()) {
            throw ApplianceApiRefusal.badRequest("Idempotency-Key must be 1 to 128 visible ASCII characters");
        }
        UploadReceipt receipt = uploads.receive(product, contentType, gzip, key, request.getInputStream());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uploadId", receipt.uploadId());
        body.put("accepted", receipt.accepted());
        body.put("rejected", receipt.rejected());
        body.put("replayed", receipt.replayed());
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    @ExceptionHandler(ApplianceApiRefusal.class)
    ResponseEntity<ProblemDetail> refused(ApplianceApiRefusal refusal) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refusal.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        }
        if (refusal.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tmsp-appliances\"");
        }
        return answer.body(ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage()));
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
