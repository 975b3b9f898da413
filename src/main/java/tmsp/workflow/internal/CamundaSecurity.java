package tmsp.workflow.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Camunda's web apps (Cockpit, Tasklist, Admin under {@value #WEBAPPS}) and its REST API ({@value #REST}) for
 * administrators only, signed in through the portal's own login: no second password, no Camunda users. Spring
 * Security decides who gets in; Camunda's container-based authentication then takes the portal user as its own
 * ({@link PortalAuthenticationProvider}). Both chains come before the portal's web chain (order 2), whose paths
 * they leave alone.
 */
@Configuration
class CamundaSecurity {

    static final String WEBAPPS = "/camunda";
    static final String REST = "/engine-rest";

    /**
     * The web apps. Spring's CSRF check is off here because the apps send Camunda's own token (the
     * {@code X-XSRF-TOKEN} header of Camunda's {@code CsrfPreventionFilter}, which stays on for their API), not
     * Spring's. Camunda's {@code HttpHeaderSecurityFilter} writes the content security policy the apps need (a
     * nonce for their inline bootstrap script, their inline styles); the portal's {@code script-src 'self'}
     * beside it would block them, as two policies both apply.
     */
    @Bean
    @Order(-2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
        http.securityMatcher(path(WEBAPPS + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .csrf(csrf -> csrf.disable())
                // the apps' API calls get a 401, a page a redirect to the portal's login (and back after it)
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path(WEBAPPS + "/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                path(WEBAPPS + "/**")))
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * The REST API: the browser session of an administrator, nothing else (no HTTP Basic). Spring's CSRF check
     * stays on, since the session cookie is the credential: a script that changes something sends the token
     * (header {@code X-CSRF-TOKEN}) from any portal page.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain camundaRestChain(HttpSecurity http) throws Exception {
        http.securityMatcher(path(REST + "/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Makes the portal user Camunda's user in the web apps; after Spring Security, before Camunda's filters. */
    @Bean
    FilterRegistrationBean<Filter> camundaWebappAuthentication() {
        return afterSpringSecurity("Portal authentication for Camunda's web apps", new PortalWebappAuthenticationFilter(),
                WEBAPPS + "/app/*", WEBAPPS + "/api/*");
    }

    /** Makes the portal user Camunda's user for each REST call, so what it does is recorded under its name. */
    @Bean
    FilterRegistrationBean<Filter> camundaRestAuthentication() {
        return afterSpringSecurity("Portal authentication for Camunda's REST API", new ProcessEngineAuthenticationFilter(),
                REST + "/*");
    }

    /**
     * A path of the whole application. Not the string form of {@code securityMatcher}: that one matches paths
     * of Spring MVC's servlet, and the REST API is Jersey's servlet, the apps' pages Camunda's filters.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static FilterRegistrationBean<Filter> afterSpringSecurity(String name, Filter filter, String... paths) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                PortalAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(paths);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
