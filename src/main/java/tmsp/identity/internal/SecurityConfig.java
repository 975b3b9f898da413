package tmsp.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three chains: the appliance API (authenticated in its routes), the JSON API under /api (HTTP Basic or the browser session, problem-details errors,
 * CSRF only where a browser session is the credential) and the web UI (form login, CSRF everywhere).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    private static final String[] RULE_AUTHORING_API = {"/api/v1/rule-drafts/**", "/api/v1/rule-draft-tests/**"};

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Appliances present their own credentials (registration user or product token), which their Camel
     * routes check; portal logons must not be tried on them, so this chain has no authentication at all.
     */
    @Bean
    @Order(0)
    SecurityFilterChain applianceChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/health", "/api/v1/products", "/api/v1/heartbeat", "/api/v1/logs",
                        "/api/v1/mitigation/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json) throws Exception {
        RequestMatcher scriptCall = request -> request.getHeader("Authorization") != null;
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth
                        // Rule authoring: analysts write, administrators read (and review in the task list).
                        .requestMatchers(HttpMethod.GET, RULE_AUTHORING_API).hasAnyRole("ADMIN", "ANALYST")
                        .requestMatchers(RULE_AUTHORING_API).hasRole("ANALYST")
                        // Customers only ever read; stop their writes here, before request bodies are
                        // validated, so that a 400 never tells them anything about another account.
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/v1/accounts/**").hasAnyRole("ADMIN", "ANALYST")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) ->
                        problem(json, res, HttpStatus.UNAUTHORIZED, "Missing or bad credentials")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(scriptCall))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) ->
                                problem(json, res, HttpStatus.UNAUTHORIZED, "Missing or bad credentials"))
                        .accessDeniedHandler((req, res, e) ->
                                problem(json, res, HttpStatus.FORBIDDEN, "Not allowed")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/rules", "/rules/**").hasAnyRole("ADMIN", "ANALYST")
                        .requestMatchers("/rules", "/rules/**").hasRole("ANALYST")
                        // Only administrators change accounts: refuse others before any form is bound.
                        .requestMatchers(HttpMethod.POST, "/accounts", "/accounts/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(failureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"tmsp\"");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
