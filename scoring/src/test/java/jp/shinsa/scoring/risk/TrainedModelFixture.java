package jp.shinsa.scoring.risk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small models trained once per test JVM on demo past applicants (no cross-validation: fast). */
final class TrainedModelFixture {
    private static TrainedRiskModel boosted;
    private static TrainedRiskModel logistic;

    private TrainedModelFixture() {
    }

    static synchronized TrainedRiskModel boosted() {
        if (boosted == null) {
            boosted = train(Algorithm.GRADIENT_BOOSTING);
        }
        return boosted;
    }

    static synchronized TrainedRiskModel logistic() {
        if (logistic == null) {
            logistic = train(Algorithm.LOGISTIC);
        }
        return logistic;
    }

    static byte[] demoCsv(int rows, long seed) {
        return DemoPastApplicants.csv(rows, seed).getBytes(StandardCharsets.UTF_8);
    }

    private static TrainedRiskModel train(Algorithm algorithm) {
        return new RiskTrainer().train("demo.csv", demoCsv(1000, 7), DemoPastApplicants.LABEL,
                RiskTrainer.Options.defaults().withFolds(0).withAlgorithm(algorithm).withBaselines(List.of())).trained();
    }
}
