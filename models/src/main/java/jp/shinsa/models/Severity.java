package jp.shinsa.models;

/** How much a finding matters. ERROR and WARNING count as alarms; INFO does not. */
public enum Severity { ERROR, WARNING, INFO }
