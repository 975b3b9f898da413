package tmsp.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tmsp.identity.Role;
import tmsp.support.IntegrationTest;

@IntegrationTest
class LogonIT {

    static final String PASSWORD = "a-long-enough-password";

    @Autowired MockMvc mvc;
    @Autowired UserManagement management;
    @Autowired JdbcTemplate jdbc;

    String username;

    @BeforeEach
    void analyst() {
        username = "analyst-" + UUID.randomUUID().toString().substring(0, 8);
        UserForm form = new UserForm();
        form.setUsername(username);
        form.setPassword(PASSWORD);
        form.setRoles(EnumSet.of(Role.ANALYST));
        management.create(form);
    }

    @Test
    void aGoodLogonIsLoggedWithItsSourceAddressAndChangesTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        var result = mvc.perform(logon(username, PASSWORD, "203.0.113.7").session(session))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
        Map<String, Object> line = lastAuditLine(username);
        assertThat(line).containsEntry("action", "LOGON").containsEntry("source_address", "203.0.113.7");
    }

    @Test
    void aWrongPasswordIsRefusedAndLogged() throws Exception {
        mvc.perform(logon(username, "wrong", "198.51.100.23"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(lastAuditLine(username)).containsEntry("action", "LOGON_FAILED")
                .containsEntry("source_address", "198.51.100.23").containsEntry("details", "BadCredentials");
    }

    @Test
    void anUnknownUserIsLoggedToo() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-" + username).password("x")).andExpect(redirectedUrl("/login?error"));
        assertThat(lastAuditLine("nobody-" + username)).containsEntry("action", "LOGON_FAILED");
    }

    @Test
    void repeatedFailuresLockTheUserEvenAgainstTheRightPasswordUntilUnlocked() throws Exception {
        for (int i = 0; i <= User.FREE_FAILURES; i++) {
            mvc.perform(formLogin("/login").user(username).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?locked"));
        assertThat(lastAuditLine(username)).containsEntry("details", "Locked");

        long id = jdbc.queryForObject("select id from users where username = ?", Long.class, username);
        management.unlock(id);
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aDisabledUserCannotLogOn() throws Exception {
        long id = jdbc.queryForObject("select id from users where username = ?", Long.class, username);
        management.disable(id);
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?disabled"));
    }

    @Test
    void theLoginFormNeedsItsCsrfTokenAndEveryOtherPageNeedsALogon() throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(post("/logout").with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    private static MockHttpServletRequestBuilder logon(String user, String password, String from) {
        return post("/login").param("username", user).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                });
    }

    private Map<String, Object> lastAuditLine(String actor) {
        return jdbc.queryForMap("select * from audit_events where actor = ? order by id desc limit 1", actor);
    }
}
