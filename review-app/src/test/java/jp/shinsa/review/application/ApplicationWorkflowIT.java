package jp.shinsa.review.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Duration;
import java.time.Instant;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Upload → first pass → correction → decision, on the real pipeline and PostgreSQL. */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = Roles.EXAMINER)
class ApplicationWorkflowIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired
    ApplicationReviewService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerClient jobs;

    private ApplicationSummary reviewed(DemoPackageGenerator.DemoPackage p) throws InterruptedException {
        long id = service.submit("examiner", p.name() + "-wf", p.files());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            ApplicationSummary s = service.find(id).orElseThrow();
            if (s.status() == ApplicationStatus.REVIEWED || s.status() == ApplicationStatus.FAILED) {
                return s;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("application " + id + " was not reviewed in time");
    }

    @Test
    void should_flag_a_planted_input_sheet_error_and_clear_it_after_a_correction() throws Exception {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(1);
        assertThat(p.planted()).isEqualTo("INPUT_SHEET_MISMATCH");
        ApplicationSummary app = reviewed(p);
        assertThat(app.status()).isEqualTo(ApplicationStatus.REVIEWED);
        JsonNode review = JSON.readTree(service.reviewJson(app.id()).orElseThrow());
        JsonNode finding = null;
        for (JsonNode f : review.path("findings")) {
            if ("INPUT_SHEET_MISMATCH".equals(f.path("code").asString())) {
                finding = f;
            }
        }
        assertThat(finding).as("the planted input-sheet error is found").isNotNull();
        assertThat(app.flagged()).isTrue();

        Correction c = new Correction(0, Correction.Kind.FIGURE, finding.path("file").asString(),
                finding.path("account").asString(), finding.path("fiscalYear").asInt(), null, "value",
                String.valueOf(finding.path("actual").asLong()), String.valueOf(finding.path("expected").asLong()),
                "決算書と照合し転記誤りを訂正", "examiner", null);
        service.correct("examiner", app.id(), app.version(), c);
        assertThat(service.corrections(app.id())).as("kept when acknowledged, before its re-review").hasSize(1);

        ApplicationSummary after = Applications.reReviewed(service, app.id());
        assertThat(after.reviewPending()).isFalse();
        assertThat(after.version()).isGreaterThan(app.version());
        JsonNode corrected = JSON.readTree(service.reviewJson(app.id()).orElseThrow());
        assertThat(corrected.path("findings").toString()).doesNotContain("INPUT_SHEET_MISMATCH");
        assertThat(service.corrections(app.id())).singleElement().satisfies(k -> {
            assertThat(k.originalValue()).isEqualTo(String.valueOf(finding_actual(review)));
            assertThat(k.correctedBy()).isEqualTo("examiner");
        });
        // The stale version is refused: no silent overwrite.
        assertThatThrownBy(() -> service.correct("examiner", app.id(), app.version(), c))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE application_id = ? ORDER BY id")
                .param(app.id()).query(String.class).list()).containsSubsequence("REVIEWED", "CORRECTED", "REREVIEWED");
    }

    @Test
    void should_keep_every_correction_made_while_a_re_review_runs_and_store_the_review_of_the_last() throws Exception {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(1);
        ApplicationSummary app = reviewed(p);
        JsonNode review = JSON.readTree(service.reviewJson(app.id()).orElseThrow());
        JsonNode finding = null;
        for (JsonNode f : review.path("findings")) {
            if ("INPUT_SHEET_MISMATCH".equals(f.path("code").asString())) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        String file = finding.path("file").asString();
        String account = finding.path("account").asString();
        int year = finding.path("fiscalYear").asInt();
        String actual = String.valueOf(finding.path("actual").asLong());
        String expected = String.valueOf(finding.path("expected").asLong());
        // A wrong correction, then at once (its re-review most likely still running) the right one.
        service.correct("examiner", app.id(), app.version(), new Correction(0, Correction.Kind.FIGURE, file, account,
                year, null, "value", actual, "1", "一度目（誤り）", "examiner", null));
        Correction right = new Correction(0, Correction.Kind.FIGURE, file, account, year, null, "value", "1", expected,
                "二度目（決算書と照合）", "examiner", null);
        for (int tries = 0; ; tries++) {
            // The version the examiner's screen holds; the first re-review may store in between (it is a change).
            int version = service.find(app.id()).orElseThrow().version();
            try {
                service.correct("examiner", app.id(), version, right);
                break;
            } catch (ConcurrentChangeException e) {
                assertThat(tries).isLessThan(5);
            }
        }

        ApplicationSummary after = Applications.reReviewed(service, app.id());
        assertThat(after.reviewPending()).isFalse();
        assertThat(service.corrections(app.id())).hasSize(2);
        assertThat(JSON.readTree(service.reviewJson(app.id()).orElseThrow()).path("findings").toString())
                .as("the stored review is that of both corrections, the later one winning")
                .doesNotContain("INPUT_SHEET_MISMATCH");
        assertThat(jdbc.sql("SELECT review_revision = reviewed_revision FROM application WHERE id = ?")
                .param(app.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void should_refuse_a_decision_until_the_re_review_is_done_and_let_the_examiner_run_a_given_up_one_again()
            throws Exception {
        ApplicationSummary app = reviewed(new DemoPackageGenerator().generate(3));
        // As the database looks when a re-review was started three times and never finished.
        int revision = jdbc.sql("""
                UPDATE application SET review_revision = review_revision + 1, rereview_attempts = ?
                WHERE id = ? RETURNING review_revision""")
                .params(ReviewJobs.MAX_REVIEW_ATTEMPTS, app.id()).query(Integer.class).single();
        ApplicationSummary pending = service.find(app.id()).orElseThrow();
        assertThat(pending.reviewPending()).isTrue();
        String suggestion = service.aiSuggestion(app.id()).orElseThrow();
        assertThatThrownBy(() -> service.decide("examiner", app.id(), pending.version(),
                DecisionOutcome.valueOf(suggestion), "再チェック前"))
                .as("a decision does not rest on a review that predates a change")
                .isInstanceOf(IllegalStateException.class);

        ReReviewJobs.enqueue(jobs, app.id(), revision);
        ApplicationSummary givenUp = Applications.reReviewed(service, app.id());
        assertThat(givenUp.reReviewFailure()).contains("interrupted 3 times");
        assertThat(givenUp.reviewPending()).as("the scores shown still predate the change").isTrue();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE application_id = ? ORDER BY id DESC LIMIT 1")
                .param(app.id()).query(String.class).single()).isEqualTo("REREVIEW_FAILED");

        service.reReview("examiner", app.id(), givenUp.version());
        ApplicationSummary done = Applications.reReviewed(service, app.id());
        assertThat(done.reviewPending()).isFalse();
        assertThat(done.reReviewFailure()).isNull();
        assertThat(done.status()).isEqualTo(ApplicationStatus.REVIEWED);
        service.decide("examiner", app.id(), done.version(), DecisionOutcome.valueOf(suggestion), "再チェック後");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE application_id = ? ORDER BY id")
                .param(app.id()).query(String.class).list())
                .containsSubsequence("REREVIEW_FAILED", "REREVIEW_REQUESTED", "REREVIEWED", "DECIDED");
    }

    @Test
    void should_resume_an_interrupted_review_job_and_give_up_on_one_interrupted_too_often() throws Exception {
        ApplicationSummary resumable = reviewed(new DemoPackageGenerator().generate(0));
        ApplicationSummary hopeless = reviewed(new DemoPackageGenerator().generate(2));
        // As the database looks after a kill: both mid-review, one already started three times.
        jdbc.sql("UPDATE application SET status = 'PROCESSING', review_attempts = 1 WHERE id = ?").param(resumable.id()).update();
        jdbc.sql("UPDATE application SET status = 'PROCESSING', review_attempts = ? WHERE id = ?")
                .params(ReviewJobs.MAX_REVIEW_ATTEMPTS, hopeless.id()).update();

        // Their jobs run again, as the job engine does with the job of an instance that died.
        ReviewJobs.enqueue(jobs, resumable.id());
        ReviewJobs.enqueue(jobs, hopeless.id());

        Instant failDeadline = Instant.now().plus(Duration.ofSeconds(60));
        while (service.find(hopeless.id()).orElseThrow().status() != ApplicationStatus.FAILED
                && Instant.now().isBefore(failDeadline)) {
            Thread.sleep(200);
        }
        ApplicationSummary failed = service.find(hopeless.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ApplicationStatus.FAILED);
        assertThat(jdbc.sql("SELECT failure_reason FROM application WHERE id = ?").param(hopeless.id())
                .query(String.class).single()).contains("interrupted 3 times");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (service.find(resumable.id()).orElseThrow().status() != ApplicationStatus.REVIEWED
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(service.find(resumable.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.REVIEWED);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE application_id = ? ORDER BY id")
                .param(resumable.id()).query(String.class).list()).contains("REVIEW_RESUMED");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE application_id = ? ORDER BY id DESC LIMIT 1")
                .param(hopeless.id()).query(String.class).single()).isEqualTo("REVIEW_FAILED");
    }

    private static long finding_actual(JsonNode review) {
        for (JsonNode f : review.path("findings")) {
            if ("INPUT_SHEET_MISMATCH".equals(f.path("code").asString())) {
                return f.path("actual").asLong();
            }
        }
        throw new AssertionError();
    }

    @Test
    void should_require_a_comment_to_depart_from_the_ai_and_keep_the_rationale_as_shown() throws Exception {
        ApplicationSummary app = reviewed(new DemoPackageGenerator().generate(2));
        String suggestion = service.aiSuggestion(app.id()).orElseThrow();
        DecisionOutcome departing = DecisionOutcome.valueOf(suggestion) == DecisionOutcome.REJECT
                ? DecisionOutcome.APPROVE : DecisionOutcome.REJECT;
        assertThatThrownBy(() -> service.decide("examiner", app.id(), app.version(), departing, " "))
                .isInstanceOf(IllegalArgumentException.class);

        long decisionId = service.decide("examiner", app.id(), app.version(), departing, "現地確認の結果による");
        ApplicationSummary decided = service.find(app.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(ApplicationStatus.DECIDED);
        DecisionRecord d = service.decisions(app.id()).getLast();
        assertThat(d.id()).isEqualTo(decisionId);
        assertThat(d.departsFromAi()).isTrue();
        assertThat(JSON.readTree(d.reviewSnapshotJson()).path("application").asString()).isEqualTo(app.name());
        // Decisions are append-only in the database.
        assertThatThrownBy(() -> jdbc.sql("UPDATE decision SET outcome = 'APPROVE' WHERE id = ?").param(decisionId).update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE application_id = ? AND action = 'DECIDED'")
                .param(app.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void should_tell_the_second_of_two_examiners_that_the_application_changed() throws Exception {
        ApplicationSummary app = reviewed(new DemoPackageGenerator().generate(4));
        service.assignToSelf("examiner", app.id(), app.version());
        assertThatThrownBy(() -> service.assignToSelf("examiner2", app.id(), app.version()))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> service.decide("examiner", app.id(), app.version(), DecisionOutcome.APPROVE, "x"))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(service.find(app.id()).orElseThrow().assignee()).isEqualTo("examiner");
    }
}
