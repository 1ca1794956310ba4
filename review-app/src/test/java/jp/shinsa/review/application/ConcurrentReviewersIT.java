package jp.shinsa.review.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Examiners acting on the same applications at the same instant, each on their own thread and
 * database connection: one of them wins, the others are told the application changed, nothing is
 * decided twice or overwritten, and the audit chain stays one unbroken line.
 */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = Roles.EXAMINER)
class ConcurrentReviewersIT {
    private static final int EXAMINERS = 8;
    @Autowired
    ApplicationReviewService service;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    /**
     * The holder this context's method security reads. Vaadin's is one per application context, and
     * the static {@link SecurityContextHolder} holds the one of the context started last in this JVM.
     */
    @Autowired
    ObjectProvider<SecurityContextHolderStrategy> holder;

    @Test
    void should_let_exactly_one_of_eight_simultaneous_decisions_through() throws Exception {
        ApplicationSummary app = Applications.reviewed(service, 3, "同時決定");
        List<Object> outcomes = race(EXAMINERS, n -> service.decide("examiner-" + n, app.id(), app.version(),
                DecisionOutcome.RETURN_FOR_CORRECTION, "同時に決定した審査員 " + n));

        assertThat(outcomes).filteredOn(o -> o instanceof Long).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Long))
                .hasSize(EXAMINERS - 1).allSatisfy(o -> assertThat(o).isInstanceOf(ConcurrentChangeException.class));
        assertThat(service.decisions(app.id())).singleElement()
                .satisfies(d -> assertThat(d.id()).isEqualTo(outcomes.stream().filter(o -> o instanceof Long).findFirst().orElseThrow()));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE application_id = ? AND action = 'DECIDED'")
                .param(app.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void should_keep_one_audit_chain_when_many_examiners_act_at_once() throws Exception {
        List<ApplicationSummary> apps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            apps.add(Applications.reviewed(service, 5 + i, "同時操作-" + i));
        }
        long before = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        // Every examiner takes every application (one wins each), then declares a conflict on it.
        List<Object> outcomes = race(EXAMINERS * 2, n -> {
            int ok = 0;
            for (ApplicationSummary a : apps) {
                try {
                    service.assignToSelf("examiner-" + n, a.id(), a.version());
                    ok++;
                } catch (ConcurrentChangeException lost) {
                    // expected for all but one
                }
                service.declareConflict("examiner-" + n, a.id(), "同時操作テスト");
            }
            return ok;
        });

        int assigned = outcomes.stream().mapToInt(o -> (Integer) o).sum();
        assertThat(assigned).as("one assignment wins per application").isEqualTo(apps.size());
        long after = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThat(after - before).as("every action has its entry")
                .isGreaterThanOrEqualTo(apps.size() + (long) EXAMINERS * 2 * apps.size());
        assertThat(audit.verify()).as("first broken audit entry").isEmpty();
    }

    interface Action {
        Object run(int examiner) throws Exception;
    }

    /** Runs the action on {@code threads} threads released together; each result or exception, in order. */
    private List<Object> race(int threads, Action action) throws Exception {
        SecurityContextHolderStrategy strategy = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit((Callable<Object>) () -> {
                strategy.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        "examiner-" + n, null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.EXAMINER)))));
                ready.countDown();
                go.await();
                try {
                    return action.run(n);
                } catch (Exception e) {
                    return e;
                } finally {
                    strategy.clearContext();
                }
            }));
        }
        ready.await();
        go.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        return results;
    }
}
