package tmsp.mitigation.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * platform-http reads a route's whole body before the route runs (into memory), so a mitigator's JSON calls get a
 * body that ends one byte after {@link MitigatorApi#MAX_STATUS_BODY}: the route then answers 413 for it, and a huge
 * body costs no more memory than that.
 */
@Configuration(proxyBeanMethods = false)
class MitigatorBodyLimit {

    static final long CAP = MitigatorApi.MAX_STATUS_BODY + 1L;

    @Bean
    FilterRegistrationBean<Filter> mitigatorJsonBodyLimit() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(MitigatorBodyLimit::filter);
        registration.setName("mitigatorJsonBodyLimit");
        registration.addUrlPatterns("/api/v1/mitigation/endpoint-statuses", "/api/v1/mitigation/patterns/*");
        return registration;
    }

    private static void filter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Capped((HttpServletRequest) request), response);
    }

    /** The request with a body that ends after {@link #CAP} bytes. */
    private static final class Capped extends HttpServletRequestWrapper {

        private ServletInputStream body;

        Capped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedStream(super.getInputStream());
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                    : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long left = CAP;

        CappedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return left <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
