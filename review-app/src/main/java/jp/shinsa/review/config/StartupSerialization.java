package jp.shinsa.review.config;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Runs the start-up runners (programs, users, demo data: each "create when absent") of one instance at
 * a time when several start at once on one database: the first runner takes {@link ClusterLock#STARTUP}
 * and the last releases it. A runner that throws fails the start, which closes the connection and so
 * releases the lock. Flyway needs nothing of this: it takes its own advisory lock while migrating.
 */
@Configuration(proxyBeanMethods = false)
class StartupSerialization {
    private static final Logger log = LoggerFactory.getLogger(StartupSerialization.class);
    private ClusterLock held;

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner takeStartupLock(DataSource dataSource) {
        return args -> {
            held = ClusterLock.acquire(dataSource, ClusterLock.STARTUP);
            log.debug("start-up lock taken");
        };
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner releaseStartupLock() {
        return (ApplicationArguments args) -> {
            if (held != null) {
                held.close();
                held = null;
            }
        };
    }
}
