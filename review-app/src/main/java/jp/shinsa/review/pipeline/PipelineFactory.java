package jp.shinsa.review.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.scoring.ApplicationCheck;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.checks.ConsistencyChecker;

/**
 * Builds the review pipeline outside Spring (the command line) from the same parts the workbench
 * wires as beans in {@code config.ScoringConfiguration}.
 */
public final class PipelineFactory {
    private PipelineFactory() {
    }

    /** The checks every review runs, in the order their findings are listed. */
    public static List<ApplicationCheck> standardChecks() {
        List<ApplicationCheck> checks = new ArrayList<>();
        checks.add(new ConsistencyChecker());
        return checks;
    }

    public static ReviewPipeline standalone(Supplier<RiskModel> risk, Supplier<PurposeFitScorer> fit) {
        return new ReviewPipeline(new ApplicationReader(), standardChecks(), risk, fit,
                ReviewPipeline.ProgramDirectory.builtIn());
    }
}
