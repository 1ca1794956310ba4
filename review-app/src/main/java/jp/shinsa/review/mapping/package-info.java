/**
 * The examiner teaches the statement reader (issue 13): an examiner maps a printed row of an
 * application's statement to an account ({@link jp.shinsa.review.mapping.RowMappingService}), the
 * checks and scores re-run, and the wording is learned for later applications
 * ({@link jp.shinsa.review.mapping.LearnedMappingService}, retired by an admin in {@code ui}).
 * Depends on {@code application} (to re-run and keep a review) and {@code audit}; {@code application}
 * knows it only through {@link jp.shinsa.review.application.RowRemapper}.
 *
 * @see "docs/decisions/014-row-mappings-and-learned-wordings.md"
 */
package jp.shinsa.review.mapping;
