package jp.shinsa.review.security;

import java.util.Set;
import jp.shinsa.review.config.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * First start: with the embedded demo database, the demo users {@code examiner}, {@code supervisor}
 * and {@code admin} (password from SHINSA_DEMO_PASSWORD, else {@value #DEFAULT_DEMO_PASSWORD}); with an
 * external database, only an {@code admin} whose password comes from SHINSA_ADMIN_PASSWORD, and only
 * while there is no user at all.
 */
@Component
@Order(1)
class InitialUsers implements ApplicationRunner {
    static final String DEFAULT_DEMO_PASSWORD = "shinsa-demo";
    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);
    private final UserService users;
    private final Environment env;

    InitialUsers(UserService users, Environment env) {
        this.users = users;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DatabaseMode.isEmbedded(env) && env.getProperty("shinsa.demo.enabled", Boolean.class, true)) {
            String password = env.getProperty("SHINSA_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD);
            users.createIfAbsent("examiner", "審査 太郎", password, Set.of(Roles.EXAMINER));
            users.createIfAbsent("examiner2", "審査 花子", password, Set.of(Roles.EXAMINER));
            users.createIfAbsent("supervisor", "監督 次郎", password, Set.of(Roles.SUPERVISOR));
            users.createIfAbsent("admin", "管理 三郎", password, Set.of(Roles.ADMIN));
            return;
        }
        if (users.count() == 0) {
            String password = env.getProperty("SHINSA_ADMIN_PASSWORD");
            if (password == null || password.isBlank()) {
                log.error("No users yet and SHINSA_ADMIN_PASSWORD is not set: set it and restart to create the first admin.");
                return;
            }
            users.createIfAbsent("admin", "Administrator", password, Set.of(Roles.ADMIN));
            log.info("Created the first admin user 'admin' from SHINSA_ADMIN_PASSWORD.");
        }
    }
}
