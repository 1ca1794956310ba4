package jp.shinsa.scoring;

import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.RiskScore;

/** Scores the financial risk of an applicant from its extracted figures. Thread-safe. */
public interface RiskModel {
    /** The version recorded with every score, e.g. "risk-2026-11-24-1". */
    String version();

    RiskScore score(ExtractedApplication application);
}
