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

/** The examiners' row mappings, append-only (the schema refuses UPDATE and DELETE). */
@Repository
class JdbcRowMappingRepository {
    private final JdbcClient jdbc;

    JdbcRowMappingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(RowMappingEntry m) {
        return jdbc.sql("""
                INSERT INTO row_mapping (application_id, file, row_index, label, wording_key, document_type, from_kind,
                                         from_account, kind, account, reason, mapped_by, supersedes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(m.applicationId(), m.file(), m.rowIndex(), m.label(), m.wordingKey(), m.documentType().name(),
                        m.fromKind().name(), m.fromAccount(), m.kind().name(), m.account(), m.reason(), m.mappedBy(),
                        m.supersedes())
                .query(Long.class).single();
    }

    /** Every mapping of the application, oldest first (a later one of the same row supersedes an earlier one). */
    List<RowMappingEntry> ofApplication(long applicationId) {
        return jdbc.sql("SELECT * FROM row_mapping WHERE application_id = ? ORDER BY id").param(applicationId)
                .query(JdbcRowMappingRepository::entry).list();
    }

    /** The mapping in force for one row: the latest. */
    Optional<RowMappingEntry> latest(long applicationId, String file, int rowIndex) {
        return jdbc.sql("""
                SELECT * FROM row_mapping WHERE application_id = ? AND file = ? AND row_index = ?
                ORDER BY id DESC LIMIT 1""").params(applicationId, file, rowIndex)
                .query(JdbcRowMappingRepository::entry).optional();
    }

    private static RowMappingEntry entry(ResultSet rs, int i) throws SQLException {
        Long supersedes = rs.getObject("supersedes", Long.class);
        return new RowMappingEntry(rs.getLong("id"), rs.getLong("application_id"), rs.getString("file"),
                rs.getInt("row_index"), rs.getString("label"), rs.getString("wording_key"),
                DocumentType.valueOf(rs.getString("document_type")), RowMapping.Kind.valueOf(rs.getString("from_kind")),
                rs.getString("from_account"), RowMapping.Kind.valueOf(rs.getString("kind")), rs.getString("account"),
                rs.getString("reason"), rs.getString("mapped_by"), rs.getObject("mapped_at", OffsetDateTime.class),
                supersedes);
    }
}
