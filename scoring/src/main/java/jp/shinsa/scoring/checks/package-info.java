/**
 * Consistency checks of an extracted application (findings.md): {@link jp.shinsa.scoring.checks.ConsistencyChecker}
 * is the entry point; one small package-private class per rule family, and the root-cause grouping
 * that turns failed checks into one alarm per cause. Plain Java. See docs/decisions/004-consistency-checks.md.
 */
package jp.shinsa.scoring.checks;
