package jp.shinsa.review.models;

/** The kinds of model the workbench keeps. */
public enum ModelKind { RISK, PURPOSE_FIT }
