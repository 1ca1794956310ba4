package jp.shinsa.review.mapping;

import java.util.List;
import java.util.Objects;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.StatementRow;

/** The kept rows of one statement document as the workbench reads them now (row mappings and learned wordings applied). */
public record StatementRows(String file, DocumentType type, List<StatementRow> rows) {
    public StatementRows {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
        rows = List.copyOf(rows);
    }
}
