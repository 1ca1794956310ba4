package jp.shinsa.review.security;

import java.time.OffsetDateTime;
import java.util.Set;

/** A workbench user as the admin sees it (never the password hash). */
public record UserAccount(long id, String username, String displayName, boolean enabled, Set<String> roles,
                          OffsetDateTime createdAt) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
