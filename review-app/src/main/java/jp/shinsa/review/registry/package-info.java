/**
 * The model registry in PostgreSQL: candidates, the one active model per kind, retired ones, with
 * training data hash, metrics, who trained and who promoted them and why. The active models score.
 */
package jp.shinsa.review.registry;
