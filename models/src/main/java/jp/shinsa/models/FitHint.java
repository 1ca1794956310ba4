package jp.shinsa.models;

/** What the purpose-fit score suggests to the examiner; the examiner decides. */
public enum FitHint { FIT, REVIEW, UNFIT }
