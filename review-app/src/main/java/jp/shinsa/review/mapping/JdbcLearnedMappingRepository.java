package jp.shinsa.review.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.RowMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Learned wordings. The schema keeps at most one active mapping per wording and document type and
 * allows no change but retiring, once.
 */
@Repository
class JdbcLearnedMappingRepository {
    private static final String SELECT = """
            SELECT l.*, a.name AS application_name%s
            FROM learned_mapping l JOIN application a ON a.id = l.application_id
            """;
    /**
     * Applications whose stored reading has a row of this label mapped as taught (the reading keeps
     * rows as JSONB, so this is one path query per listed mapping: fine for an admin list).
     */
    private static final String USED_BY = """
            , (SELECT count(*) FROM application u
               WHERE u.extraction_json IS NOT NULL AND jsonb_path_exists(u.extraction_json,
                 '$.documents[*].rows[*] ? (@.mapping.taught == true && @.label == $l)', jsonb_build_object('l', l.label))
              ) AS used_by""";

    private final JdbcClient jdbc;

    JdbcLearnedMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String wordingKey, String label, DocumentType type, RowMapping.Kind kind, String account,
                String taughtBy, long applicationId, long rowMappingId) {
        return jdbc.sql("""
                INSERT INTO learned_mapping (wording_key, label, document_type, kind, account, taught_by, application_id,
                                             row_mapping_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(wordingKey, label, type.name(), kind.name(), account, taughtBy, applicationId, rowMappingId)
                .query(Long.class).single();
    }

    /** Retires an active mapping; false when it was retired already (or does not exist). */
    boolean retire(long id, String by, String reason) {
        return jdbc.sql("""
                UPDATE learned_mapping SET retired_by = ?, retired_at = now(), retired_reason = ?
                WHERE id = ? AND retired_at IS NULL""").params(by, reason, id).update() == 1;
    }

    Optional<LearnedWording> find(long id) {
        return jdbc.sql(SELECT.formatted("") + " WHERE l.id = ?").param(id)
                .query((rs, i) -> wording(rs, false)).optional();
    }

    Optional<LearnedWording> active(String wordingKey, DocumentType type) {
        return jdbc.sql(SELECT.formatted("") + " WHERE l.wording_key = ? AND l.document_type = ? AND l.retired_at IS NULL")
                .params(wordingKey, type.name()).query((rs, i) -> wording(rs, false)).optional();
    }

    /** The active ones, as the reader applies them. */
    List<LearnedWording> allActive() {
        return jdbc.sql(SELECT.formatted("") + " WHERE l.retired_at IS NULL ORDER BY l.id")
                .query((rs, i) -> wording(rs, false)).list();
    }

    /** Every learned mapping, active first, newest first, with how many applications used it. */
    List<LearnedWording> list() {
        return jdbc.sql(SELECT.formatted(USED_BY) + " ORDER BY (l.retired_at IS NULL) DESC, l.id DESC")
                .query((rs, i) -> wording(rs, true)).list();
    }

    private static LearnedWording wording(ResultSet rs, boolean counted) throws SQLException {
        return new LearnedWording(rs.getLong("id"), rs.getString("wording_key"), rs.getString("label"),
                DocumentType.valueOf(rs.getString("document_type")), RowMapping.Kind.valueOf(rs.getString("kind")),
                rs.getString("account"), rs.getString("taught_by"), rs.getObject("taught_at", OffsetDateTime.class),
                rs.getLong("application_id"), rs.getString("application_name"), rs.getString("retired_by"),
                rs.getObject("retired_at", OffsetDateTime.class), rs.getString("retired_reason"),
                counted ? Integer.valueOf(rs.getInt("used_by")) : null);
    }
}
