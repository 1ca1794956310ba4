package jp.shinsa.review.api;

import java.util.Map;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The security of {@code /api/**}, a chain of its own ordered before the Vaadin one: stateless (no
 * session is created or read, so a browser's session cookie gives no API access), CSRF off because
 * nothing here relies on cookies, token authentication only, and 401/403 as problem details. The
 * roles are checked here per endpoint and again by the services' {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens, AuditLog audit)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/openapi.yaml").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications").hasAnyRole(Roles.EXAMINER, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/applications", "/api/v1/applications/*",
                                "/api/v1/applications/*/review")
                        .hasAnyRole(Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN)
                        .anyRequest().denyAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.principal("anonymous"))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Authentication required",
                                    "Send an API token: Authorization: Bearer shk_…");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                                    .getAuthentication();
                            String actor = auth == null ? "anonymous" : auth.getName();
                            audit.record(actor, "API_DENIED", null,
                                    Map.of("method", req.getMethod(), "path", req.getRequestURI()));
                            Problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                    "The token's role may not " + req.getMethod() + " " + req.getRequestURI() + ".");
                        }));
        return http.build();
    }
}
