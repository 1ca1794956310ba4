package jp.shinsa.review.registry;

public enum ModelStatus { CANDIDATE, ACTIVE, RETIRED }
