package jp.shinsa.review.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jp.shinsa.review.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wires the {@link LoginAttemptLimiter}: failed and successful logins are counted from Spring
 * Security's authentication events, and a filter placed before Spring Security's own refuses the
 * login POST of a locked name or address (answered like a wrong password, {@code /login?error}, so a
 * lock does not tell an attacker whether the name exists). Bounds from {@code shinsa.login.*}.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottling {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottling.class);

    @Bean
    LoginAttemptLimiter loginAttemptLimiter(@Value("${shinsa.login.max-failures:5}") int maxPerUser,
                                            @Value("${shinsa.login.max-failures-per-address:50}") int maxPerAddress,
                                            @Value("${shinsa.login.window:15m}") Duration window,
                                            @Value("${shinsa.login.lock:15m}") Duration lock) {
        return new LoginAttemptLimiter(Clock.systemUTC(), maxPerUser, maxPerAddress, window, lock);
    }

    @Bean
    LoginEvents loginEvents(LoginAttemptLimiter limiter, AuditLog audit) {
        return new LoginEvents(limiter, audit);
    }

    @Bean
    FilterRegistrationBean<LockedLoginFilter> lockedLoginFilter(LoginAttemptLimiter limiter) {
        var reg = new FilterRegistrationBean<>(new LockedLoginFilter(limiter));
        reg.addUrlPatterns("/login");
        reg.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return reg;
    }

    static final class LoginEvents {
        private final LoginAttemptLimiter limiter;
        private final AuditLog audit;

        LoginEvents(LoginAttemptLimiter limiter, AuditLog audit) {
            this.limiter = limiter;
            this.audit = audit;
        }

        @EventListener
        void failed(AuthenticationFailureBadCredentialsEvent e) {
            String name = e.getAuthentication().getName();
            String address = e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                    ? d.getRemoteAddress() : null;
            if (limiter.failed(name, address)) {
                log.warn("login locked for {} minutes after repeated failures (user {}, address {})",
                        limiter.lockDuration().toMinutes(), name, address);
                audit.record("system", "LOGIN_LOCKED", null, Map.of("username", truncate(name),
                        "address", address == null ? "" : address));
            }
        }

        @EventListener
        void succeeded(AuthenticationSuccessEvent e) {
            limiter.succeeded(e.getAuthentication().getName());
        }

        private static String truncate(String s) {
            return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
        }
    }

    static final class LockedLoginFilter extends OncePerRequestFilter {
        private final LoginAttemptLimiter limiter;

        LockedLoginFilter(LoginAttemptLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod())
                    && limiter.isLocked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
