package tmsp.workflow.internal;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based sign-on for its web apps, without Camunda users: Camunda's own
 * {@code createAuthentication} looks the user up in its (empty) user table and gives up. The engine's
 * authorization is off, so every app is open to the user; Spring Security lets only administrators through.
 */
class PortalWebappAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    static final Set<String> APPS = Set.of("cockpit", "tasklist", "admin", "welcome");

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
                                                      List<String> tenants) {
        UserAuthentication authentication = new UserAuthentication(username, engine.getName());
        authentication.setGroupIds(groups);
        authentication.setTenantIds(tenants);
        authentication.setAuthorizedApps(APPS);
        return authentication;
    }

    /** Always renew it: cheap (no query), and a changed role shows at the next request. */
    @Override
    protected boolean existisAuthentication(Authentications authentications, String engineName, String username) {
        return false;
    }
}
