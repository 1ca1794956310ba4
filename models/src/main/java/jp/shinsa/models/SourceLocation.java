package jp.shinsa.models;

import java.util.Objects;

/**
 * Where a figure or item was read: always the file; for PDFs the 1-based page and, where the
 * library gives it, the text's box in PDF points from the top-left corner of the page; for
 * spreadsheets the sheet and the cell reference ("B12"). Components other than {@code file} are
 * null when they do not apply or are unknown.
 */
public record SourceLocation(String file, Integer page, String sheet, String cell,
                             Float x, Float y, Float width, Float height) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page is 1-based: " + page);
        }
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, null, null, null, null, null, null, null);
    }

    public static SourceLocation ofPage(String file, int page) {
        return new SourceLocation(file, page, null, null, null, null, null, null);
    }

    public static SourceLocation ofBox(String file, int page, float x, float y, float width, float height) {
        return new SourceLocation(file, page, null, null, x, y, width, height);
    }

    public static SourceLocation ofCell(String file, String sheet, String cell) {
        return new SourceLocation(file, null, sheet, cell, null, null, null, null);
    }

    /** A short human form: "決算書.pdf p.1" or "入力シート.xlsx 入力!C7". */
    public String describe() {
        StringBuilder b = new StringBuilder(file);
        if (page != null) {
            b.append(" p.").append(page);
        }
        if (sheet != null) {
            b.append(' ').append(sheet);
            if (cell != null) {
                b.append('!').append(cell);
            }
        }
        return b.toString();
    }
}
