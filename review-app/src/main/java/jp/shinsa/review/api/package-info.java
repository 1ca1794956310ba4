/**
 * The REST API for upstream systems ({@code /api/v1}): submit an application package, poll its status,
 * fetch its review in the contract's JSON, list applications. Callers authenticate with an API token
 * bound to one role ({@link jp.shinsa.review.api.ApiTokenService}); the API is stateless (no session,
 * no CSRF token), answers errors as RFC 9457 problem details and records every action in the audit log.
 * The OpenAPI description is {@code /api/openapi.yaml}.
 */
package jp.shinsa.review.api;
