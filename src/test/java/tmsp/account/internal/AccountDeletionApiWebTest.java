package tmsp.account.internal;

import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.identity.CustomerLogons;
import tmsp.identity.internal.SecurityConfig;

/** The answers of DELETE /api/v1/accounts/{id}, one per outcome of the deletion, without a database. */
@WebMvcTest(AccountApiController.class)
@Import(SecurityConfig.class)
class AccountDeletionApiWebTest {

    @Autowired MockMvc mvc;
    @MockitoBean AccountDeletion deletion;
    @MockitoBean AccountManagement management;
    @MockitoBean AccountListQuery list;
    @MockitoBean CustomerLogons logons;

    @Test
    void doneIsNoContent() throws Exception {
        when(deletion.request(7)).thenReturn(new AccountDeletion.State(true, "p-1", null, null, "admin", Instant.EPOCH));
        mvc.perform(delete("/api/v1/accounts/7").with(user("admin").roles("ADMIN")).with(csrf())).andExpect(status().isNoContent());
    }

    @Test
    void waitingIsAcceptedAndPointsAtTheDeletionAndItsTask() throws Exception {
        when(deletion.request(7)).thenReturn(new AccountDeletion.State(false, "p-1", "t-1",
                "Move the products to another account", "admin", Instant.parse("2026-12-01T20:00:00Z")));
        mvc.perform(delete("/api/v1/accounts/7").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/accounts/7/deletion"))
                .andExpect(jsonPath("$.state").value("WAITING"))
                .andExpect(jsonPath("$.processInstanceId").value("p-1"))
                .andExpect(jsonPath("$.taskId").value("t-1"))
                .andExpect(jsonPath("$.taskList").value("/tasks"))
                .andExpect(jsonPath("$.requestedAt").value("2026-12-01T20:00:00Z"));
    }

    @Test
    void anObjectionIsAConflictAsAProblemDetail() throws Exception {
        when(deletion.request(7)).thenThrow(AccountRejected.of("id", "accounts.nameTaken", true));
        mvc.perform(delete("/api/v1/accounts/7").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anUnknownAccountIsNotFoundAsAProblemDetail() throws Exception {
        when(deletion.request(7)).thenThrow(new AccountNotFound(7));
        mvc.perform(delete("/api/v1/accounts/7").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
