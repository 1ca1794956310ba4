package jp.shinsa.review.api;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.models.Sha256;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens bound to one role. A token is {@value #PREFIX} followed by 256 random bits; only its
 * SHA-256 is stored (a fast hash is enough for a random secret of that length, and it lets a request
 * be authenticated with one indexed lookup). Only an ADMIN creates, lists or revokes tokens; the
 * {@code ./shinsa token} command does the same as the operator, with the database's own access control.
 */
@Service
public class ApiTokenService {
    static final String PREFIX = "shk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public ApiTokenService(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public NewApiToken create(String actor, String name, String role) {
        return createAsOperator(actor, name, role);
    }

    /** For the command line, run by whoever holds the database: no role check here. */
    public NewApiToken createAsOperator(String actor, String name, String role) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{2,40}")) {
            throw new IllegalArgumentException("token name: 2–40 letters, digits, . _ -");
        }
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("role: one of " + Roles.ALL);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = tx.execute(s -> {
            if (jdbc.sql("SELECT count(*) FROM api_token WHERE name = ?").param(name).query(Integer.class)
                    .single() > 0) {
                throw new IllegalArgumentException("a token named " + name + " exists");
            }
            long id = jdbc.sql("""
                    INSERT INTO api_token (name, token_sha256, role, created_by) VALUES (?, ?, ?, ?) RETURNING id""")
                    .params(name, sha256(secret), role, actor).query(Long.class).single();
            audit.record(actor, "API_TOKEN_CREATED", null, Map.of("token", name, "role", role));
            return find(id).orElseThrow();
        });
        return new NewApiToken(token, secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(String actor, String name) {
        revokeAsOperator(actor, name);
    }

    public void revokeAsOperator(String actor, String name) {
        tx.executeWithoutResult(s -> {
            int n = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE name = ? AND revoked_at IS NULL")
                    .param(name).update();
            if (n == 0) {
                throw new IllegalArgumentException("no active token named " + name);
            }
            audit.record(actor, "API_TOKEN_REVOKED", null, Map.of("token", name));
        });
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ApiToken> list() {
        return listAsOperator();
    }

    public List<ApiToken> listAsOperator() {
        return jdbc.sql("SELECT id, name, role, created_by, created_at, revoked_at FROM api_token ORDER BY name")
                .query(ApiTokenService::row).list();
    }

    /** The active token with this secret, if any. Unknown, malformed and revoked tokens are all just empty. */
    Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, name, role, created_by, created_at, revoked_at FROM api_token
                WHERE token_sha256 = ? AND revoked_at IS NULL""").param(sha256(secret))
                .query(ApiTokenService::row).optional();
    }

    private Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT id, name, role, created_by, created_at, revoked_at FROM api_token WHERE id = ?")
                .param(id).query(ApiTokenService::row).optional();
    }

    private static ApiToken row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("role"), rs.getString("created_by"),
                rs.getObject("created_at", java.time.OffsetDateTime.class),
                rs.getObject("revoked_at", java.time.OffsetDateTime.class));
    }

    static String sha256(String secret) {
        return Sha256.hex(secret);
    }
}
