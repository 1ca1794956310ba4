package jp.shinsa.scoring.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskTrainerTest {
    private static final RiskTrainer.Options FIVE_FOLDS = RiskTrainer.Options.defaults().withFolds(5);

    @Test
    void should_cross_validate_the_model_and_the_baselines_on_a_csv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("generic.csv");
        Files.write(csv, GenericDataFixture.csv(400, 1));

        TrainingReport r = new RiskTrainer().train(csv, "label", FIVE_FOLDS);

        assertThat(r.rows()).isEqualTo(400);
        assertThat(r.features()).as("the id column is not numeric").containsExactly("x1", "x2", "x3");
        assertThat(r.folds()).isEqualTo(5);
        assertThat(r.model().algorithm()).isEqualTo(Algorithm.GRADIENT_BOOSTING);
        assertThat(r.model().auc()).isGreaterThan(0.8);
        assertThat(r.model().brier()).isBetween(0.0, 0.25);
        assertThat(r.model().truePositives() + r.model().falseNegatives()).isEqualTo(r.positives());
        assertThat(r.model().falsePositives() + r.model().trueNegatives()).isEqualTo(r.rows() - r.positives());
        assertThat(r.baselines()).extracting(CrossValidation::algorithm)
                .containsExactly(Algorithm.LOGISTIC, Algorithm.DECISION_TREE, Algorithm.RANDOM_FOREST);
        assertThat(r.baselines()).allSatisfy(b -> assertThat(b.auc()).isGreaterThan(0.7));
        assertThat(r.trained().metadata().trainingDataSha256()).isEqualTo(Dataset.sha256(Files.readAllBytes(csv)));
    }

    @Test
    void should_train_on_an_arff_with_a_nominal_class_and_missing_values() {
        TrainingReport r = new RiskTrainer().train("generic.arff", GenericDataFixture.arff(400, 2), "class",
                FIVE_FOLDS.withBaselines(List.of(Algorithm.LOGISTIC)));

        assertThat(r.features()).containsExactly("x1", "x2", "x3");
        assertThat(r.positives()).isBetween(50, 250);
        assertThat(r.model().auc()).isGreaterThan(0.8);
        assertThat(r.baselines()).hasSize(1);
    }

    @Test
    void should_turn_past_applicant_accounts_into_risk_features() {
        TrainingReport r = new RiskTrainer().train("demo.csv", TrainedModelFixture.demoCsv(600, 5),
                DemoPastApplicants.LABEL, FIVE_FOLDS.withBaselines(List.of()));

        assertThat(r.applicantFeatures()).isTrue();
        assertThat(r.features()).contains("equity_ratio", "debt_redemption_years", "loss_years")
                .doesNotContain("beds", "fiscal_year", "revenue_growth", "interest_burden");
        assertThat(r.model().auc()).isGreaterThan(0.7);
    }

    @Test
    void should_train_a_weka_algorithm_when_asked() {
        TrainingReport r = new RiskTrainer().train("g.csv", GenericDataFixture.csv(300, 4), "label",
                FIVE_FOLDS.withAlgorithm(Algorithm.RANDOM_FOREST).withBaselines(List.of()));
        assertThat(r.trained().algorithm()).isEqualTo(Algorithm.RANDOM_FOREST);
        assertThat(r.model().auc()).isGreaterThan(0.7);
    }

    @Test
    void should_reject_a_label_with_one_class_or_a_missing_label_column() {
        byte[] oneClass = "a,b,label\n1,2,0\n3,4,0\n".getBytes();
        assertThatThrownBy(() -> new RiskTrainer().train("x.csv", oneClass, "label", FIVE_FOLDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both classes");
        assertThatThrownBy(() -> new RiskTrainer().train("x.csv", oneClass, "nope", FIVE_FOLDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void should_stratify_folds_so_each_holds_its_share_of_positives() {
        int[] y = new int[100];
        Arrays.fill(y, 0, 20, 1);
        int[] fold = RiskTrainer.stratifiedFolds(y, 10, 3);
        for (int f = 0; f < 10; f++) {
            int positives = 0;
            int all = 0;
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) {
                    all++;
                    positives += y[i];
                }
            }
            assertThat(positives).isEqualTo(2);
            assertThat(all).isEqualTo(10);
        }
    }

    @Test
    void should_compute_auc_with_ties_counting_half() {
        assertThat(RiskTrainer.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1})).isCloseTo(0.75, within(1e-12));
        assertThat(RiskTrainer.auc(new double[] {0.5, 0.5}, new int[] {0, 1})).isCloseTo(0.5, within(1e-12));
    }
}
