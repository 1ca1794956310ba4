package jp.shinsa.review.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import jp.shinsa.review.api.ApiTokenService;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.config.PostmasterPid;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database an operator command works on: {@code --url} or SPRING_DATASOURCE_URL (with
 * SPRING_DATASOURCE_USERNAME/PASSWORD) when given; else the embedded PostgreSQL of the data directory
 * ({@code --data-dir}, SHINSA_DATADIR as for {@code serve}, default ~/.shinsa): the running workbench's server when its
 * postmaster is alive (its port is in postmaster.pid), otherwise a server started for the command and
 * stopped after it. No Spring Boot start-up: no web server, no demo loading, no background reviews.
 */
final class OpsDatabase implements AutoCloseable {
    private final EmbeddedPostgres started;
    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    final String description;

    private OpsDatabase(DataSource dataSource, EmbeddedPostgres started, String description) {
        this.started = started;
        this.description = description;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(TransactionTemplate.class, () -> tx);
        context.registerBean(AuditLog.class);
        context.registerBean(ApiTokenService.class);
        context.refresh();
    }

    /** Options this understands: --url U, --data-dir D. */
    static OpsDatabase open(Map<String, String> options, Map<String, String> env) throws IOException {
        String url = options.getOrDefault("url", env.get("SPRING_DATASOURCE_URL"));
        if (url != null && !url.isBlank()) {
            SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                    env.getOrDefault("SPRING_DATASOURCE_USERNAME", options.get("user")),
                    env.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
            return new OpsDatabase(ds, null, url.replaceAll("password=[^&]*", "password=***"));
        }
        Path dataDir = Path.of(options.getOrDefault("data-dir",
                env.getOrDefault("SHINSA_DATADIR", System.getProperty("user.home") + "/.shinsa")));
        Path pgData = dataDir.resolve("pgdata");
        if (!Files.isDirectory(pgData)) {
            throw new IOException("no database in " + pgData + " (set --data-dir, SHINSA_DATADIR or SPRING_DATASOURCE_URL)");
        }
        Optional<PostmasterPid.Running> running = PostmasterPid.of(pgData);
        if (running.isPresent()) {
            String jdbcUrl = "jdbc:postgresql://localhost:" + running.get().port() + "/postgres";
            return new OpsDatabase(new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl, "postgres", ""),
                    null, jdbcUrl + " (the running workbench's)");
        }
        jp.shinsa.review.config.PostgresUpgrade.upgradeIfOlder(pgData);
        EmbeddedPostgres pg = jp.shinsa.review.config.BundledPostgres.durableBuilder(pgData).start();
        return new OpsDatabase(pg.getPostgresDatabase(), pg, pgData + " (started for this command)");
    }

    /** Brings the schema up to date (the token table may be newer than the data directory). */
    void migrate() {
        Flyway.configure().dataSource(context.getBean(DataSource.class)).locations("classpath:db/migration").load()
                .migrate();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws IOException {
        context.close();
        if (started != null) {
            started.close();
        }
    }

    /** {@code --key value} and {@code --flag} pairs. */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                m.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(key, args[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return m;
    }
}
