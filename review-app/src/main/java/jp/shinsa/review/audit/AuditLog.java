package jp.shinsa.review.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.models.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what people and the system did. Entries join the caller's transaction, so an action and
 * its audit entry are committed together or not at all. Each entry is chained to the previous one by
 * SHA-256; {@link #verify()} finds the first entry whose chain is broken.
 */
@Service
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Serialises appends so the chain has one order (transaction-scoped advisory lock). */
    private static final long CHAIN_LOCK = 0x5348494e5341L;
    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry to the chain within the caller's transaction, holding the chain's lock until it
     * commits. Call it after the rows the transaction locks, never before: every writer takes them in
     * that order (rows, then the chain), or two writers can deadlock.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long record(String actor, String action, Long applicationId, Map<String, ?> detail) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, i) -> 1).list();
        String prev = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").query(String.class)
                .optional().orElse(GENESIS);
        long id = jdbc.sql("SELECT nextval('audit_event_id_seq')").query(Long.class).single();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // The canonical text PostgreSQL gives the JSON, so verification hashes exactly what is stored.
        String canonical = jdbc.sql("SELECT CAST(? AS jsonb)::text").param(JSON.writeValueAsString(detail))
                .query(String.class).single();
        String hash = hash(prev, id, at, actor, action, applicationId, canonical);
        jdbc.sql("""
                INSERT INTO audit_event (id, at, actor, action, application_id, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""")
                .params(id, at, actor, action, applicationId, canonical, prev, hash).update();
        return id;
    }

    public List<AuditEntry> search(String actor, Long applicationId, String action, OffsetDateTime from,
                                   OffsetDateTime to, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, action, application_id, detail::text AS detail, prev_hash, hash
                FROM audit_event
                WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:app AS bigint) IS NULL OR application_id = :app)
                  AND (CAST(:action AS text) IS NULL OR action = :action)
                  AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
                ORDER BY id DESC LIMIT :limit""")
                .param("actor", actor).param("app", applicationId).param("action", action)
                .param("from", from).param("to", to).param("limit", limit)
                .query(AuditLog::entry).list();
    }

    /** The first entry whose hash or link does not match, or empty when the whole chain holds. */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> verify() {
        String prev = GENESIS;
        List<AuditEntry> all = jdbc.sql("""
                SELECT id, at, actor, action, application_id, detail::text AS detail, prev_hash, hash
                FROM audit_event ORDER BY id""").query(AuditLog::entry).list();
        for (AuditEntry e : all) {
            String expected = hash(prev, e.id(), e.at(), e.actor(), e.action(), e.applicationId(), e.detail());
            if (!e.prevHash().equals(prev) || !e.hash().equals(expected)) {
                return Optional.of(e);
            }
            prev = e.hash();
        }
        return Optional.empty();
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("action"), rs.getObject("application_id", Long.class), rs.getString("detail"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static String hash(String prev, long id, OffsetDateTime at, String actor, String action, Long applicationId,
                       String detail) {
        String material = String.join("\u001f", prev, Long.toString(id),
                at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toInstant().toString(),
                actor, action, applicationId == null ? "" : applicationId.toString(), detail);
        return Sha256.hex(material);
    }
}
