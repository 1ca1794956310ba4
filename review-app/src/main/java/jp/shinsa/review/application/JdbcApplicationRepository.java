package jp.shinsa.review.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApplicationRepository {
    private final JdbcClient jdbc;

    JdbcApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String createdBy) {
        return jdbc.sql("INSERT INTO application (name, created_by) VALUES (?, ?) RETURNING id")
                .params(name, createdBy).query(Long.class).single();
    }

    void insertFile(long applicationId, UploadedFile file) {
        jdbc.sql("""
                INSERT INTO application_file (application_id, file_name, content_type, size_bytes, sha256, content)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(applicationId, file.fileName(), file.contentType(), (long) file.content().length,
                        sha256(file.content()), file.content())
                .update();
    }

    Optional<ApplicationSummary> find(long id) {
        return jdbc.sql("SELECT " + ApplicationRows.COLUMNS + " FROM application WHERE id = ?").param(id)
                .query(ApplicationRows::summary).optional();
    }

    List<StoredFile> files(long applicationId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, size_bytes, sha256 FROM application_file
                WHERE application_id = ? ORDER BY file_name""").param(applicationId)
                .query((rs, i) -> new StoredFile(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")))
                .list();
    }

    Optional<byte[]> fileContent(long applicationId, String fileName) {
        return jdbc.sql("SELECT content FROM application_file WHERE application_id = ? AND file_name = ?")
                .params(applicationId, fileName).query((rs, i) -> rs.getBytes(1)).optional();
    }

    Optional<String> reviewJson(long id) {
        return jdbc.sql("SELECT review_json::text FROM application WHERE id = ?").param(id)
                .query(String.class).optional();
    }

    /** Claims an application for processing; false when another worker has it or it is done. */
    boolean markProcessing(long id) {
        return jdbc.sql("""
                UPDATE application SET status = 'PROCESSING', updated_at = now(), version = version + 1
                WHERE id = ? AND status IN ('RECEIVED', 'PROCESSING')""").param(id).update() == 1;
    }

    void storeReview(long id, String program, String applicant, Long requested, int errors, int warnings,
                     Double riskScore, String riskBand, Double minFit, boolean flagged, String reviewJson) {
        jdbc.sql("""
                UPDATE application SET status = CASE WHEN status = 'DECIDED' THEN status ELSE 'REVIEWED' END,
                    program = ?, applicant = ?, requested_amount = ?,
                    error_count = ?, warning_count = ?, risk_score = ?, risk_band = ?, min_fit = ?, flagged = ?,
                    review_json = CAST(? AS jsonb), failure_reason = NULL, updated_at = now(), version = version + 1
                WHERE id = ?""")
                .params(program, applicant, requested, errors, warnings, riskScore, riskBand, minFit, flagged,
                        reviewJson, id)
                .update();
    }

    void markFailed(long id, String reason) {
        jdbc.sql("""
                UPDATE application SET status = 'FAILED', failure_reason = ?, updated_at = now(), version = version + 1
                WHERE id = ?""").params(reason, id).update();
    }

    /** Optimistic update of the assignee: false when someone changed the application since {@code version}. */
    boolean assign(long id, int version, String assignee) {
        return jdbc.sql("""
                UPDATE application SET assignee = ?, updated_at = now(), version = version + 1
                WHERE id = ? AND version = ?""").params(assignee, id, version).update() == 1;
    }

    List<Long> unfinished() {
        return jdbc.sql("SELECT id FROM application WHERE status IN ('RECEIVED', 'PROCESSING') ORDER BY id")
                .query(Long.class).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
