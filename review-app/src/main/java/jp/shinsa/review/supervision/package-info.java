/**
 * Supervisors' effective challenge of the AI (read-only): how often examiners depart from its
 * suggestions, by finding code, model version, examiner and program; each decision's rationale
 * exactly as it was shown; the audit log.
 */
package jp.shinsa.review.supervision;
