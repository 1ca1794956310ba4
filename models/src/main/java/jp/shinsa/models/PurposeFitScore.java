package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/** How well one requested item serves the program's purpose: 0–100, higher fits better. */
public record PurposeFitScore(int itemNo, double purposeFit, FitHint hint, List<Text> reasons,
                              List<SimilarGrant> similarPastGrants, String modelVersion) {
    public PurposeFitScore {
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(modelVersion, "modelVersion");
        reasons = List.copyOf(reasons);
        similarPastGrants = List.copyOf(similarPastGrants);
        if (!(purposeFit >= 0 && purposeFit <= 100)) {
            throw new IllegalArgumentException("purposeFit must lie in [0,100]: " + purposeFit);
        }
    }
}
