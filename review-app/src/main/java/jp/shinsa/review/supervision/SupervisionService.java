package jp.shinsa.review.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Read-only analytics over decisions and what the AI suggested when they were made. */
@Service
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
public class SupervisionService {
    /** One row per distinct finding code a decision's rationale showed ("(none)" when it showed none). */
    private static final String FINDING_CODES = """
            CROSS JOIN LATERAL (SELECT DISTINCT coalesce(x->>'code', '(none)') AS code
                FROM jsonb_array_elements(CASE WHEN jsonb_array_length(coalesce(d.review_snapshot->'findings', '[]'::jsonb)) = 0
                     THEN '[{}]'::jsonb ELSE d.review_snapshot->'findings' END) x) f
            """;
    private static final String CASES = """
            SELECT d.id, d.application_id, a.name, a.program, d.outcome, d.ai_suggestion, d.departs_from_ai,
                   d.comment, d.decided_by, d.decided_at, d.model_versions::text AS mv
            FROM decision d JOIN application a ON a.id = d.application_id
            """;
    private final JdbcClient jdbc;

    SupervisionService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Override rates by a dimension within [from, to). By finding code, a decision counts once for
     * each distinct code its rationale showed ("(none)" when it showed no finding).
     */
    public List<OverrideRate> overrides(Dimension dimension, OffsetDateTime from, OffsetDateTime to) {
        String findings = dimension == Dimension.FINDING_CODE ? FINDING_CODES : "";
        return jdbc.sql("SELECT " + dimension.expression + " AS grp, count(*) AS n, "
                        + "count(*) FILTER (WHERE d.departs_from_ai) AS o "
                        + "FROM decision d JOIN application a ON a.id = d.application_id " + findings
                        + "WHERE d.decided_at >= ? AND d.decided_at < ? GROUP BY 1 ORDER BY 2 DESC, 1")
                .params(from, to)
                .query((rs, i) -> new OverrideRate(rs.getString("grp"), rs.getLong("n"), rs.getLong("o"))).list();
    }

    /** The decided cases of one group, newest first. */
    public List<DecisionCase> cases(Dimension dimension, String group, OffsetDateTime from, OffsetDateTime to) {
        String findings = dimension == Dimension.FINDING_CODE ? FINDING_CODES : "";
        return jdbc.sql(CASES + findings
                        + "WHERE d.decided_at >= ? AND d.decided_at < ? AND " + dimension.expression + " = ? "
                        + "ORDER BY d.decided_at DESC LIMIT 500")
                .params(from, to, group)
                .query(SupervisionService::decisionCase)
                .list();
    }

    /** A decision's rationale exactly as it was shown when it was made (the stored snapshot). */
    public java.util.Optional<DecisionCase> decision(long decisionId) {
        return jdbc.sql(CASES + "WHERE d.id = ?")
                .param(decisionId)
                .query(SupervisionService::decisionCase)
                .optional();
    }

    public String snapshot(long decisionId) {
        return jdbc.sql("SELECT review_snapshot::text FROM decision WHERE id = ?").param(decisionId)
                .query(String.class).single();
    }

    private static DecisionCase decisionCase(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DecisionCase(rs.getLong("id"), rs.getLong("application_id"), rs.getString("name"),
                rs.getString("program"), rs.getString("outcome"), rs.getString("ai_suggestion"),
                rs.getBoolean("departs_from_ai"), rs.getString("comment"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("mv"));
    }
}
