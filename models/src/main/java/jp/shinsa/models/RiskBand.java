package jp.shinsa.models;

/** Bands of the financial risk score; thresholds are configuration. */
public enum RiskBand { LOW, MEDIUM, HIGH }
