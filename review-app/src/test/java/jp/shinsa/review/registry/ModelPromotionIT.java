package jp.shinsa.review.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.DecisionOutcome;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.supervision.SupervisionService;
import jp.shinsa.review.support.Applications;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.json.JsonMapper;

/** Promoting a model changes new scores; past decisions keep the scores they were made on. */
@ReviewAppIntegrationTest
@WithMockUser(username = "examiner", roles = {Roles.EXAMINER, Roles.ADMIN, Roles.SUPERVISOR})
class ModelPromotionIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired
    ApplicationReviewService applications;
    @Autowired
    ModelManagementService models;
    @Autowired
    ModelRegistry registry;
    @Autowired
    SupervisionService supervision;

    private String riskVersionOf(long id) {
        return JSON.readTree(applications.reviewJson(id).orElseThrow()).path("risk").path("modelVersion").asString();
    }

    @Test
    void should_score_new_applications_with_the_promoted_model_and_keep_past_rationales() throws Exception {
        ApplicationSummary before = Applications.reviewed(applications, 0, "昇格前の申請");
        String v1 = registry.active(ModelKind.RISK).orElseThrow().version();
        assertThat(riskVersionOf(before.id())).isEqualTo(v1);
        long decision = applications.decide("examiner", before.id(), before.version(), DecisionOutcome.APPROVE, "問題なし");
        ApplicationSummary open = Applications.reviewed(applications, 2, "昇格時に未決の申請");
        String decidedReview = applications.reviewJson(before.id()).orElseThrow();

        ModelVersion candidate = models.trainCandidate("admin", ModelKind.RISK);
        assertThat(candidate.status()).isEqualTo(ModelStatus.CANDIDATE);
        assertThat(candidate.version()).isNotEqualTo(v1);
        ModelManagementService.Comparison c = models.compare(candidate.version());
        assertThat(c.active().version()).isEqualTo(v1);
        assertThat(c.candidate().heldOutRows()).isPositive().isEqualTo(c.active().heldOutRows());
        assertThat(c.candidate().heldOutAuc()).isBetween(0.5, 1.0);
        assertThat(c.backtestCases()).isPositive();

        assertThatThrownBy(() -> models.promote("admin", candidate.version(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        models.promote("admin", candidate.version(), "held-out AUC no worse; backtest reviewed");
        assertThat(registry.active(ModelKind.RISK).orElseThrow().version()).isEqualTo(candidate.version());
        assertThat(registry.find(v1).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);

        // The undecided application is scored again with the promoted model, as a job; the decided one
        // keeps the review its decision rests on.
        ApplicationSummary reScored = Applications.reReviewed(applications, open.id());
        assertThat(reScored.reviewPending()).isFalse();
        assertThat(reScored.version()).isGreaterThan(open.version());
        assertThat(riskVersionOf(open.id())).isEqualTo(candidate.version());
        assertThat(applications.reviewJson(before.id()).orElseThrow()).isEqualTo(decidedReview);
        assertThat(applications.find(before.id()).orElseThrow().reviewPending()).isFalse();

        ApplicationSummary after = Applications.reviewed(applications, 4, "昇格後の申請");
        assertThat(riskVersionOf(after.id())).isEqualTo(candidate.version());
        // The past decision still shows the rationale it was made on.
        assertThat(JSON.readTree(supervision.snapshot(decision)).path("risk").path("modelVersion").asString()).isEqualTo(v1);
        assertThat(supervision.decision(decision).orElseThrow().modelVersions()).contains(v1);

        assertThat(models.rollBack("admin", ModelKind.RISK, "candidate flagged too many hospitals in review"))
                .isEqualTo(v1);
        assertThat(registry.active(ModelKind.RISK).orElseThrow().version()).isEqualTo(v1);
        Applications.reReviewed(applications, open.id());
        assertThat(riskVersionOf(open.id())).as("a roll-back re-reviews too").isEqualTo(v1);
        assertThat(models.history(ModelKind.RISK)).anySatisfy(h -> assertThat(h.reason()).contains("roll-back"));
    }
}
