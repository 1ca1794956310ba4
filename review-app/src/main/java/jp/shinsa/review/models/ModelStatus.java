package jp.shinsa.review.models;

public enum ModelStatus { CANDIDATE, ACTIVE, RETIRED }
