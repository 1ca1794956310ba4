package jp.shinsa.ingest.layout;

import java.util.List;

/**
 * A file as lines of positioned cells, ready for the extractors, with its full text.
 *
 * @param geometric true when cell positions are real geometry (PDF text layer, spreadsheet
 *                  columns); false for OCR tokens, where only their order is known
 */
public record DocumentLayout(List<Line> lines, String text, int pages, boolean ocr, boolean geometric) {
    public DocumentLayout {
        lines = List.copyOf(lines);
    }
}
