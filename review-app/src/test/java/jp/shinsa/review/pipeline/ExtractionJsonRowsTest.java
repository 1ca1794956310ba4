package jp.shinsa.review.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.PrintedPart;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.TaughtMapping;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/** A stored extraction keeps its statement rows, and re-mapping it from the rows alone works after the round trip. */
class ExtractionJsonRowsTest {
    private static final String FILE = "決算書.xlsx";

    private static ExtractedDocument statement() {
        String[][] printed = {{"損益計算書", null}, {"医業費用", null}, {"材料費", null}, {"医薬品費", "60"}, {"診療材料費", "40"},
                {"給与費", "500"}, {"施設整備借入金利息", "9"}, {"医業費用合計", "600"}};
        List<StatementRow> rows = new ArrayList<>();
        for (String[] p : printed) {
            int i = rows.size();
            Map<Integer, Long> v = p[1] == null ? Map.of() : Map.of(2024, Long.parseLong(p[1]));
            rows.add(new StatementRow(FILE, i, p[0], List.of(), p[0].equals("医薬品費") || p[0].equals("診療材料費") ? 2 : 1, v, null, SourceLocation.ofCell(FILE, "PL", "A" + (i + 1)),
                    RowMapping.unmapped(List.of(), new Text("", "")),
                    p[1] == null ? Map.of() : Map.of(2024, SourceLocation.ofCell(FILE, "PL", "B" + (i + 1))), null));
        }
        ExtractedDocument raw = new ExtractedDocument(FILE, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, List.of(), List.of(),
                List.of(), null, null, null, List.of(), "", rows);
        return StatementSpreader.remap(raw, LearnedMappings.none());
    }

    @Test
    void should_keep_rows_and_derived_figures_through_the_stored_json() {
        ExtractedDocument d = statement();

        ExtractedDocument back = ExtractionJson.read(ExtractionJson.write(new ExtractedApplication("APP", List.of(d)))).documents().get(0);

        assertThat(back.rows()).isEqualTo(d.rows());
        assertThat(back.figures()).isEqualTo(d.figures());
        Figure material = back.figures().stream().filter(f -> f.account().equals("material_costs")).findFirst().orElseThrow();
        assertThat(material.derivedFrom()).extracting(PrintedPart::label).containsExactly("医薬品費", "診療材料費");
    }

    @Test
    void should_remap_a_stored_extraction_after_an_examiner_taught_a_row() {
        ExtractedDocument stored = ExtractionJson.read(ExtractionJson.write(new ExtractedApplication("APP", List.of(statement()))))
                .documents().get(0);
        assertThat(stored.figures()).extracting(Figure::account).doesNotContain("interest_expense");

        ExtractedDocument remapped = StatementSpreader.remap(stored, LearnedMappings.of(List.of(new TaughtMapping(
                LearnedMappings.wordingKey("施設整備借入金利息"), null, RowMapping.Kind.ACCOUNT, "interest_expense"))));

        assertThat(remapped.figures()).extracting(Figure::account, Figure::value, Figure::confidence)
                .contains(tuple("interest_expense", 9L, 1.0), tuple("material_costs", 100L, remapped.figures().stream()
                        .filter(f -> f.account().equals("material_costs")).findFirst().orElseThrow().confidence()));
        assertThat(remapped.unmappedRows()).extracting(u -> u.label()).doesNotContain("施設整備借入金利息");
        assertThat(remapped.rows().get(6).mapping().taught()).isTrue();
        // the same result as mapping the original rows: the rows and taught wordings are all it depends on
        assertThat(remapped.figures()).isEqualTo(StatementSpreader.remap(statement(), LearnedMappings.of(List.of(new TaughtMapping(
                LearnedMappings.wordingKey("施設整備借入金利息"), null, RowMapping.Kind.ACCOUNT, "interest_expense")))).figures());
    }
}
