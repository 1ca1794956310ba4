package jp.shinsa.review.supervision;

/** How overrides are grouped; each has its SQL expression over {@code decision d JOIN application a}. */
public enum Dimension {
    FINDING_CODE("f.code"),
    MODEL_VERSION("coalesce(d.model_versions->>'risk', '-') || ' / ' || coalesce(d.model_versions->>'purposeFit', '-')"),
    EXAMINER("d.decided_by"),
    PROGRAM("coalesce(a.program, '-')");

    final String expression;

    Dimension(String expression) {
        this.expression = expression;
    }
}
