package jp.shinsa.review.cli;

import java.io.PrintStream;

/** {@code ./shinsa train-risk}: delegates to the risk trainer of the scoring module. */
public final class TrainRiskCli {
    private TrainRiskCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("train-risk: not available yet");
        return 2;
    }
}
