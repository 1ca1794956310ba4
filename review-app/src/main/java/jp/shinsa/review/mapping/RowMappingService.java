package jp.shinsa.review.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.StatementRow;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * An examiner maps a printed row of an application's statement: the mapping is kept (a later one of
 * the same row supersedes it, both stay), the wording is learned for later applications, and the
 * re-review is scheduled, with the audit entries, in one transaction; the re-review job re-derives
 * the figures from the rows, applies the figure corrections again and re-runs the checks and scores
 * (decision 015, "Re-review"). The extraction stays as read.
 *
 * @see "docs/decisions/014-row-mappings-and-learned-wordings.md"
 */
@Service
public class RowMappingService {
    private static final Set<DocumentType> STATEMENTS = Set.of(DocumentType.FINANCIAL_STATEMENTS,
            DocumentType.INPUT_SHEET, DocumentType.BS_COMPARISON);
    private final ApplicationReviewService reviews;
    private final JdbcRowMappingRepository rowMappings;
    private final JdbcLearnedMappingRepository learnedRepository;
    private final LearnedMappingService learned;
    private final AuditLog audit;

    RowMappingService(ApplicationReviewService reviews, JdbcRowMappingRepository rowMappings,
                      JdbcLearnedMappingRepository learnedRepository, LearnedMappingService learned, AuditLog audit) {
        this.reviews = reviews;
        this.rowMappings = rowMappings;
        this.learnedRepository = learnedRepository;
        this.learned = learned;
        this.audit = audit;
    }

    /** The kept rows of each statement document, as they are read now (this application's mappings and the learned wordings applied). */
    @PreAuthorize("isAuthenticated()")
    public List<StatementRows> rows(long id) {
        Optional<ExtractedApplication> read = reviews.extraction(id);
        if (read.isEmpty()) {
            return List.of();
        }
        ExtractedApplication now = Remapping.apply(read.get(), rowMappings.ofApplication(id), learned.active());
        List<StatementRows> out = new ArrayList<>();
        for (ExtractedDocument d : now.documents()) {
            if (!d.rows().isEmpty()) {
                out.add(new StatementRows(d.file(), d.type(), d.rows()));
            }
        }
        return out;
    }

    /** The application's row mappings, oldest first, superseded ones included. */
    @PreAuthorize("isAuthenticated()")
    public List<RowMappingEntry> mappings(long id) {
        return rowMappings.ofApplication(id);
    }

    /**
     * Maps one row and schedules the re-run of the checks and scores.
     *
     * @throws jp.shinsa.review.application.ConcurrentChangeException when someone changed the application since {@code version}
     * @throws IllegalArgumentException when the row does not exist or the mapping is not valid
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void map(String actor, long id, int version, RowMappingRequest request) {
        ExtractedApplication read = reviews.extraction(id)
                .orElseThrow(() -> new IllegalStateException("application " + id + " has not been read"));
        List<RowMappingEntry> existing = rowMappings.ofApplication(id);
        LearnedMappings active = learned.active();
        ExtractedDocument doc = Remapping.apply(read, existing, active).documents().stream()
                .filter(d -> d.file().equals(request.file())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no document " + request.file()));
        if (!STATEMENTS.contains(doc.type())) {
            throw new IllegalArgumentException(request.file() + " is not a statement");
        }
        StatementRow row = doc.rows().stream().filter(r -> r.index() == request.rowIndex()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + request.rowIndex() + " in " + request.file()));
        Long supersedes = existing.stream()
                .filter(m -> m.file().equals(request.file()) && m.rowIndex() == request.rowIndex())
                .map(RowMappingEntry::id).reduce((a, b) -> b).orElse(null);
        String key = LearnedMappings.wordingKey(row.label());
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the row has no wording to map");
        }
        RowMappingEntry entry = new RowMappingEntry(Long.MAX_VALUE, id, request.file(), row.index(), row.label(), key,
                doc.type(), row.mapping().kind(), row.mapping().account(), request.kind(), request.account(),
                request.reason().strip(), actor, null, supersedes);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("file", request.file());
        detail.put("row", row.index());
        detail.put("label", row.label());
        detail.put("from", mappingText(row.mapping().kind(), row.mapping().account()));
        detail.put("to", mappingText(request.kind(), request.account()));
        detail.put("reason", entry.reason());
        reviews.reviseRows(actor, id, version, "ROW_MAPPED", detail,
                () -> teach(actor, id, rowMappings.insert(entry), entry));
    }

    /** The wording is learned: an active mapping of it on this kind of document that says otherwise is superseded. */
    private void teach(String actor, long applicationId, long rowMappingId, RowMappingEntry m) {
        var current = learnedRepository.active(m.wordingKey(), m.documentType());
        if (current.isPresent() && current.get().kind() == m.kind()
                && Objects.equals(current.get().account(), m.account())) {
            return;
        }
        current.ifPresent(c -> learnedRepository.retire(c.id(), actor,
                "superseded by row mapping #" + rowMappingId + " on application #" + applicationId));
        long learnedId = learnedRepository.insert(m.wordingKey(), m.label(), m.documentType(), m.kind(), m.account(),
                actor, applicationId, rowMappingId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("learned", learnedId);
        detail.put("wording", m.label());
        detail.put("documentType", m.documentType().name());
        detail.put("to", mappingText(m.kind(), m.account()));
        current.ifPresent(c -> detail.put("supersedes", c.id()));
        audit.record(actor, "MAPPING_LEARNED", applicationId, detail);
    }

    private static String mappingText(jp.shinsa.models.RowMapping.Kind kind, String account) {
        return account == null ? kind.name() : kind.name() + ":" + account;
    }
}
