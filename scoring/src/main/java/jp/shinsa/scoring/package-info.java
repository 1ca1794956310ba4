/**
 * Scoring an extracted application: consistency checks (findings.md), the financial risk score
 * (Weka) and the per-item purpose-fit score. Plain Java: the workbench wires it.
 */
package jp.shinsa.scoring;
