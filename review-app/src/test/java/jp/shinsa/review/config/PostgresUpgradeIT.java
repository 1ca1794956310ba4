package jp.shinsa.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.shinsa.review.ShinsaApplication;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.DecisionOutcome;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.ops.AuditVerifyCommand;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A data directory made by the previous PostgreSQL major (the release before this one ran PostgreSQL
 * 14) is upgraded at the workbench's start with every record and the audit chain intact, the old
 * directory kept beside it; an upgrade that fails leaves the old directory as it was (decision 017).
 */
class PostgresUpgradeIT {
    private static final String DECISIONS = """
            SELECT id || '|' || application_id || '|' || outcome || '|' || coalesce(comment, '') || '|' || decided_by
                   || '|' || decided_at || '|' || model_versions::text || '|' || md5(review_snapshot::text)
            FROM decision ORDER BY id""";
    private static final String AUDIT = """
            SELECT id || '|' || at || '|' || actor || '|' || action || '|' || coalesce(application_id::text, '')
                   || '|' || detail::text || '|' || prev_hash || '|' || hash
            FROM audit_event ORDER BY id""";
    private static final String FILES = "SELECT count(*) || ':' || sum(length(content)) || ':' || md5(string_agg(md5(content), ',' ORDER BY id)) FROM application_file";

    @TempDir
    Path dataDir;

