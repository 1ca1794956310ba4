package jp.shinsa.ingest.spread;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.TaughtMapping;
import jp.shinsa.models.Text;

/**
 * Maps a statement's kept rows to account figures. Runs on the rows alone, so the workbench can run
 * it again on a stored extraction after an examiner mapped a row.
 */
public final class StatementSpreader {
    private StatementSpreader() {
    }

    /**
     * The document with its rows mapped again, taught wordings first, and its figures derived from
     * the rows. Figures of rows that keep their mapping stay as read.
     */
    public static ExtractedDocument remap(ExtractedDocument doc, LearnedMappings learned) {
        if (doc.rows().isEmpty()) {
            return doc;
        }
        List<StatementRow> rows = new ArrayList<>();
        List<Figure> figures = new ArrayList<>(doc.figures());
        for (StatementRow r : doc.rows()) {
            Optional<TaughtMapping> t = learned.find(doc.type(), LearnedMappings.wordingKey(r.label()));
            if (t.isEmpty() || (r.mapping().taught() && r.mapping().account() != null
                    && r.mapping().account().equals(t.get().account()) && r.mapping().kind() == t.get().kind())) {
                rows.add(r);
                continue;
            }
            TaughtMapping m = t.get();
            RowMapping taught = new RowMapping(m.kind(), m.account(), 1.0, r.mapping().candidates(),
                    new Text("審査担当者が教えた対応付けです", "mapped as an examiner taught"), true);
            rows.add(r.withMapping(taught));
            // the row's old figures give way to the taught account's
            figures.removeIf(f -> sameRow(f.location(), r.location()));
            if (m.kind() == RowMapping.Kind.ACCOUNT) {
                for (Map.Entry<Integer, Long> v : r.values().entrySet()) {
                    figures.removeIf(f -> f.account().equals(m.account()) && f.fiscalYear() == v.getKey());
                    figures.add(new Figure(doc.file(), doc.type(), m.account(), v.getKey(), v.getValue(), r.label(),
                            doc.unit(), 1.0, r.location()));
                }
            }
        }
        return doc.withFiguresAndRows(figures, rows);
    }

    private static boolean sameRow(SourceLocation a, SourceLocation b) {
        return a.equals(b);
    }
}
