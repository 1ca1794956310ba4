package jp.shinsa.review.program;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Program;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ReviewPipeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programs the workbench knows. The table is seeded from the contract's programs.csv on first
 * start; after that it is configuration an admin edits. Reviews look programs up here.
 */
@Service
public class ProgramService implements ReviewPipeline.ProgramDirectory {
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Map<String, Program> cache = new ConcurrentHashMap<>();

    ProgramService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void seedIfEmpty() {
        if (jdbc.sql("SELECT count(*) FROM program").query(Long.class).single() == 0) {
            Catalogs.programs().values().forEach(p -> upsert("system", p));
        }
    }

    @Override
    public Program find(String code) {
        if (code == null) {
            return null;
        }
        return cache.computeIfAbsent(code, c -> load(c).orElse(null));
    }

    public List<Program> list() {
        return jdbc.sql("SELECT * FROM program ORDER BY code").query((rs, i) -> row(rs)).list();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void save(String actor, Program p) {
        if (p.requiredDocuments().contains(DocumentType.OTHER)) {
            throw new IllegalArgumentException("OTHER cannot be a required document");
        }
        upsert(actor, p);
        audit.record(actor, "PROGRAM_SAVED", null, Map.of("code", p.code(), "rate", p.rate(), "cap", p.capYen(),
                "required", p.requiredDocuments().stream().map(Enum::name).toList()));
    }

    private void upsert(String actor, Program p) {
        jdbc.sql("""
                INSERT INTO program (code, name_ja, name_en, rate_numerator, rate_denominator, cap_yen, purpose_ja,
                                     purpose_en, required_documents, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_ja = EXCLUDED.name_ja, name_en = EXCLUDED.name_en,
                    rate_numerator = EXCLUDED.rate_numerator, rate_denominator = EXCLUDED.rate_denominator,
                    cap_yen = EXCLUDED.cap_yen, purpose_ja = EXCLUDED.purpose_ja, purpose_en = EXCLUDED.purpose_en,
                    required_documents = EXCLUDED.required_documents, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
                .params(p.code(), p.nameJa(), p.nameEn(), p.rateNumerator(), p.rateDenominator(), p.capYen(),
                        p.purposeJa(), p.purposeEn(), p.requiredDocuments().stream().map(Enum::name).toArray(String[]::new),
                        actor)
                .update();
        cache.remove(p.code());
    }

    private Optional<Program> load(String code) {
        return jdbc.sql("SELECT * FROM program WHERE code = ?").param(code).query((rs, i) -> row(rs)).optional();
    }

    private static Program row(java.sql.ResultSet rs) throws SQLException {
        Array docs = rs.getArray("required_documents");
        List<DocumentType> required = Arrays.stream((String[]) docs.getArray()).map(DocumentType::valueOf).toList();
        return new Program(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
                rs.getInt("rate_numerator"), rs.getInt("rate_denominator"), rs.getLong("cap_yen"),
                rs.getString("purpose_ja"), rs.getString("purpose_en"), required);
    }
}
