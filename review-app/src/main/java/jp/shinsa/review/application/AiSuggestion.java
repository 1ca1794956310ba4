package jp.shinsa.review.application;

import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.RiskBand;
import jp.shinsa.models.Severity;

/**
 * What the first pass suggests, so a decision that departs from it can require a comment:
 * errors in the documents → return for correction; an item that does not fit the program, or a high
 * financial risk → approve with conditions; otherwise approve. The examiner decides.
 */
public final class AiSuggestion {
    private AiSuggestion() {
    }

    public static DecisionOutcome of(ApplicationReview review) {
        boolean errors = review.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (errors) {
            return DecisionOutcome.RETURN_FOR_CORRECTION;
        }
        boolean unfit = review.itemScores().stream().anyMatch(s -> s.hint() == FitHint.UNFIT);
        boolean highRisk = review.risk() != null && review.risk().band() == RiskBand.HIGH;
        return unfit || highRisk ? DecisionOutcome.APPROVE_WITH_CONDITIONS : DecisionOutcome.APPROVE;
    }
}
