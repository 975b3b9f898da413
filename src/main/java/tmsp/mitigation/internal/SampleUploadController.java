package tmsp.mitigation.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * POST /api/v1/mitigation/samples?endpointIp=&endpointHost=&fileName=, with a mitigator's token: the raw zip.
 * Served by Spring MVC, not by a route in mitigator-api.yaml, because platform-http reads the whole body before a
 * route runs; here the servlet's stream goes straight into the sample store, so memory does not grow with the
 * upload, and too large a sample is refused as soon as its Content-Length or its count passes the limit.
 */
@RestController
class SampleUploadController {

    private static final Logger log = LoggerFactory.getLogger(SampleUploadController.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Mitigators mitigators;
    private final SampleIntake intake;
    private final MitigationProperties properties;
    private final ObjectMapper json;

    SampleUploadController(Mitigators mitigators, SampleIntake intake, MitigationProperties properties,
                           ObjectMapper json) {
        this.mitigators = mitigators;
        this.intake = intake;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/mitigation/samples", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        ApplianceIdentity mitigator = mitigators.require(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!zipType(request.getContentType())) {
            throw new ApplianceApiRefusal(415, "Send the zip as application/zip or application/octet-stream");
        }
        long max = properties.maxSampleSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw new ApplianceApiRefusal(413, "A sample may have at most " + max + " bytes");
        }
        // Read only now (the content type is not a form's, so this does not touch the body).
        SampleIntake.Origin origin = origin(request);
        InputStream body = new SampleBody(request.getInputStream(), declared);
        byte[] head = body.readNBytes(ZIP_MAGIC.length);
        if (!Arrays.equals(head, ZIP_MAGIC)) {
            throw new ApplianceApiRefusal(415, "Not a zip: it does not start with PK\\x03\\x04");
        }
        SampleIntake.Received received;
        try {
            received = intake.receive(mitigator, origin, new SequenceInputStream(new ByteArrayInputStream(head), body));
        } catch (FileTooLarge e) {
            throw new ApplianceApiRefusal(413, "A sample may have at most " + e.limit() + " bytes");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SampleBody.BrokenOff brokenOff) {
                log.info("Sample upload of {} kept nothing: {}", Mitigators.actor(mitigator), brokenOff.getMessage());
                throw ApplianceApiRefusal.badRequest(brokenOff.getMessage());
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseId", received.caseId());
        answer.put("size", received.size());
        answer.put("sha256", received.sha256());
        return ResponseEntity.created(URI.create("/api/v1/mitigation-cases/" + received.caseId())).body(answer);
    }

    /**
     * Answered at once and flushed, closing the connection: after a refusal in mid-upload the server would otherwise
     * first drain the rest of the body the client is still sending.
     */
    @ExceptionHandler(ApplianceApiRefusal.class)
    void refused(ApplianceApiRefusal refusal, HttpServletResponse response) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (refusal.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tmsp-appliances\"");
        }
        json.writeValue(response.getOutputStream(),
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage()));
        response.flushBuffer();
    }

    private static SampleIntake.Origin origin(HttpServletRequest request) {
        String ip = parameter(request, "endpointIp", 45);
        if (ip != null && !IpLiterals.valid(ip)) {
            throw ApplianceApiRefusal.badRequest("endpointIp '" + ip + "' is not an IPv4 or IPv6 address");
        }
        String host = parameter(request, "endpointHost", 255);
        String fileName = parameter(request, "fileName", 255);
        // Only the last part of a path: the name is shown and offered on download, never used to store the file.
        String name = fileName == null ? null : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1).replaceAll("\\p{Cntrl}", "");
        return new SampleIntake.Origin(ip == null ? null : ip.toLowerCase(Locale.ROOT), host,
                name == null || name.isBlank() ? "sample.zip" : name);
    }

    private static String parameter(HttpServletRequest request, String name, int maxLength) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApplianceApiRefusal.badRequest(name + " is longer than " + maxLength + " characters");
        }
        return value.trim();
    }

    private static boolean zipType(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.equalsTypeAndSubtype(ZIP) || type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
