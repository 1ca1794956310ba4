package jp.shinsa.review.application;

/** The examiner's final call on an application. */
public enum DecisionOutcome { APPROVE, APPROVE_WITH_CONDITIONS, RETURN_FOR_CORRECTION, REJECT }
