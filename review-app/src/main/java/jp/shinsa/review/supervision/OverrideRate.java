package jp.shinsa.review.supervision;

/** Decisions in one group and how many departed from the AI's suggestion. */
public record OverrideRate(String group, long decisions, long overrides) {
    public double overrideRate() {
        return decisions == 0 ? 0 : (double) overrides / decisions;
    }

    public double agreementRate() {
        return decisions == 0 ? 0 : 1 - overrideRate();
    }
}
