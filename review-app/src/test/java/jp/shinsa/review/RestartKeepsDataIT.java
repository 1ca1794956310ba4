package jp.shinsa.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stopping and starting the workbench on the same embedded data directory keeps every record. */
class RestartKeepsDataIT {

    @Test
    void should_find_its_applications_and_audit_entries_after_a_restart() throws Exception {
        Path dataDir = Files.createTempDirectory("shinsa-restart-");
        long id;
        long auditEntries;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            id = first.getBean(ApplicationReviewService.class).submitAsSystem("tester", "再起動テスト",
                    List.of(new UploadedFile("メモ.csv", "text/csv", "科目,金額\n".getBytes())));
            auditEntries = count(first, "SELECT count(*) FROM audit_event");
            assertThat(auditEntries).isPositive();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT name FROM application WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo("再起動テスト");
            assertThat(count(second, "SELECT count(*) FROM application_file WHERE application_id = " + id)).isEqualTo(1);
            assertThat(count(second, "SELECT count(*) FROM audit_event")).isGreaterThanOrEqualTo(auditEntries);
            assertThat(count(second, "SELECT count(*) FROM app_user WHERE username = 'examiner'")).isEqualTo(1);
            assertThat(second.getBean(AuditLog.class).verify()).isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Run arguments, not builder properties: those are defaults that application.properties overrides.
        return new SpringApplicationBuilder(ShinsaApplication.class)
                .run("--shinsa.data-dir=" + dataDir, "--server.port=0", "--shinsa.demo.applications=1");
    }

    private static long count(ConfigurableApplicationContext ctx, String sql) {
        return ctx.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }
}
