package jp.shinsa.scoring.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.shinsa.models.RiskScore;
import org.junit.jupiter.api.Test;

class TrainedRiskModelTest {

    @Test
    void should_round_trip_through_bytes_and_score_the_same() {
        for (TrainedRiskModel trained : List.of(TrainedModelFixture.boosted(), TrainedModelFixture.logistic())) {
            byte[] bytes = trained.toBytes();
            TrainedRiskModel back = TrainedRiskModel.fromBytes(bytes);

            assertThat(back).isEqualTo(trained);
            assertThat(back.metadata().features()).isEqualTo(trained.metadata().features());
            RiskScore before = RiskModels.load(trained, RiskBands.DEFAULT).score(RiskApplicationFixture.distressed());
            RiskScore after = RiskModels.load(bytes).score(RiskApplicationFixture.distressed());
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void should_carry_registry_metadata() {
        RiskModelMetadata m = TrainedModelFixture.boosted().metadata();
        assertThat(m.algorithm()).isEqualTo("xgboost-gbtree");
        assertThat(m.trainingDataSha256()).hasSize(64);
        assertThat(m.features()).contains("equity_ratio").doesNotContain("revenue_growth", "interest_burden");
        assertThat(m.applicantFeatures()).isTrue();
        assertThat(m.rows()).isEqualTo(1000);
        assertThat(m.version()).startsWith("risk-").contains("xgboost");
        assertThat(TrainedModelFixture.boosted().metadataJson()).contains("\"trainingDataSha256\"");
        assertThat(TrainedModelFixture.boosted().withVersion("risk-7").version()).isEqualTo("risk-7");
        assertThat(RiskModels.load(TrainedModelFixture.boosted().withVersion("risk-7").toBytes()).version())
                .isEqualTo("risk-7");
    }

    @Test
    void should_reject_bytes_that_are_not_a_model() {
        assertThatThrownBy(() -> TrainedRiskModel.fromBytes("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_refuse_to_score_applications_with_a_model_of_a_generic_data_set() {
        TrainedRiskModel generic = new RiskTrainer().train("g.csv", GenericDataFixture.csv(200, 3),
                "label", RiskTrainer.Options.defaults().withFolds(0).withBaselines(List.of())).trained();
        assertThat(generic.metadata().applicantFeatures()).isFalse();
        assertThatThrownBy(() -> RiskModels.load(generic, RiskBands.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generic");
    }
}
