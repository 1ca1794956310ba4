/** Subsidy programs as configuration (name, purpose, rate, cap, required documents), seeded from programs.csv. */
package jp.shinsa.review.program;
