package jp.shinsa.review.application;

import java.util.List;
import java.util.Optional;
import jp.shinsa.models.Sha256;
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
                UPDATE application SET status = 'PROCESSING', updated_at = now(), version = version + 1,
                    review_attempts = review_attempts + 1
                WHERE id = ? AND status IN ('RECEIVED', 'PROCESSING')""").param(id).update() == 1;
    }

    /**
     * Keeps a review's figures as those of {@code reviewedRevision} (the review revision the run read
     * when it started). The caller holds the row lock and has checked that the run may still store.
     */
    void storeReview(long id, int reviewedRevision, ReviewColumns c) {
        jdbc.sql("""
                UPDATE application SET status = 'REVIEWED',
                    program = ?, applicant = ?, requested_amount = ?,
                    error_count = ?, warning_count = ?, risk_score = ?, risk_band = ?, min_fit = ?, flagged = ?,
                    review_json = CAST(? AS jsonb), extraction_json = CAST(? AS jsonb), ai_suggestion = ?,
                    failure_reason = NULL, reviewed_revision = ?, rereview_attempts = 0, rereview_failure = NULL,
                    updated_at = now(), version = version + 1
                WHERE id = ?""")
                .params(c.program(), c.applicant(), c.requested(), c.errors(), c.warnings(), c.riskScore(),
                        c.riskBand(), c.minFit(), c.flagged(), c.reviewJson(), c.extractionJson(), c.aiSuggestion(),
                        reviewedRevision, id)
                .update();
    }

    /**
     * Records that a change calls for the checks to be run again: the review revision goes up, the
     * re-review's attempts start from zero. With {@code expectedVersion} set, only if nobody changed the
     * application since (and the version goes up). Returns the new revision; empty when the application
     * changed since {@code expectedVersion} or is not reviewed and undecided.
     */
    Optional<Integer> requestReReview(long id, Integer expectedVersion) {
        return jdbc.sql("""
                UPDATE application SET review_revision = review_revision + 1, rereview_attempts = 0,
                    rereview_failure = NULL, updated_at = now(),
                    version = CASE WHEN CAST(? AS int) IS NULL THEN version ELSE version + 1 END
                WHERE id = ? AND status = 'REVIEWED' AND (CAST(? AS int) IS NULL OR version = ?)
                RETURNING review_revision""")
                .params(expectedVersion, id, expectedVersion, expectedVersion).query(Integer.class).optional();
    }

    /** An application and the review revision a change raised it to. */
    record Revision(long id, int revision) {
    }

    /**
     * After a model was promoted or rolled back: every application not yet decided is to be scored
     * again. Returns the reviewed ones (their re-review is due now); those still in their first pass
     * get theirs when that pass stores (it read an older revision).
     */
    List<Revision> requestReReviewOfUndecided() {
        return jdbc.sql("""
                UPDATE application SET review_revision = review_revision + 1, rereview_attempts = 0,
                    rereview_failure = NULL, updated_at = now()
                WHERE status IN ('RECEIVED', 'PROCESSING', 'REVIEWED')
                RETURNING id, status, review_revision""")
                .query((rs, i) -> "REVIEWED".equals(rs.getString("status"))
                        ? new Revision(rs.getLong("id"), rs.getInt("review_revision")) : null).list()
                .stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparingLong(Revision::id))
                .toList();
    }

    /** A due re-review: the revision to reach and how many times it was started. */
    record DueReReview(int revision, int attempts) {
    }

    /** The application's due re-review, holding the row until the transaction ends; empty when none is due. */
    Optional<DueReReview> lockDueReReview(long id) {
        return jdbc.sql("""
                SELECT review_revision, rereview_attempts FROM application
                WHERE id = ? AND status = 'REVIEWED' AND review_revision > reviewed_revision FOR UPDATE""")
                .param(id).query((rs, n) -> new DueReReview(rs.getInt(1), rs.getInt(2))).optional();
    }

    /** The due re-review without locking it. */
    Optional<DueReReview> dueReReview(long id) {
        return jdbc.sql("""
                SELECT review_revision, rereview_attempts FROM application
                WHERE id = ? AND status = 'REVIEWED' AND review_revision > reviewed_revision""")
                .param(id).query((rs, n) -> new DueReReview(rs.getInt(1), rs.getInt(2))).optional();
    }

    void countReReviewStart(long id) {
        jdbc.sql("UPDATE application SET rereview_attempts = rereview_attempts + 1 WHERE id = ?").param(id).update();
    }

    /**
     * Locks the application and tells whether a re-review of {@code revision} may store: still reviewed
     * and undecided, no change recorded since that revision was read, and no other run stored it.
     */
    boolean lockIfReReviewing(long id, int revision) {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT 1 FROM application
                WHERE id = ? AND status = 'REVIEWED' AND review_revision = ? AND reviewed_revision < ? FOR UPDATE) due""")
                .params(id, revision, revision).query(Long.class).single() == 1;
    }

    /** A re-review given up: the reason is kept, the re-review stays due (the scores shown predate the change). */
    void markReReviewFailed(long id, String reason) {
        jdbc.sql("UPDATE application SET rereview_failure = ?, updated_at = now(), version = version + 1 WHERE id = ?")
                .params(reason, id).update();
    }

    /** The review revision of an application now. */
    int reviewRevision(long id) {
        return jdbc.sql("SELECT review_revision FROM application WHERE id = ?").param(id).query(Integer.class).single();
    }

    record ReviewColumns(String program, String applicant, Long requested, int errors, int warnings, Double riskScore,
                         String riskBand, Double minFit, boolean flagged, String reviewJson, String extractionJson,
                         String aiSuggestion) {
    }

    Optional<String> extractionJson(long id) {
        return jdbc.sql("SELECT extraction_json::text FROM application WHERE id = ?").param(id)
                .query(String.class).optional();
    }

    Optional<String> aiSuggestion(long id) {
        return jdbc.sql("SELECT ai_suggestion FROM application WHERE id = ?").param(id).query(String.class).optional();
    }

    void insertCorrection(long applicationId, Correction c) {
        jdbc.sql("""
                INSERT INTO correction (application_id, kind, file, account, fiscal_year, item_no, field,
                                        original_value, corrected_value, reason, corrected_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, c.kind().name(), c.file(), c.account(), c.fiscalYear(), c.itemNo(), c.field(),
                        c.originalValue(), c.correctedValue(), c.reason(), c.correctedBy())
                .update();
    }

    List<Correction> corrections(long applicationId) {
        return jdbc.sql("""
                SELECT id, kind, file, account, fiscal_year, item_no, field, original_value, corrected_value, reason,
                       corrected_by, corrected_at
                FROM correction WHERE application_id = ? ORDER BY id""").param(applicationId)
                .query((rs, i) -> new Correction(rs.getLong("id"), Correction.Kind.valueOf(rs.getString("kind")),
                        rs.getString("file"), rs.getString("account"), rs.getObject("fiscal_year", Integer.class),
                        rs.getObject("item_no", Integer.class), rs.getString("field"), rs.getString("original_value"),
                        rs.getString("corrected_value"), rs.getString("reason"), rs.getString("corrected_by"),
                        rs.getObject("corrected_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** Records a decision and marks the application decided, only if nobody changed it since {@code version}. */
    boolean decide(long id, int version, DecisionOutcome outcome) {
        return jdbc.sql("""
                UPDATE application SET status = 'DECIDED', decision = ?, updated_at = now(), version = version + 1
                WHERE id = ? AND version = ? AND status IN ('REVIEWED', 'DECIDED')
                    AND review_revision = reviewed_revision""")
                .params(outcome.name(), id, version).update() == 1;
    }

    long insertDecision(long applicationId, DecisionOutcome outcome, String comment, boolean departs, String decidedBy,
                        String modelVersionsJson, String snapshotJson, String aiSuggestion) {
        return jdbc.sql("""
                INSERT INTO decision (application_id, outcome, comment, departs_from_ai, decided_by, model_versions,
                                      review_snapshot, ai_suggestion)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?) RETURNING id""")
                .params(applicationId, outcome.name(), comment, departs, decidedBy, modelVersionsJson, snapshotJson,
                        aiSuggestion)
                .query(Long.class).single();
    }

    List<DecisionRecord> decisions(long applicationId) {
        return jdbc.sql("""
                SELECT id, application_id, outcome, comment, departs_from_ai, decided_by, decided_at,
                       model_versions::text AS mv, review_snapshot::text AS snap
                FROM decision WHERE application_id = ? ORDER BY id""").param(applicationId)
                .query((rs, i) -> new DecisionRecord(rs.getLong("id"), rs.getLong("application_id"),
                        DecisionOutcome.valueOf(rs.getString("outcome")), rs.getString("comment"),
                        rs.getBoolean("departs_from_ai"), rs.getString("decided_by"),
                        rs.getObject("decided_at", java.time.OffsetDateTime.class), rs.getString("mv"),
                        rs.getString("snap")))
                .list();
    }

    boolean declareConflict(long id, String username, String reason) {
        int n = jdbc.sql("""
                INSERT INTO conflict_declaration (application_id, username, reason) VALUES (?, ?, ?)
                ON CONFLICT (application_id, username) DO NOTHING""").params(id, username, reason).update();
        jdbc.sql("UPDATE application SET assignee = NULL, version = version + 1 WHERE id = ? AND assignee = ?")
                .params(id, username).update();
        return n == 1;
    }

    boolean hasConflict(long id, String username) {
        return jdbc.sql("SELECT count(*) FROM conflict_declaration WHERE application_id = ? AND username = ?")
                .params(id, username).query(Long.class).single() > 0;
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

    /** An unfinished application and how many times its review was started (each start a crash away from done). */
    record Unfinished(long id, int attempts) {
    }

    /** The application when it is still to be reviewed (RECEIVED or PROCESSING), without locking it. */
    Optional<Unfinished> unfinished(long id) {
        return jdbc.sql("SELECT id, review_attempts FROM application WHERE id = ? AND status IN ('RECEIVED', 'PROCESSING')")
                .param(id).query((rs, n) -> new Unfinished(rs.getLong(1), rs.getInt(2))).optional();
    }

    /** As {@link #unfinished(long)}, holding the row until the transaction ends (one claim at a time). */
    Optional<Unfinished> lockUnfinished(long id) {
        return jdbc.sql("""
                SELECT id, review_attempts FROM application WHERE id = ? AND status IN ('RECEIVED', 'PROCESSING')
                FOR UPDATE""")
                .param(id).query((rs, n) -> new Unfinished(rs.getLong(1), rs.getInt(2))).optional();
    }

    /**
     * Locks the application until the transaction ends and tells whether it is still being reviewed by
     * the run that claimed it as attempt {@code attempt}: false once another run claimed it or it left
     * PROCESSING.
     */
    boolean lockIfProcessingAttempt(long id, int attempt) {
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT 1 FROM application
                WHERE id = ? AND status = 'PROCESSING' AND review_attempts = ? FOR UPDATE) claimed""")
                .params(id, attempt).query(Long.class).single() == 1;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }
}
