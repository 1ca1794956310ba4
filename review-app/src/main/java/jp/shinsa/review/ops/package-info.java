/**
 * Operator commands of {@code ./shinsa} that work on the database directly, without starting the
 * workbench: {@code audit-verify} (check the audit log's hash chain) and {@code token} (API tokens).
 * They connect to SPRING_DATASOURCE_URL, else to the embedded PostgreSQL of the data directory — the
 * running workbench's server when there is one, else a server started for the command.
 */
package jp.shinsa.review.ops;
