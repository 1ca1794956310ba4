package jp.shinsa.review.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles. Only an ADMIN may list, add or disable users. */
@Service
public class UserService implements UserDetailsService {
    private final JdbcUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserService(JdbcUserRepository users, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var c = users.credentials(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(c.username()).password(c.passwordHash()).disabled(!c.enabled())
                .authorities(c.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<UserAccount> list() {
        return users.findAll();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void add(String actor, String username, String displayName, String password, Set<String> roles) {
        validate(username, password, roles);
        if (users.exists(username)) {
            throw new IllegalArgumentException("user exists: " + username);
        }
        users.insert(username, displayName == null || displayName.isBlank() ? username : displayName,
                encoder.encode(password), roles);
        audit.record(actor, "USER_ADDED", null, Map.of("username", username, "roles", String.join(",", roles)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        if (actor.equals(username) && !enabled) {
            throw new IllegalArgumentException("an admin cannot disable their own account");
        }
        if (users.setEnabled(username, enabled) == 0) {
            throw new IllegalArgumentException("no such user: " + username);
        }
        audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", null, Map.of("username", username));
    }

    /** Bootstrap only (demo users, first admin): no role check, used before anyone is logged in. */
    @Transactional
    void createIfAbsent(String username, String displayName, String password, Set<String> roles) {
        if (!users.exists(username)) {
            validate(username, password, roles);
            users.insert(username, displayName, encoder.encode(password), roles);
            audit.record("system", "USER_ADDED", null, Map.of("username", username, "roles", String.join(",", roles)));
        }
    }

    long count() {
        return users.count();
    }

    private static void validate(String username, String password, Set<String> roles) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("user name: 2–64 letters, digits, . _ -");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password: at least 8 characters");
        }
        if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            throw new IllegalArgumentException("roles: one or more of " + Roles.ALL);
        }
    }
}
