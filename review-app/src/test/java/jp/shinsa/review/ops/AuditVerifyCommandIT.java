package jp.shinsa.review.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ./shinsa audit-verify} finds the first entry someone changed behind the application's back. */
@ReviewAppIntegrationTest
class AuditVerifyCommandIT {
    @Autowired
    EmbeddedPostgres pg;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    record Run(int code, String out, String err) {
    }

    Run verify(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = AuditVerifyCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void should_report_ok_for_an_intact_chain_through_the_url_and_the_running_servers_data_dir() {
        audit.record("tester", "TEST_ENTRY", null, Map.of("n", 1));
        Run byUrl = verify("--url", pg.getJdbcUrl("postgres", "postgres"));
        assertThat(byUrl.code()).as(byUrl.err()).isZero();
        assertThat(byUrl.out()).startsWith("OK: ").contains("hash chain holds");
        // The data directory of the running server (shinsa.data-dir has a random part per lookup in tests).
        String pgData = jdbc.sql("SHOW data_directory").query(String.class).single();
        Run byDataDir = verify("--data-dir", java.nio.file.Path.of(pgData).getParent().toString());
        assertThat(byDataDir.code()).as(byDataDir.err()).isZero();
        assertThat(byDataDir.err()).contains("running workbench");
    }

    @Test
    void should_report_the_first_tampered_entry_and_exit_1() {
        audit.record("tester", "TEST_ENTRY", null, Map.of("n", 2));
        long victim = audit.record("tester", "TEST_ENTRY", null, Map.of("n", 3));
        audit.record("tester", "TEST_ENTRY", null, Map.of("n", 4));
        try {
            // The table refuses UPDATE by trigger; a superuser with direct access can still switch it off.
            tamper(victim, "mallory");
            Run broken = verify("--url", pg.getJdbcUrl("postgres", "postgres"));
            assertThat(broken.code()).as(broken.err()).isEqualTo(1);
            assertThat(broken.out()).startsWith("BROKEN").contains("entry " + victim + " ").contains("mallory");
        } finally {
            tamper(victim, "tester");
        }
        assertThat(verify("--url", pg.getJdbcUrl("postgres", "postgres")).code()).isZero();
    }

    @Test
    void should_exit_2_when_there_is_no_database() {
        Run r = verify("--data-dir", "/nonexistent/shinsa");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no database");
    }

    @Test
    void should_refuse_to_update_or_delete_an_audit_entry() {
        long id = audit.record("tester", "TEST_ENTRY", null, Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("UPDATE audit_event SET actor = 'x' WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    private void tamper(long id, String actor) {
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            s.execute("UPDATE audit_event SET actor = '" + actor + "' WHERE id = " + id);
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
