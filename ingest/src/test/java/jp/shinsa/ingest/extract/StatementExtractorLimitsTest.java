package jp.shinsa.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Statement extraction stays linear in the size of what it is given, however the workbook is shaped. */
class StatementExtractorLimitsTest {
    private final StatementExtractor extractor = new StatementExtractor(new AccountMatcher());

    private static Cell cell(String text, int column, String sheet, int row) {
        return new Cell(text, column, 1, SourceLocation.ofCell("many.xlsx", sheet, (char) ('A' + column) + String.valueOf(row + 1)));
    }

    // Found by ./shinsa fuzz: a workbook naming one sheet part 5,000 times; each sheet's unit was looked up
    // over all lines, sheets × lines. One line per sheet keeps the rest of the work small, so the quadratic shows.
    // The bound is a hang guard, not a speed target: the quadratic took minutes, the linear read takes well
    // under a second, so a loaded machine does not fail it (speed is measured by ./shinsa bench).
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void should_read_a_workbook_of_many_sheets_in_linear_time() {
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 40_000; s++) {
            String sheet = "S" + s;
            Line l = new Line(s + 1, sheet, lines.size(), List.of(cell("（単位：千円）", 0, sheet, 0)));
            lines.add(l);
            text.append(l.text()).append('\n');
        }
        DocumentLayout layout = new DocumentLayout(lines, text.toString(), lines.size(), false, true);

        StatementExtractor.Result r = extractor.extract("many.xlsx", DocumentType.INPUT_SHEET, layout, 2024);

        assertThat(r.figures()).isEmpty();
    }
}
