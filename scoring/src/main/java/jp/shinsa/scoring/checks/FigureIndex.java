package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;

/**
 * The account figures of the readable financial documents (statements, input sheet, comparison),
 * by file, account and year. The first figure read for an (account, year) of a file wins: a
 * repeated row is the extractor's business, not a finding.
 */
final class FigureIndex {
    static final Set<DocumentType> FINANCIAL = Set.of(DocumentType.FINANCIAL_STATEMENTS, DocumentType.INPUT_SHEET,
            DocumentType.BS_COMPARISON);

    record Key(String account, int fiscalYear) {
    }

    private final Map<String, ExtractedDocument> documents = new LinkedHashMap<>();
    private final Map<String, Map<Key, Figure>> byFile = new LinkedHashMap<>();

    FigureIndex(ExtractedApplication application) {
        for (ExtractedDocument d : application.documents()) {
            if (!d.readable() || !FINANCIAL.contains(d.type())) {
                continue;
            }
            documents.put(d.file(), d);
            Map<Key, Figure> figures = byFile.computeIfAbsent(d.file(), f -> new LinkedHashMap<>());
            for (Figure f : d.figures()) {
                figures.putIfAbsent(new Key(f.account(), f.fiscalYear()), f);
            }
        }
    }

    Collection<ExtractedDocument> documents() {
        return documents.values();
    }

    /** The readable statement document of that file name, or null. */
    ExtractedDocument document(String file) {
        return documents.get(file);
    }

    Map<Key, Figure> figures(String file) {
        return byFile.getOrDefault(file, Map.of());
    }

    /** Every figure of every file for one account and year, statements first. */
    List<Figure> all(String account, int fiscalYear) {
        List<Figure> out = new ArrayList<>();
        Key k = new Key(account, fiscalYear);
        for (Map<Key, Figure> m : byFile.values()) {
            Figure f = m.get(k);
            if (f != null) {
                out.add(f);
            }
        }
        out.sort((a, b) -> Integer.compare(order(a.documentType()), order(b.documentType())));
        return out;
    }

    List<Key> keys() {
        return byFile.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
    }

    static int order(DocumentType t) {
        return switch (t) {
            case FINANCIAL_STATEMENTS -> 0;
            case BS_COMPARISON -> 1;
            case INPUT_SHEET -> 2;
            default -> 3;
        };
    }

    static Ref ref(Figure f) {
        return new Ref(Ref.Kind.FIGURE, f.file(), f.documentType(), f.account(), f.fiscalYear());
    }
}
