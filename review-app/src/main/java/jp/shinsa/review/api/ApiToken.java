package jp.shinsa.review.api;

import java.time.OffsetDateTime;

/** An API token as stored: never the token itself, only who it is for and its role. */
public record ApiToken(long id, String name, String role, String createdBy, OffsetDateTime createdAt,
                       OffsetDateTime revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
