package tmsp.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.IntegrationTest;

@IntegrationTest
@WithUserDetails("admin")
class UserAdminIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void anAdministratorCreatesAStaffUserWithRolesAndItIsLogged() throws Exception {
        String name = "Ana-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users/new").with(csrf()).param("username", name).param("displayName", "Ana Lyst")
                        .param("password", "ten-chars-or-more").param("roles", "ANALYST"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("success", "users.created"));
        var created = (tmsp.identity.PortalUser) users.loadUserByUsername(name);
        assertThat(created.roles()).containsExactly(tmsp.identity.Role.ANALYST);
        assertThat(encoder.matches("ten-chars-or-more", created.getPassword())).isTrue();
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'USER_CHANGED' and target = ? order by id desc limit 1",
                String.class, "user " + name.toLowerCase())).isEqualTo("created with roles [ANALYST]");
        mvc.perform(get("/admin/users")).andExpect(status().isOk());
    }

    @Test
    void badInputIsShownOnTheFormAndNothingIsCreated() throws Exception {
        long before = jdbc.queryForObject("select count(*) from users", Long.class);
        mvc.perform(post("/admin/users/new").with(csrf()).param("username", "bad name!").param("password", "short")
                        .param("roles", "CUSTOMER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("user", "username", "password"));
        mvc.perform(post("/admin/users/new").with(csrf()).param("username", "admin").param("password", "ten-chars-or-more"))
                .andExpect(model().attributeHasFieldErrors("user", "username", "roles"));
        assertThat(jdbc.queryForObject("select count(*) from users", Long.class)).isEqualTo(before);
    }

    @Test
    void anAdministratorCannotDisableOrDemoteItself() throws Exception {
        long me = jdbc.queryForObject("select id from users where username = 'admin'", Long.class);
        mvc.perform(post("/admin/users/" + me + "/disable").with(csrf()))
                .andExpect(flash().attribute("error", "users.cannotDisableSelf"));
        mvc.perform(post("/admin/users/" + me + "/edit").with(csrf()).param("roles", "ANALYST"))
                .andExpect(flash().attribute("error", "users.cannotDemoteSelf"));
        assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, me)).isTrue();
        assertThat(jdbc.queryForList("select role from user_roles where user_id = ?", String.class, me)).contains("ADMIN");
    }

    @Test
    void passwordResetDisableAndEnable() throws Exception {
        String name = "op-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users/new").with(csrf()).param("username", name)
                .param("password", "first-password").param("roles", "ADMIN", "ANALYST"));
        long id = jdbc.queryForObject("select id from users where username = ?", Long.class, name);

        mvc.perform(post("/admin/users/" + id + "/password").with(csrf()).param("password", "tiny"))
                .andExpect(flash().attribute("error", "validation.password"));
        mvc.perform(post("/admin/users/" + id + "/password").with(csrf()).param("password", "second-password"))
                .andExpect(flash().attribute("success", "users.passwordReset"));
        assertThat(encoder.matches("second-password", users.loadUserByUsername(name).getPassword())).isTrue();

        mvc.perform(post("/admin/users/" + id + "/disable").with(csrf())).andExpect(flash().attribute("success", "users.disabled"));
        assertThat(users.loadUserByUsername(name).isEnabled()).isFalse();
        mvc.perform(post("/admin/users/" + id + "/enable").with(csrf())).andExpect(flash().attribute("success", "users.enabled"));
        assertThat(users.loadUserByUsername(name).isEnabled()).isTrue();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/users/new").param("username", "x").param("password", "ten-chars-or-more").param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
    }
}
