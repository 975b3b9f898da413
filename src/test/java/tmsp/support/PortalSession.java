package tmsp.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client on loopback that keeps its cookies and follows no redirects: for what MockMvc cannot
 * reach (servlets and filters beside Spring MVC, such as Camunda's web apps and REST API).
 */
public final class PortalSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private PortalSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A session that has not signed in. */
    public static PortalSession anonymous(int port) {
        return new PortalSession(port);
    }

    /** A session signed in through the portal's login form. */
    public static PortalSession signedIn(int port, String username, String password) throws Exception {
        PortalSession session = new PortalSession(port);
        Matcher token = CSRF.matcher(session.get("/login").body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> logon = session.http.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        String location = logon.headers().firstValue("Location").orElse("");
        if (logon.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("log on as " + username + " failed: " + logon.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with HTTP Basic credentials besides (or instead of) the session. */
    public HttpResponse<String> getWithBasic(String path, String username, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", ApplianceClient.basic(username, password)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
