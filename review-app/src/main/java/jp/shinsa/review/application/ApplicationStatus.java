package jp.shinsa.review.application;

/** Where an application stands. FAILED carries a reason; nothing is ever left half-ingested. */
public enum ApplicationStatus { RECEIVED, PROCESSING, REVIEWED, DECIDED, FAILED }
