package jp.shinsa.review.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.TaughtMapping;

/**
 * An application's statements read again from their kept rows: this application's row mappings
 * first (the latest per row), then the active learned wordings, then the reader's own mapping
 * ({@link StatementSpreader#remap}).
 */
final class Remapping {
    private Remapping() {
    }

    static ExtractedApplication apply(ExtractedApplication asRead, List<RowMappingEntry> mappings, LearnedMappings learned) {
        Map<String, Map<Integer, RowMappingEntry>> latest = new LinkedHashMap<>();
        for (RowMappingEntry m : mappings) {
            latest.computeIfAbsent(m.file(), f -> new LinkedHashMap<>()).put(m.rowIndex(), m);
        }
        Map<String, LearnedMappings> forDoc = new LinkedHashMap<>();
        for (ExtractedDocument d : asRead.documents()) {
            // The application's own mappings are keyed by the row's wording too (LearnedMappings asks by
            // wording): of two rows of one wording in one document, the one mapped last decides both.
            Map<String, TaughtMapping> own = new LinkedHashMap<>();
            latest.getOrDefault(d.file(), Map.of()).values().stream()
                    .sorted(java.util.Comparator.comparingLong(RowMappingEntry::id))
                    .forEach(m -> own.put(m.wordingKey(), new TaughtMapping(m.wordingKey(), d.type(), m.kind(), m.account())));
            forDoc.put(d.file(), own.isEmpty() ? learned : LearnedMappings.of(own.values()).orElse(learned));
        }
        // the 決算書 first, then the input sheet with the figures it copies (StatementSpreader#remapApplication)
        List<ExtractedDocument> docs = StatementSpreader.remapApplication(asRead.documents(), d -> forDoc.get(d.file()), d -> true);
        return new ExtractedApplication(asRead.name(), docs);
    }
}
