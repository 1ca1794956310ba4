package jp.shinsa.scoring.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.RiskBand;
import jp.shinsa.models.RiskFactor;
import jp.shinsa.models.RiskScore;
import org.junit.jupiter.api.Test;

class ExplainedRiskModelTest {

    private static double sum(RiskScore s) {
        return s.factors().stream().mapToDouble(RiskFactor::contribution).sum();
    }

    private static List<ExtractedApplication> applications() {
        return List.of(RiskApplicationFixture.healthy(), RiskApplicationFixture.distressed(),
                RiskApplicationFixture.application("mixed", Map.of(2023, RiskApplicationFixture.healthyYear(3_000_000_000L)),
                        RiskApplicationFixture.year(3_000_000_000L, 0.18, 0.002, 1.1, 0.8, 0.08)),
                new ExtractedApplication("empty", List.of()));
    }

    @Test
    void should_make_contributions_add_up_to_the_score() {
        for (TrainedRiskModel trained : List.of(TrainedModelFixture.boosted(), TrainedModelFixture.logistic())) {
            ExplainedRiskModel model = RiskModels.load(trained, RiskBands.DEFAULT);
            for (ExtractedApplication app : applications()) {
                RiskScore s = model.score(app);
                assertThat(sum(s)).as(trained.version() + " " + app.name()).isCloseTo(s.score(), within(1e-9));
                assertThat(s.score()).isBetween(0.0, 100.0);
            }
        }
    }

    @Test
    void should_make_contributions_add_up_for_random_and_partly_missing_ratios() {
        ExplainedRiskModel model = RiskModels.load(TrainedModelFixture.boosted(), RiskBands.DEFAULT);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 50; i++) {
            Map<String, Long> accounts = RiskApplicationFixture.year(1_000_000_000L + random.nextInt(1_000_000_000),
                    random.nextDouble() * 0.9 - 0.2, random.nextDouble() * 0.2 - 0.1, 0.3 + random.nextDouble() * 4,
                    random.nextDouble() * 1.5, random.nextDouble() * 0.3);
            accounts.keySet().removeIf(k -> random.nextDouble() < 0.2);
            RiskScore s = model.score(RiskFeatures.ofAccounts(accounts, 2024, "random"));
            assertThat(sum(s)).as(accounts.toString()).isCloseTo(s.score(), within(1e-9));
        }
    }

    @Test
    void should_score_a_distressed_hospital_above_a_healthy_one() {
        ExplainedRiskModel model = RiskModels.load(TrainedModelFixture.boosted(), RiskBands.DEFAULT);
        RiskScore healthy = model.score(RiskApplicationFixture.healthy());
        RiskScore distressed = model.score(RiskApplicationFixture.distressed());

        assertThat(distressed.score()).isGreaterThan(healthy.score() + 20);
        assertThat(healthy.band()).isEqualTo(RiskBand.LOW);
        assertThat(distressed.band()).isEqualTo(RiskBand.HIGH);
    }

    @Test
    void should_record_the_model_version_and_explain_every_factor_in_both_languages() {
        TrainedRiskModel trained = TrainedModelFixture.boosted();
        RiskScore s = RiskModels.load(trained, RiskBands.DEFAULT).score(RiskApplicationFixture.distressed());

        assertThat(s.modelVersion()).isEqualTo(trained.version());
        assertThat(s.factors().get(0).feature()).isEqualTo(ExplainedRiskModel.BASELINE_FACTOR);
        assertThat(s.factors()).extracting(RiskFactor::feature).contains("equity_ratio", "current_ratio",
                "debt_redemption_years", "revenue_growth", "interest_burden");
        assertThat(s.factors()).allSatisfy(f -> {
            assertThat(f.reason().ja()).isNotBlank();
            assertThat(f.reason().en()).isNotBlank();
        });
        RiskFactor equity = s.factors().stream().filter(f -> f.feature().equals("equity_ratio")).findFirst().orElseThrow();
        assertThat(equity.value()).isCloseTo(0.02, within(1e-6));
        assertThat(equity.source()).isEqualTo(RiskApplicationFixture.STATEMENTS + " FY2024");
        assertThat(equity.reason().ja()).startsWith("自己資本比率 2.0% は過去申請者の下位");
        assertThat(equity.reason().en()).startsWith("Equity ratio 2.0% is in the lowest");
    }

    @Test
    void should_never_let_a_weak_ratio_lower_the_risk() {
        // Monotone constraints: a ratio worse than the median pushes the score up or leaves it.
        RiskScore s = RiskModels.load(TrainedModelFixture.boosted(), RiskBands.DEFAULT)
                .score(RiskApplicationFixture.distressed());
        assertThat(s.factors()).filteredOn(f -> !f.feature().equals(ExplainedRiskModel.BASELINE_FACTOR))
                .allSatisfy(f -> assertThat(f.contribution()).as(f.feature()).isGreaterThanOrEqualTo(0.0));
    }

    @Test
    void should_give_unused_features_zero_contribution_as_reference_values() {
        RiskScore s = RiskModels.load(TrainedModelFixture.boosted(), RiskBands.DEFAULT)
                .score(RiskApplicationFixture.healthy());
        RiskFactor growth = s.factors().stream().filter(f -> f.feature().equals("revenue_growth")).findFirst().orElseThrow();
        assertThat(growth.contribution()).isZero();
        assertThat(growth.reason().ja()).contains("参考値");
    }

    @Test
    void should_band_scores_by_configurable_thresholds() {
        RiskBands bands = new RiskBands(30, 60);
        assertThat(bands.band(29.99)).isEqualTo(RiskBand.LOW);
        assertThat(bands.band(30)).isEqualTo(RiskBand.MEDIUM);
        assertThat(bands.band(60)).isEqualTo(RiskBand.HIGH);
        assertThatThrownBy(() -> new RiskBands(70, 60)).isInstanceOf(IllegalArgumentException.class);

        RiskScore s = RiskModels.load(TrainedModelFixture.boosted(), new RiskBands(0, 0))
                .score(RiskApplicationFixture.healthy());
        assertThat(s.band()).isEqualTo(RiskBand.HIGH);
    }

    @Test
    void should_compute_exact_shapley_values_of_a_known_game() {
        // v(∅)=0, v({0})=10, v({1})=20, v({0,1})=40: φ0 = (10 + 20)/2 = 15, φ1 = (20 + 30)/2 = 25
        double[] phi = ExplainedRiskModel.shapley(new double[] {0, 10, 20, 40}, 2);
        assertThat(phi[0]).isCloseTo(15, within(1e-12));
        assertThat(phi[1]).isCloseTo(25, within(1e-12));
    }
}
