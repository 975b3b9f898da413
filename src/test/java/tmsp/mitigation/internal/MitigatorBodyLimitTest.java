package tmsp.mitigation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.io.OutputStream;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MitigatorBodyLimitTest {

    static ServletRequest filtered(int bodyBytes) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/mitigation/endpoint-statuses");
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(new byte[bodyBytes]);
        MockFilterChain chain = new MockFilterChain();
        new MitigatorBodyLimit().mitigatorJsonBodyLimit().getFilter()
                .doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest();
    }

    @Test
    void aBodyEndsOneByteAfterTheLimit() throws Exception {
        assertThat(filtered(3 * MitigatorApi.MAX_STATUS_BODY).getInputStream().transferTo(OutputStream.nullOutputStream()))
                .isEqualTo(MitigatorApi.MAX_STATUS_BODY + 1L);
        assertThat(filtered(3 * MitigatorApi.MAX_STATUS_BODY).getReader().transferTo(Writer.nullWriter()))
                .isEqualTo(MitigatorApi.MAX_STATUS_BODY + 1L);
    }

    @Test
    void aBodyWithinTheLimitIsWhole() throws Exception {
        assertThat(filtered(1000).getInputStream().readAllBytes()).hasSize(1000);
        assertThat(filtered(MitigatorApi.MAX_STATUS_BODY).getInputStream().readAllBytes())
                .hasSize(MitigatorApi.MAX_STATUS_BODY);
    }
}
