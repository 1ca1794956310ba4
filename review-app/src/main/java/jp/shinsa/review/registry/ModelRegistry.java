package jp.shinsa.review.registry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores models and their status. Promotion retires the active model of the kind in the same
 * transaction (a unique index allows one ACTIVE per kind); every change is recorded with a reason.
 * Role checks are on {@link ModelManagementService}; this is the storage.
 */
@Service
public class ModelRegistry {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ModelRegistry(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public long register(ModelKind kind, String version, String algorithm, String featuresJson, String dataSha256,
                         String metricsJson, String trainedBy, byte[] artefact) {
        long id = jdbc.sql("""
                INSERT INTO model_version (kind, version, algorithm, features, training_data_sha256, metrics, trained_by,
                                           status, artefact)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, 'CANDIDATE', ?) RETURNING id""")
                .params(kind.name(), version, algorithm, featuresJson, dataSha256, metricsJson, trainedBy, artefact)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO model_status_change (model_id, from_status, to_status, reason, changed_by) VALUES (?, NULL, 'CANDIDATE', ?, ?)")
                .params(id, "trained", trainedBy).update();
        audit.record(trainedBy, "MODEL_TRAINED", null, Map.of("kind", kind.name(), "version", version,
                "algorithm", algorithm, "dataSha256", dataSha256));
        return id;
    }

    /**
     * Makes {@code version} the active model of its kind; the previous active one is retired, and the
     * undecided applications are to be scored again ({@link ModelActivated}, in this transaction).
     */
    @Transactional
    public void activate(String version, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a promotion or roll-back needs a reason");
        }
        ModelVersion target = find(version).orElseThrow(() -> new IllegalArgumentException("no model " + version));
        if (target.status() == ModelStatus.ACTIVE) {
            return;
        }
        Optional<ModelVersion> previous = active(target.kind());
        previous.ifPresent(current -> {
            jdbc.sql("UPDATE model_version SET status = 'RETIRED' WHERE id = ?").param(current.id()).update();
            change(current, ModelStatus.RETIRED, "replaced by " + version + ": " + reason, actor);
        });
        jdbc.sql("UPDATE model_version SET status = 'ACTIVE' WHERE id = ?").param(target.id()).update();
        change(target, ModelStatus.ACTIVE, reason, actor);
        // The applications' rows first, the audit chain's lock last, in the order every review job takes
        // them (application row, then audit): the other way round, a promotion and a job storing a review
        // deadlock and PostgreSQL aborts one of them.
        events.publishEvent(new ModelActivated(target.kind(), version,
                previous.map(ModelVersion::version).orElse(null)));
        audit.record(actor, "MODEL_ACTIVATED", null, Map.of("kind", target.kind().name(), "version", version,
                "reason", reason));
    }

    /** Re-activates the model that was active before the current one. */
    @Transactional
    public String rollBack(ModelKind kind, String reason, String actor) {
        ModelVersion current = active(kind).orElseThrow(() -> new IllegalStateException("no active " + kind + " model"));
        String previous = jdbc.sql("""
                SELECT m.version FROM model_status_change c JOIN model_version m ON m.id = c.model_id
                WHERE m.kind = ? AND c.to_status = 'ACTIVE' AND m.id <> ? ORDER BY c.id DESC LIMIT 1""")
                .params(kind.name(), current.id()).query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("no earlier " + kind + " model to roll back to"));
        activate(previous, "roll-back: " + reason, actor);
        audit.record(actor, "MODEL_ROLLED_BACK", null, Map.of("kind", kind.name(), "from", current.version(),
                "to", previous, "reason", reason));
        return previous;
    }

    private void change(ModelVersion m, ModelStatus to, String reason, String actor) {
        jdbc.sql("INSERT INTO model_status_change (model_id, from_status, to_status, reason, changed_by) VALUES (?, ?, ?, ?, ?)")
                .params(m.id(), m.status().name(), to.name(), reason, actor).update();
    }

    public Optional<ModelVersion> active(ModelKind kind) {
        return jdbc.sql(SELECT + " WHERE kind = ? AND status = 'ACTIVE'").param(kind.name()).query(ModelRegistry::row).optional();
    }

    public Optional<ModelVersion> find(String version) {
        return jdbc.sql(SELECT + " WHERE version = ?").param(version).query(ModelRegistry::row).optional();
    }

    public List<ModelVersion> list(ModelKind kind) {
        return jdbc.sql(SELECT + " WHERE kind = ? ORDER BY trained_at DESC, id DESC").param(kind.name())
                .query(ModelRegistry::row).list();
    }

    public byte[] artefact(String version) {
        return jdbc.sql("SELECT artefact FROM model_version WHERE version = ?").param(version)
                .query((rs, i) -> rs.getBytes(1)).single();
    }

    public List<ModelStatusChange> history(ModelKind kind) {
        return jdbc.sql("""
                SELECT c.id, c.model_id, m.version, c.from_status, c.to_status, c.reason, c.changed_by, c.changed_at
                FROM model_status_change c JOIN model_version m ON m.id = c.model_id WHERE m.kind = ? ORDER BY c.id DESC""")
                .param(kind.name())
                .query((rs, i) -> new ModelStatusChange(rs.getLong("id"), rs.getLong("model_id"), rs.getString("version"),
                        rs.getString("from_status") == null ? null : ModelStatus.valueOf(rs.getString("from_status")),
                        ModelStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class)))
                .list();
    }

    private static final String SELECT = """
            SELECT id, kind, version, algorithm, features::text AS f, training_data_sha256, metrics::text AS m,
                   trained_by, trained_at, status FROM model_version""";

    private static ModelVersion row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ModelVersion(rs.getLong("id"), ModelKind.valueOf(rs.getString("kind")), rs.getString("version"),
                rs.getString("algorithm"), rs.getString("f"), rs.getString("training_data_sha256"), rs.getString("m"),
                rs.getString("trained_by"), rs.getObject("trained_at", OffsetDateTime.class),
                ModelStatus.valueOf(rs.getString("status")));
    }
}
