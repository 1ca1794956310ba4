package jp.shinsa.ingest.layout;

import java.util.List;
import java.util.stream.Collectors;

/** A line of cells left to right: a text line of a page or a spreadsheet row. */
public record Line(int page, String sheet, int index, List<Cell> cells) {
    public Line {
        cells = List.copyOf(cells);
    }

    public String text() {
        return cells.stream().map(Cell::text).collect(Collectors.joining(" "));
    }
}
