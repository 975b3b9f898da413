package tmsp.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.identity.PortalUser;
import tmsp.identity.Role;
import tmsp.identity.internal.SecurityConfig;

/** The web slice: login page, where each role lands, and the security headers, without a database. */
@WebMvcTest(HomeController.class)
@Import(SecurityConfig.class)
class HomeControllerWebTest {

    @Autowired MockMvc mvc;

    private static PortalUser portalUser(Role role, Long accountId) {
        return new PortalUser(7, "someone", "{noop}x", true, null, Set.of(role), accountId);
    }

    @Test
    void theLoginPageIsOpenCarriesItsCsrfTokenAndStrictHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("autocomplete=\"current-password\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void theLoginPageSpeaksGerman() throws Exception {
        mvc.perform(get("/login").param("lang", "de"))
                .andExpect(content().string(containsString("Anmelden")))
                .andExpect(header().string("Set-Cookie", containsString("tmsp-lang=de")));
    }

    @Test
    void everythingElseSendsAStrangerToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void staffLandOnTheAccountsAndACustomerOnItsOwnAccount() throws Exception {
        mvc.perform(get("/").with(user(portalUser(Role.ANALYST, null)))).andExpect(redirectedUrl("/accounts"));
        mvc.perform(get("/").with(user(portalUser(Role.ADMIN, null)))).andExpect(redirectedUrl("/accounts"));
        mvc.perform(get("/").with(user(portalUser(Role.CUSTOMER, 42L)))).andExpect(redirectedUrl("/accounts/42"));
    }
}
