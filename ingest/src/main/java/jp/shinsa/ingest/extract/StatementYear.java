package jp.shinsa.ingest.extract;

import java.util.OptionalInt;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.FiscalYears;

/**
 * The fiscal year a statement covers (part of {@link StatementExtractor}): the one its date names, else the
 * latest its column headers name; the last closed 年度 when nothing names one.
 */
final class StatementYear {

    private StatementYear() {
    }

    /** The year the document names, or null. */
    static Integer of(DocumentLayout layout) {
        OptionalInt y = FiscalYears.ofDocument(layout.text());
        if (y.isPresent()) {
            return y.getAsInt();
        }
        // No statement date: the latest year any column header names.
        Integer best = null;
        for (Line l : layout.lines()) {
            for (Cell c : l.cells()) {
                OptionalInt v = FiscalYears.of(c.text());
                if (v.isPresent() && (best == null || v.getAsInt() > best)) {
                    best = v.getAsInt();
                }
            }
        }
        return best;
    }

    /** The 年度 that closed last (April–March): the year statements usually cover when they do not say. */
    static int lastClosed() {
        java.time.LocalDate now = java.time.LocalDate.now();
        int current = now.getMonthValue() >= 4 ? now.getYear() : now.getYear() - 1;
        return current - 1;
    }
}
