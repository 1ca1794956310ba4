package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * Everything read from one file. {@code error} is null when the file was read; otherwise it says
 * why not (in English, for logs and the contract) and the lists are empty.
 *
 * @param unit     the document's unit in yen (1 when it states none)
 * @param program  the program code of programs.csv named by an application form, else null
 * @param items    item table rows (application form or quote)
 * @param subsidy  the application form's money block, else null
 * @param rows     every printed row of a statement with its mapping (empty for other documents)
 */
public record ExtractedDocument(String file, DocumentType type, int pages, boolean ocr, String error, long unit,
                                List<Figure> figures, List<ComparisonDelta> comparisonDeltas,
                                List<RequestedItem> items, SubsidyRequest subsidy, String program,
                                Applicant applicant, List<UnmappedRow> unmappedRows, String text,
                                List<StatementRow> rows) {
    public ExtractedDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
        figures = List.copyOf(figures == null ? List.of() : figures);
        comparisonDeltas = List.copyOf(comparisonDeltas == null ? List.of() : comparisonDeltas);
        items = List.copyOf(items == null ? List.of() : items);
        unmappedRows = List.copyOf(unmappedRows == null ? List.of() : unmappedRows);
        applicant = applicant == null ? Applicant.UNKNOWN : applicant;
        text = text == null ? "" : text;
        rows = List.copyOf(rows == null ? List.of() : rows);
        if (unit < 1) {
            throw new IllegalArgumentException("unit must be ≥ 1 yen: " + unit);
        }
    }

    /** A document without statement rows (forms, quotes, catalogues, and readers that keep none). */
    public ExtractedDocument(String file, DocumentType type, int pages, boolean ocr, String error, long unit,
                             List<Figure> figures, List<ComparisonDelta> comparisonDeltas,
                             List<RequestedItem> items, SubsidyRequest subsidy, String program,
                             Applicant applicant, List<UnmappedRow> unmappedRows, String text) {
        this(file, type, pages, ocr, error, unit, figures, comparisonDeltas, items, subsidy, program, applicant,
                unmappedRows, text, List.of());
    }

    /** The same document with other figures and rows (after a re-mapping of its rows). */
    public ExtractedDocument withFiguresAndRows(List<Figure> newFigures, List<StatementRow> newRows) {
        return new ExtractedDocument(file, type, pages, ocr, error, unit, newFigures, comparisonDeltas, items, subsidy,
                program, applicant, unmappedRows, text, newRows);
    }

    /** The same document with the figures, 増減 values, rows and unmapped rows a spreading of its rows gave. */
    public ExtractedDocument withStatement(List<Figure> newFigures, List<ComparisonDelta> newDeltas,
                                           List<StatementRow> newRows, List<UnmappedRow> newUnmapped) {
        return new ExtractedDocument(file, type, pages, ocr, error, unit, newFigures, newDeltas, items, subsidy,
                program, applicant, newUnmapped, text, newRows);
    }

    public boolean readable() {
        return error == null;
    }

    /** A file that could not be read, with the reason. */
    public static ExtractedDocument unreadable(String file, String reason) {
        return new ExtractedDocument(file, DocumentType.OTHER, 0, false, reason, 1, List.of(), List.of(),
                List.of(), null, null, null, List.of(), "");
    }
}
