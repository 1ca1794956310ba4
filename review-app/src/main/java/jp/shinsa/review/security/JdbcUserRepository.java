package jp.shinsa.review.security;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserRepository {
    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credentials(String username, String passwordHash, boolean enabled, Set<String> roles) {
    }

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.enabled, u.created_at, u.password_hash,
                   coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
            FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id
            """;

    Optional<Credentials> credentials(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = ? GROUP BY u.id").param(username)
                .query((rs, i) -> new Credentials(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), roles(rs.getArray("roles"))))
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql(SELECT + " GROUP BY u.id ORDER BY u.username")
                .query((rs, i) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("enabled"), roles(rs.getArray("roles")),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    long insert(String username, String displayName, String passwordHash, Set<String> roles) {
        long id = jdbc.sql("INSERT INTO app_user (username, display_name, password_hash) VALUES (?, ?, ?) RETURNING id")
                .params(username, displayName, passwordHash).query(Long.class).single();
        for (String role : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)").params(id, role).update();
        }
        return id;
    }

    int setEnabled(String username, boolean enabled) {
        return jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    private static Set<String> roles(Array array) {
        try {
            return new HashSet<>(Arrays.asList((String[]) array.getArray()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
