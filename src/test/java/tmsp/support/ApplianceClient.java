package tmsp.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An appliance talking to the portal over real HTTP on loopback, as the appliance API's tests need. */
public final class ApplianceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ApplianceClient(int port) {
        this.port = port;
    }

    /** POSTs the body with the given header names and values; a null value leaves that header out. */
    public HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        return post(path, body.getBytes(StandardCharsets.UTF_8), "Authorization", authorization, "Content-Type", contentType);
    }

    /** Registers a product to the account with its registration credentials. */
    public HttpResponse<String> register(TestAccounts.Created account, String type, String guid) throws Exception {
        return post("/api/v1/products", basic(account.registrationUser(), TestAccounts.PASSWORD), "application/json",
                "{\"type\":\"" + type + "\",\"hostname\":\"tda-01.corp.example\",\"guid\":\"" + guid + "\",\"version\":\"3.8.1180\"}");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
