/**
 * Who may do what: form login against users in PostgreSQL (BCrypt hashes), three roles, checked on
 * the server twice — {@code @RolesAllowed} on views and {@code @PreAuthorize} on services.
 */
package jp.shinsa.review.security;
