package jp.shinsa.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.JapaneseText;

/**
 * A row label with the amounts printed after it on the same line (part of {@link StatementExtractor}):
 * every text cell starts one, so a two-column balance sheet yields two per line.
 */
final class LabelGroup {
    final Cell label;
    final Cell previous;
    /** The text pieces printed close together before the amounts, this label last. */
    final List<Cell> run;
    final List<Cell> amounts = new ArrayList<>();

    LabelGroup(Cell label, Cell previous) {
        this(label, previous, previous == null ? List.of(label) : List.of(previous, label));
    }

    LabelGroup(Cell label, Cell previous, List<Cell> run) {
        this.label = label;
        this.previous = previous;
        this.run = List.copyOf(run);
    }

    List<String> candidates() {
        List<String> out = new ArrayList<>();
        String joined = run.stream().map(Cell::text).reduce("", String::concat);
        // 均等割付: a short label spread over the label column (流　動　資　産, 土　　地) comes as
        // one-character pieces, whose tail alone (資産) may name another account
        if (run.size() >= 2 && run.stream().allMatch(c -> JapaneseText.compact(c.text()).length() <= 2)) {
            out.add(joined);
        }
        out.add(label.text());
        if (previous != null) {
            out.add(previous.text() + label.text());
        }
        if (run.size() >= 3 && !out.contains(joined)) {
            out.add(joined);
        }
        return out;
    }

    static List<LabelGroup> groups(Line line, boolean geometric) {
        List<LabelGroup> out = new ArrayList<>();
        LabelGroup current = null;
        Cell lastText = null;
        List<Cell> run = new ArrayList<>();
        for (Cell c : line.cells()) {
            if (Amounts.isAmount(c.text())) {
                if (current != null) {
                    current.amounts.add(c);
                }
                run.clear();
                continue;
            }
            if (JapaneseText.compact(c.text()).isEmpty()) {
                continue;
            }
            // a label split by a small gap (or an OCR token break) may need its previous piece
            boolean close = lastText != null && current != null && current.amounts.isEmpty()
                    && (!geometric || c.x() - lastText.right() < 3 * Math.max(8, lastText.width() / Math.max(1, lastText.text().length())));
            Cell prev = close ? lastText : null;
            if (!close) {
                run.clear();
            }
            run.add(c);
            current = new LabelGroup(c, prev, run);
            out.add(current);
            lastText = c;
        }
        return out.stream().filter(g -> !g.amounts.isEmpty()).toList();
    }
}
