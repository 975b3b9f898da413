package tmsp.workflow.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's web apps and REST API take the user Spring Security signed in: user id = portal user name, groups =
 * its roles, and {@code camunda-admin} for administrators. Public with a no-argument constructor because Camunda's
 * filters create it from its class name.
 */
public class PortalAuthenticationProvider implements AuthenticationProvider {

    /** The group Camunda's Admin app treats as administrators. */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        Worker worker = Worker.of(authentication);
        List<String> groups = new ArrayList<>(worker.groups());
        if (worker.isAdmin()) {
            groups.add(CAMUNDA_ADMIN);
        }
        AuthenticationResult result = AuthenticationResult.successful(worker.name());
        result.setGroups(groups);
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has answered an anonymous request before Camunda's filters see it: nothing to add.
    }
}
