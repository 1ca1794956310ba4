package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * What a statement row was taken for, and why.
 *
 * @param kind       ACCOUNT: the row is the account's figure; PART_OF: a detail line whose value is
 *                   part of the account (the account's figure is derived from its parts); UNMAPPED: no
 *                   account could be chosen; IGNORED: a heading or a line that carries no account
 *                   (e.g. a memo line outside the chart)
 * @param account    the account code of accounts.csv for ACCOUNT and PART_OF; the best candidate or null otherwise
 * @param confidence 0–1, from the mapping evidence (label, section, order, arithmetic, a taught mapping)
 * @param candidates the accounts considered, best first (may be empty)
 * @param reason     the evidence in words, in both languages
 * @param taught     true when the mapping came from an examiner (this application or a learned wording)
 */
public record RowMapping(Kind kind, String account, double confidence, List<AccountCandidate> candidates,
                         Text reason, boolean taught) {
    public enum Kind { ACCOUNT, PART_OF, UNMAPPED, IGNORED }

    public RowMapping {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        candidates = List.copyOf(candidates == null ? List.of() : candidates);
        if ((kind == Kind.ACCOUNT || kind == Kind.PART_OF) && account == null) {
            throw new IllegalArgumentException(kind + " needs an account");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
    }

    public static RowMapping unmapped(List<AccountCandidate> candidates, Text reason) {
        return new RowMapping(Kind.UNMAPPED, candidates == null || candidates.isEmpty() ? null : candidates.get(0).account(),
                0, candidates, reason, false);
    }
}