    @Test
    void should_upgrade_a_postgresql_14_directory_with_every_decision_and_audit_entry_and_the_chain_verified() throws Exception {
        Path pgData = dataDir.resolve("pgdata");
        List<String> decisions;
        List<String> audit;
        String files;
        // The previous release: the workbench on PostgreSQL 14 (started here, used as an external server).
        try (EmbeddedPostgres pg14 = previous(pgData)) {
            assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo(BundledPostgres.previousMajor()).isEqualTo("14");
            try (ConfigurableApplicationContext old = new SpringApplicationBuilder(ShinsaApplication.class).run(
                    "--spring.datasource.url=" + pg14.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--server.port=0")) {
                ApplicationReviewService service = old.getBean(ApplicationReviewService.class);
                asExaminer();
                List<Long> ids = List.of(
                        service.submitAsSystem("tester", "移行テスト 1", new DemoPackageGenerator().generate(0).files()),
                        service.submitAsSystem("tester", "移行テスト 2", List.of(csv("科目,金額\n現金,100\n"))),
                        service.submitAsSystem("tester", "移行テスト 3", List.of(csv("科目,金額\n預金,200\n"))));
                DecisionOutcome[] outcomes = DecisionOutcome.values();
                for (int i = 0; i < ids.size(); i++) {
                    int version = awaitReviewed(service, ids.get(i));
                    service.decide("examiner", ids.get(i), version, outcomes[i], "移行前の決定 " + i);
                }
                JdbcClient jdbc = old.getBean(JdbcClient.class);
                decisions = jdbc.sql(DECISIONS).query(String.class).list();
                audit = jdbc.sql(AUDIT).query(String.class).list();
                files = jdbc.sql(FILES).query(String.class).single();
                assertThat(decisions).hasSize(3);
                assertThat(audit.size()).isGreaterThanOrEqualTo(6);
                assertThat(old.getBean(AuditLog.class).verify()).isEmpty();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        // This release on the same data directory: upgraded at start.
        try (ConfigurableApplicationContext upgraded = new SpringApplicationBuilder(ShinsaApplication.class).run(
                "--shinsa.data-dir=" + dataDir, "--server.port=0", "--shinsa.demo.enabled=false")) {
            JdbcClient jdbc = upgraded.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith(BundledPostgres.major() + ".");
            assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo(BundledPostgres.major());
            assertThat(jdbc.sql(DECISIONS).query(String.class).list()).isEqualTo(decisions);
            assertThat(jdbc.sql(AUDIT).query(String.class).list()).startsWith(audit.toArray(String[]::new));
            assertThat(jdbc.sql(FILES).query(String.class).single()).isEqualTo(files);
            AuditLog auditLog = upgraded.getBean(AuditLog.class);
            assertThat(auditLog.verify()).isEmpty();
            // The chain and the sequences go on where the old server left them.
            long next = auditLog.record("tester", "TEST_AFTER_UPGRADE", null, Map.of());
            assertThat(next).isGreaterThan(Long.parseLong(audit.getLast().substring(0, audit.getLast().indexOf('|'))));
            String pgDataNow = jdbc.sql("SHOW data_directory").query(String.class).single();
            assertThat(Path.of(pgDataNow)).isEqualTo(pgData.toRealPath());
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = AuditVerifyCommand.run(new String[] {"--data-dir", dataDir.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            long entries = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: " + entries + " audit entries");
        }

        // The old directory is kept beside the new one, still a working PostgreSQL 14 directory.
        assertThat(Files.exists(dataDir.resolve("pgdata-upgrading"))).isFalse();
        List<Path> backups = backups();
        assertThat(backups).hasSize(1);
        assertThat(backups.getFirst().getFileName().toString()).matches("pgdata-14-backup-\\d{8}-\\d{6}");
        assertThat(PostgresUpgrade.pgVersion(backups.getFirst())).isEqualTo("14");
        try (EmbeddedPostgres pg14 = previous(backups.getFirst())) {
            assertThat(JdbcClient.create(pg14.getPostgresDatabase()).sql(DECISIONS).query(String.class).list())
                    .isEqualTo(decisions);
        }
    }

    @Test
    void should_leave_the_old_directory_as_it_was_when_the_upgrade_fails() throws Exception {
        Path pgData = dataDir.resolve("pgdata");
        try (EmbeddedPostgres pg14 = previous(pgData)) {
            Flyway.configure().dataSource(pg14.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(pg14.getPostgresDatabase());
            // Something the migrations do not make: the upgrade must not drop it silently.
            jdbc.sql("CREATE TABLE operator_notes (note text)").update();
            jdbc.sql("INSERT INTO operator_notes VALUES ('keep me')").update();
        }
        assertThatThrownBy(() -> PostgresUpgrade.upgradeIfOlder(pgData))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not upgrade")
                .hasMessageContaining("operator_notes")
                .hasMessageContaining("left as it was");

        assertThat(PostgresUpgrade.pgVersion(pgData)).isEqualTo("14");
        assertThat(Files.exists(dataDir.resolve("pgdata-upgrading"))).isFalse();
        assertThat(backups()).isEmpty();
        try (EmbeddedPostgres pg14 = previous(pgData)) {
            JdbcClient jdbc = JdbcClient.create(pg14.getPostgresDatabase());
            assertThat(jdbc.sql("SELECT note FROM operator_notes").query(String.class).list()).containsExactly("keep me");
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                    .isPositive();
        }
    }

    private static EmbeddedPostgres previous(Path pgData) throws IOException {
        return EmbeddedPostgres.builder().setPgBinaryResolver(BundledPostgres.PREVIOUS).setDataDirectory(pgData.toFile())
                .setCleanDataDirectory(false).start();
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> s = Files.list(dataDir)) {
            return s.filter(p -> p.getFileName().toString().contains("-backup-")).toList();
        }
    }

    private static UploadedFile csv(String text) {
        return new UploadedFile("決算.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void asExaminer() {
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "examiner", null, List.of(new SimpleGrantedAuthority("ROLE_EXAMINER")))));
    }

    /** Waits for the first pass and returns the application's version to decide on. */
    private static int awaitReviewed(ApplicationReviewService service, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            var s = service.find(id).orElseThrow();
            if (s.status() == ApplicationStatus.REVIEWED) {
                return s.version();
            }
            assertThat(s.status()).as("application " + id).isNotEqualTo(ApplicationStatus.FAILED);
            Thread.sleep(250);
        }
        throw new AssertionError("application " + id + " was not reviewed in time");
    }
}
