/**
 * One application under review: its files, the first-pass review (checks and scores), corrections
 * and the examiner's decision. {@link jp.shinsa.review.application.ApplicationReviewService} is the
 * entry; views live in {@code ui}.
 */
package jp.shinsa.review.application;
