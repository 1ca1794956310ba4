package jp.shinsa.review.support;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Test set-up that calls the services as a signed-in user. The caller goes on the security holder
 * of the test's own application context: Vaadin keeps one per context, and the static
 * {@link SecurityContextHolder} holds the one of the context started last in this JVM.
 */
public final class Callers {
    private Callers() {
    }

    /** Work that may throw, done as the user. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }

    /** {@code action} as {@code user} with {@code role} (a {@code Roles} constant); the caller before is restored. */
    public static <T> T as(ObjectProvider<SecurityContextHolderStrategy> holder, String user, String role,
                           Action<T> action) throws Exception {
        SecurityContextHolderStrategy strategy = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContext before = strategy.getContext();
        strategy.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
        try {
            return action.run();
        } finally {
            strategy.setContext(before);
        }
    }
}
