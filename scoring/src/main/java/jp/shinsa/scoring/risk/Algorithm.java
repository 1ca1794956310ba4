package jp.shinsa.scoring.risk;

import java.util.Arrays;

/** The learners a risk model can be trained with. Codes are stored with trained models. */
public enum Algorithm {
    /** Gradient boosted trees (XGBoost): the default, the one that reaches the benchmark target. */
    GRADIENT_BOOSTING("xgboost-gbtree"),
    /** Weka's ridge logistic regression: a baseline. */
    LOGISTIC("weka-logistic"),
    /** Weka's J48 (C4.5) decision tree: a baseline. */
    DECISION_TREE("weka-j48"),
    /** Weka's random forest: a baseline. */
    RANDOM_FOREST("weka-random-forest");

    private final String code;

    Algorithm(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isWeka() {
        return this != GRADIENT_BOOSTING;
    }

    public static Algorithm ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code) || a.name().equalsIgnoreCase(code))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown algorithm: " + code));
    }
}
