/** Wiring: the embedded database, and the plain ingest and scoring objects as beans. */
package jp.shinsa.review.config;
