package jp.shinsa.models;

/** A past subsidy decision on one item (past-grants.csv {@code decision}). */
public enum GrantDecision {
    /** Granted as requested. */
    AWARDED,
    /** Granted, but for less than requested (e.g. above the reference unit price): the item fitted. */
    REDUCED,
    /** Not granted; {@link PastGrant#reasonJa()} says why. */
    REJECTED;

    /** Whether the item itself was judged to serve the program (awarded, possibly for less). */
    public boolean fitted() {
        return this != REJECTED;
    }
}
