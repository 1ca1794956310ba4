package jp.shinsa.review.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF protection. Vaadin's security configuration exempts the login form's POST from the
 * CSRF token check (its login form cannot send one), so another site could log a victim's browser
 * into an account of the attacker's choosing. A browser says where a request comes from: modern ones
 * send {@code Sec-Fetch-Site}, and every cross-origin form POST carries {@code Origin}. A login POST
 * whose headers name another site is refused (403); one without either header (a non-browser
 * client) goes on to the password check as before. This is the standard-header check OWASP
 * recommends besides tokens. Extra origins (a reverse proxy's public name) come from
 * {@code shinsa.security.allowed-origins}.
 */
final class SameOriginLoginFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(SameOriginLoginFilter.class);
    private final String loginPath;
    private final Set<String> allowedOrigins;

    SameOriginLoginFilter(String loginPath, Set<String> allowedOrigins) {
        this.loginPath = loginPath;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !loginPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        boolean crossSite = fetchSite != null && !Set.of("same-origin", "none").contains(fetchSite.toLowerCase(Locale.ROOT));
        boolean foreignOrigin = origin != null && !sameOrigin(origin, request);
        if (crossSite || foreignOrigin) {
            log.warn("refused a cross-site login POST (Origin {}, Sec-Fetch-Site {}) from {}", origin, fetchSite,
                    request.getRemoteAddr());
            // Written here, not sendError: the error page would be answered by a redirect to the login.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("403 cross-site login refused / 他のサイトからのログインは受け付けません\n");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean sameOrigin(String origin, HttpServletRequest request) {
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            int port = o.getPort() >= 0 ? o.getPort() : ("https".equalsIgnoreCase(o.getScheme()) ? 443 : 80);
            return request.getScheme().equalsIgnoreCase(o.getScheme())
                    && request.getServerName().equalsIgnoreCase(o.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed or privacy-restricted page) and garbage are not this site
        }
    }
}
