package jp.shinsa.ingest.layout;

import jp.shinsa.models.SourceLocation;

/**
 * One piece of text on a line: a run of glyphs on a PDF page, a token of an OCR line or a
 * spreadsheet cell. {@code x}/{@code width} are PDF points for pages, column positions for sheets
 * and token order for OCR, so that columns can be matched by horizontal overlap in every case.
 */
public record Cell(String text, double x, double width, SourceLocation location) {
    public double right() {
        return x + width;
    }

    public double center() {
        return x + width / 2;
    }

    /** How far apart two cells lie horizontally: 0 when they overlap. */
    public double gap(Cell o) {
        return Math.max(0, Math.max(o.x - right(), x - o.right()));
    }

    public double overlap(Cell o) {
        return Math.max(0, Math.min(right(), o.right()) - Math.max(x, o.x));
    }
}
