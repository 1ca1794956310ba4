package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.WorkbookFixture;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.StatementRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A statement typed into a sheet indents its lines with leading spaces: that is its structure, as on a page. */
class SheetIndentationTest {
    private final ApplicationReader reader = new ApplicationReader(IngestOptions.defaults().withOcr(false));

    @TempDir
    Path dir;

    /** An income statement whose その他 block prints no total line and whose revenue total has a wording nobody listed. */
    private static WorkbookFixture statement(String indent1, String indent2) {
        return WorkbookFixture.xlsx().sheet("PL").row("損益計算書").row("自 令和6年4月1日 至 令和7年3月31日").row("科目", "金額")
                .row("医業収益")
                .row(indent1 + "入院診療収益", 7000)
                .row(indent1 + "外来診療収益", 2000)
                .row(indent1 + "その他の医業収益")
                .row(indent2 + "室料差額収益", 400)
                .row(indent2 + "文書料収益", 200)
                .row("病院本業の収益", 9600)
                .row("医業費用")
                .row(indent1 + "材料費", 3000)
                .row(indent1 + "給与費", 5000)
                .row("医業費用合計", 8000)
                .row("医業利益", 1600);
    }

    private static StatementRow row(ExtractedDocument d, String label) {
        return d.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void should_end_a_detail_block_without_a_total_line_at_a_line_printed_left_of_its_parts() throws Exception {
        ExtractedDocument d = reader.readFile(statement("　", "　　").save(dir.resolve("決算書.xlsx")));

        assertThat(row(d, "文書料収益").indent()).isGreaterThan(row(d, "外来診療収益").indent());
        assertThat(row(d, "外来診療収益").indent()).isGreaterThan(row(d, "病院本業の収益").indent());
        assertThat(row(d, "文書料収益").mapping().kind()).isEqualTo(RowMapping.Kind.PART_OF);
        assertThat(d.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("other_medical_revenue", 600L), tuple("medical_revenue", 9600L));
    }

    @Test
    void should_read_a_sheet_with_a_few_indented_lines_among_unindented_ones_by_its_columns_alone() throws Exception {
        ExtractedDocument d = reader.readFile(WorkbookFixture.xlsx().sheet("PL").row("損益計算書").row("科目", "金額")
                .row("医業収益").row("入院診療収益", 7000).row("　　外来診療収益", 2000).row("その他の医業収益", 600)
                .row("医業収益合計", 9600).save(dir.resolve("決算書.xlsx")));

        assertThat(d.rows()).extracting(StatementRow::indent).containsOnly(0);
        assertThat(d.figures()).extracting(Figure::account, Figure::value).contains(tuple("outpatient_revenue", 2000L));
    }
}
