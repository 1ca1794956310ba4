package jp.shinsa.review.registry;

/** The kinds of model the workbench keeps. */
public enum ModelKind { RISK, PURPOSE_FIT }
