package jp.shinsa.review.cli;

import java.io.PrintStream;
import jp.shinsa.scoring.risk.TrainRiskCommand;

/** {@code ./shinsa train-risk}: the risk trainer of the scoring module (contract: review-contract.md). */
public final class TrainRiskCli {
    private TrainRiskCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return TrainRiskCommand.run(args, out, err);
    }
}
