package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.PdfFixture;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementPdfExtractionTest {
    private static ApplicationReader reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        reader = new ApplicationReader(IngestOptions.defaults().withOcr(false));
    }

    @Test
    void should_read_a_two_column_balance_sheet_with_both_sides_of_each_line() throws Exception {
        float[] left = {260};
        float[] right = {540};
        Path f = new PdfFixture()
                .text(200, 40, 14, "貸 借 対 照 表")
                .text(220, 60, "令和7年3月31日現在")
                .text(40, 80, "医療法人社団テスト会").text(460, 80, "（単位：千円）")
                .text(60, 100, "資産の部").text(340, 100, "負債の部")
                .row(120, 50, "Ⅰ 流動資産", new float[0]).row(120, 330, "Ⅰ 流動負債", new float[0])
                .row(140, 60, "現金預金", left, "1,200").row(140, 340, "短期借入金", right, "300")
                .row(160, 60, "貸倒引当金", left, "△20").row(160, 340, "長期借入金", right, "500")
                .row(180, 50, "流動資産計", left, "1,180").row(180, 330, "負債の部合計", right, "800")
                .row(200, 50, "資産の部合計", left, "1,180").row(200, 330, "純資産合計", right, "380")
                .save(dir.resolve("添付資料1.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.error()).isNull();
        assertThat(d.type()).isEqualTo(DocumentType.FINANCIAL_STATEMENTS);
        assertThat(d.unit()).isEqualTo(1000);
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("cash_and_deposits", 2024, 1_200_000L), tuple("short_term_borrowings", 2024, 300_000L),
                tuple("allowance_doubtful", 2024, -20_000L), tuple("long_term_borrowings", 2024, 500_000L),
                tuple("current_assets", 2024, 1_180_000L), tuple("total_liabilities", 2024, 800_000L),
                tuple("total_assets", 2024, 1_180_000L), tuple("net_assets", 2024, 380_000L));
    }

    @Test
    void should_give_each_figure_its_page_and_text_box() throws Exception {
        Path f = new PdfFixture().text(200, 40, "損益計算書").text(200, 60, "自 令和6年4月1日 至 令和7年3月31日")
                .row(100, 50, "医業収益", new float[] {400}, "9,000").save(dir.resolve("scan_0003.pdf"));

        Figure fig = reader.readFile(f).figures().get(0);

        assertThat(fig.location().file()).isEqualTo("scan_0003.pdf");
        assertThat(fig.location().page()).isEqualTo(1);
        assertThat(fig.location().x()).isCloseTo(375f, org.assertj.core.data.Offset.offset(1f));
        assertThat(fig.location().width()).isCloseTo(25f, org.assertj.core.data.Offset.offset(1f));
        assertThat(fig.location().y()).isBetween(88f, 100f);
        assertThat(fig.label()).isEqualTo("医業収益");
        assertThat(fig.confidence()).isBetween(0.9, 1.0);
    }

    @Test
    void should_read_prior_current_and_delta_columns_of_a_bs_comparison() throws Exception {
        float[] cols = {300, 420, 520};
        Path f = new PdfFixture().text(200, 40, "BS実績比較").text(450, 60, "（単位：円）")
                .text(40, 80, "科目").text(195, 80, 7, "前年度（令和6年3月31日）").text(315, 80, 7, "当年度（令和7年3月31日）").text(490, 80, "増減")
                .row(100, 50, "現金及び預金", cols, "1,000", "1,500", "500")
                .row(120, 50, "その他流動資産", cols, "300", "200", "△100")
                .row(140, 50, "資産合計", cols, "1,300", "1,700", "400")
                .save(dir.resolve("x.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.BS_COMPARISON);
        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("cash_and_deposits", 2023, 1000L), tuple("cash_and_deposits", 2024, 1500L),
                tuple("other_current_assets", 2023, 300L), tuple("other_current_assets", 2024, 200L),
                tuple("total_assets", 2023, 1300L), tuple("total_assets", 2024, 1700L));
        assertThat(d.comparisonDeltas()).extracting(ComparisonDelta::account, ComparisonDelta::value)
                .containsExactly(tuple("cash_and_deposits", 500L), tuple("other_current_assets", -100L), tuple("total_assets", 400L));
    }

    @Test
    void should_read_memo_lines_and_a_reference_block_as_depreciation_and_interest() throws Exception {
        float[] cols = {400, 520};
        Path f = new PdfFixture().text(200, 40, "損 益 計 算 書").text(180, 60, "自 令和6年4月1日 至 令和7年3月31日")
                .text(360, 80, "前年度").text(480, 80, "当年度")
                .row(100, 50, "設備関係費", cols, "900", "950")
                .row(120, 70, "うち減価償却費", cols, "400", "420")
                .row(140, 40, "当期純損益", cols, "△50", "60")
                .text(40, 160, "（参考）")
                .row(180, 50, "支払利息", cols, "30", "31")
                .save(dir.resolve("pl.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).contains(
                tuple("equipment_costs", 2023, 900L), tuple("depreciation", 2023, 400L), tuple("depreciation", 2024, 420L),
                tuple("net_income", 2023, -50L), tuple("net_income", 2024, 60L), tuple("interest_expense", 2024, 31L));
    }

    @Test
    void should_normalise_kangxi_radicals_and_full_width_digits() throws Exception {
        // U+2F64 is the Kangxi radical 生 some PDF fonts map to; the amount is printed in full-width digits.
        Path f = new PdfFixture().text(200, 40, "貸借対照表").text(200, 60, "令和7年3月31日現在")
                .row(100, 50, "医業未収金", new float[] {400}, "１，２３４")
                .row(120, 50, "1年以内返済予定長期借入金", new float[] {400}, "(56)")
                .text(50, 140, "\u2F63活").save(dir.resolve("k.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.text()).contains("生活");
        assertThat(d.figures()).extracting(Figure::account, Figure::value)
                .containsExactly(tuple("medical_receivables", 1234L), tuple("current_portion_long_term_debt", -56L));
    }

    @Test
    void should_keep_rows_whose_label_matches_no_account() throws Exception {
        Path f = new PdfFixture().text(200, 40, "貸借対照表").text(200, 60, "令和7年3月31日現在")
                .row(100, 50, "前払費用", new float[] {400}, "77").save(dir.resolve("u.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).isEmpty();
        assertThat(d.unmappedRows()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("前払費用");
            assertThat(r.value()).isEqualTo(77L);
        });
    }
}
