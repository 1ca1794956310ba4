package jp.shinsa.review.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer shk_…}. A request without the header goes on as
 * anonymous (and is refused by the rules unless the path is public); a request with a token that is
 * unknown, malformed or revoked is refused here with 401, so a wrong token never silently becomes
 * anonymous access.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {
    /** Who called, as recorded in the audit log. */
    static final String ACTOR_PREFIX = "api:";
    private final ApiTokenService tokens;

    ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip()) : Optional.empty();
        if (token.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid API token",
                    "The API token is unknown, malformed or revoked.");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(ACTOR_PREFIX + token.get().name(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + token.get().role())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
