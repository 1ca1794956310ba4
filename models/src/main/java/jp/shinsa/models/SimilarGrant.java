package jp.shinsa.models;

import java.util.Objects;

/** A past decision similar to a requested item; similarity in [0,1]. */
public record SimilarGrant(String id, double similarity, String decision, String itemName, String program,
                           Long unitPrice, String reason) {
    public SimilarGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decision, "decision");
        if (similarity < -1e-9 || similarity > 1 + 1e-9) {
            throw new IllegalArgumentException("similarity must lie in [0,1]: " + similarity);
        }
    }
}
