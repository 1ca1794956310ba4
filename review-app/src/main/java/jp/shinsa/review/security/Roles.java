package jp.shinsa.review.security;

import java.util.List;

/** The three roles, one set of constants for views ({@code @RolesAllowed}) and services ({@code @PreAuthorize}). */
public final class Roles {
    public static final String EXAMINER = "EXAMINER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";
    public static final List<String> ALL = List.of(EXAMINER, SUPERVISOR, ADMIN);

    private Roles() {
    }
}
