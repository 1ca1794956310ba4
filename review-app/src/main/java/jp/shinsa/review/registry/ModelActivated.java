package jp.shinsa.review.registry;

import java.util.Objects;

/**
 * A model became the active one of its kind (a promotion or a roll-back), published inside the
 * registry's transaction so that what follows from it (the re-review of undecided applications,
 * decision 015) commits or rolls back with the change. {@code previousVersion} is the model it
 * replaced, null for the first model of its kind (nothing was scored with another one: reviews wait
 * for the first models).
 */
public record ModelActivated(ModelKind kind, String version, String previousVersion) {
    public ModelActivated {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(version);
    }
}
