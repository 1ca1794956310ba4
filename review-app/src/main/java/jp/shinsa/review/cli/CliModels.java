package jp.shinsa.review.cli;

import java.io.PrintStream;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.pipeline.ReviewPipeline;

/** The models the command line reviews with (the workbench uses its registry's active models). */
final class CliModels {
    private CliModels() {
    }

    static ReviewPipeline pipeline(PrintStream err) {
        return PipelineFactory.standalone(() -> null, () -> null);
    }
}
