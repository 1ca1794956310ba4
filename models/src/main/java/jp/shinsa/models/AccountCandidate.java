package jp.shinsa.models;

import java.util.Objects;

/** An account a row might be, with a score in [0,1] (higher is likelier). */
public record AccountCandidate(String account, double score) {
    public AccountCandidate {
        Objects.requireNonNull(account, "account");
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score must lie in [0,1]: " + score);
        }
    }
}
