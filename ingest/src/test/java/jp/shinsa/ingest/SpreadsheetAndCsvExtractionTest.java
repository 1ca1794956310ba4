package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.WorkbookFixture;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetAndCsvExtractionTest {
    private final ApplicationReader reader = new ApplicationReader(IngestOptions.defaults().withOcr(false));

    @TempDir
    Path dir;

    private static WorkbookFixture inputSheet(WorkbookFixture wb) {
        return wb.sheet("入力").row("決算状況入力シート").row("法人名", "医療法人社団テスト会").row("施設名", "テスト病院")
                .row("記入者", "経理課").row(null, null, null, "（単位：千円）")
                .row("項目", "令和4年度", "令和5年度", "令和6年度")
                .row("医業収益合計", 1000, 1100, 1200)
                .row("当期純損益", -5, 7, 9)
                .row("現金及び預金", 300, 310, 320);
    }

    @Test
    void should_read_an_input_sheet_cell_by_cell_with_sheet_and_cell_references() throws Exception {
        Path f = inputSheet(WorkbookFixture.xlsx()).save(dir.resolve("シート.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.INPUT_SHEET);
        assertThat(d.unit()).isEqualTo(1000);
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("medical_revenue", 2022, 1_000_000L), tuple("medical_revenue", 2023, 1_100_000L),
                tuple("medical_revenue", 2024, 1_200_000L), tuple("net_income", 2022, -5_000L), tuple("net_income", 2023, 7_000L),
                tuple("net_income", 2024, 9_000L), tuple("cash_and_deposits", 2022, 300_000L),
                tuple("cash_and_deposits", 2023, 310_000L), tuple("cash_and_deposits", 2024, 320_000L));
        Figure cash2024 = d.figures().stream().filter(x -> x.account().equals("cash_and_deposits") && x.fiscalYear() == 2024)
                .findFirst().orElseThrow();
        assertThat(cash2024.location().sheet()).isEqualTo("入力");
        assertThat(cash2024.location().cell()).isEqualTo("D9");
        assertThat(d.applicant().corporation()).isEqualTo("医療法人社団テスト会");
    }

    @Test
    void should_read_the_old_binary_xls_format_too() throws Exception {
        Path f = inputSheet(WorkbookFixture.xls()).save(dir.resolve("old.xls"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.error()).isNull();
        assertThat(d.figures()).hasSize(9);
    }

    @Test
    void should_read_statements_on_separate_bs_and_pl_sheets() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("BS").row("貸借対照表").row("令和7年3月31日現在").row("科目", "金額")
                .row("資産合計", 5000).sheet("PL").row("損益計算書").row("自 令和6年4月1日 至 令和7年3月31日").row("（単位：千円）")
                .row("医業収益", 900).save(dir.resolve("決算.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.FINANCIAL_STATEMENTS);
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value)
                .containsExactlyInAnyOrder(tuple("total_assets", 2024, 5000L), tuple("medical_revenue", 2024, 900_000L));
    }

    @Test
    void should_not_take_a_heading_that_mentions_a_difference_for_a_column_header() throws Exception {
        // 室料差額 names a revenue, not a 増減 column: the lines under the heading keep the 金額 column's year
        Path f = WorkbookFixture.xlsx().sheet("PL").row("損益計算書").row("自 令和6年4月1日 至 令和7年3月31日")
                .row("科目", "金額").row("医業収益").row("入院診療収益（室料差額を除く）").row("入院基本料", 600).row("特定入院料", 300)
                .row("入院診療収益計", 900).save(dir.resolve("決算.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.rows()).filteredOn(r -> r.label().equals("入院基本料")).singleElement()
                .extracting(r -> r.values()).isEqualTo(java.util.Map.of(2024, 600L));
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value)
                .contains(tuple("inpatient_revenue", 2024, 900L));
    }

    @Test
    void should_take_column_years_from_date_cells() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("BS").row("BS実績比較")
                .row("科目", java.time.LocalDate.of(2024, 3, 31), java.time.LocalDate.of(2025, 3, 31), "増減")
                .row("土地", 700, 700, 0).save(dir.resolve("cmp.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value)
                .containsExactlyInAnyOrder(tuple("land", 2023, 700L), tuple("land", 2024, 700L));
        assertThat(d.comparisonDeltas()).singleElement().extracting(jp.shinsa.models.ComparisonDelta::value).isEqualTo(0L);
    }

    @Test
    void should_read_a_shift_jis_csv() throws Exception {
        String csv = "BS実績比較\n令和7年3月31日現在\n科目,前年度,当年度,増減\n現金預金,\"1,000\",\"1,200\",200\n貸倒引当金,△10,△12,△2\n";
        Path f = Files.write(dir.resolve("bs.csv"), csv.getBytes(Charset.forName("windows-31j")));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.BS_COMPARISON);
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("cash_and_deposits", 2023, 1000L), tuple("cash_and_deposits", 2024, 1200L),
                tuple("allowance_doubtful", 2023, -10L), tuple("allowance_doubtful", 2024, -12L));
        assertThat(d.comparisonDeltas()).hasSize(2);
        assertThat(d.figures().get(0).location().cell()).isEqualTo("B4");
    }

    @Test
    void should_take_the_year_of_the_other_statements_when_a_document_names_none() throws Exception {
        Path app = Files.createDirectories(dir.resolve("APP"));
        Files.write(app.resolve("bs.csv"), "BS実績比較\n科目,前年度,当年度,増減\n現金預金,\"1,000\",\"1,200\",200\n"
                .getBytes(Charset.forName("windows-31j")));
        WorkbookFixture.xlsx().row("貸借対照表").row("令和3年3月31日現在").row("現金預金", 1200).save(app.resolve("fs.xlsx"));

        var figures = reader.read(app).figures();

        assertThat(figures).extracting(Figure::file, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("bs.csv", 2019, 1000L), tuple("bs.csv", 2020, 1200L), tuple("fs.xlsx", 2020, 1200L));
    }

    @Test
    void should_read_a_utf8_csv_with_byte_order_mark() throws Exception {
        byte[] body = "損益計算書\n令和6年度\n医業収益,\"5,000\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Path f = Files.write(dir.resolve("pl.csv"), all);

        assertThat(reader.readFile(f).figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value)
                .containsExactly(tuple("medical_revenue", 2024, 5000L));
    }
}
