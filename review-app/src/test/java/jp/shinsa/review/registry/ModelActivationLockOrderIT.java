package jp.shinsa.review.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A promotion and a review job storing its result at the same moment both commit. The job holds its
 * application's row and then appends to the audit chain; a promotion that took the chain's lock before
 * the applications' rows deadlocked with it, and PostgreSQL aborted one of the two (an admin's
 * promotion failed, or a review was retried).
 */
@ReviewAppIntegrationTest
@WithMockUser(username = "admin", roles = {Roles.EXAMINER, Roles.ADMIN, Roles.SUPERVISOR})
class ModelActivationLockOrderIT {
    @Autowired
    ApplicationReviewService applications;
    @Autowired
    ModelManagementService models;
    @Autowired
    ModelRegistry registry;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void should_promote_while_a_job_holds_an_application_and_appends_to_the_audit_chain() throws Exception {
        ApplicationSummary open = Applications.reviewed(applications, 1, "昇格と同時に保存される申請");
        ModelVersion candidate = models.trainCandidate("admin", ModelKind.RISK);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch rowHeld = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> job = threads.submit(() -> tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT id FROM application WHERE id = ? FOR UPDATE").param(open.id()).query(Long.class).single();
                rowHeld.countDown();
                awaitAnotherSessionWaitingOnALock();
                audit.record("system", "REREVIEWED", open.id(), Map.of("test", "lock order"));
            }));
            assertThat(rowHeld.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> promotion = threads.submit(() -> registry.activate(candidate.version(), "lock order", "admin"));
            job.get(120, TimeUnit.SECONDS);
            promotion.get(120, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(registry.active(ModelKind.RISK).orElseThrow().version()).isEqualTo(candidate.version());
    }

    /** Until the promotion's session waits for a lock (the row this transaction holds). */
    private void awaitAnotherSessionWaitingOnALock() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            long waiting = jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND datname = current_database()""")
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the promotion never waited for the application's row");
    }
}
