package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.PdfFixture;
import jp.shinsa.ingest.fixtures.WorkbookFixture;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements printed the way other hospitals and accountants print them (found with the generated
 * packages of {@code tools.LayoutVariants}): each case builds its own PDF or workbook.
 */
class UnseenStatementLayoutTest {
    private static final float[] ONE = {400};
    private static final float[] TWO = {380, 500};

    private final ApplicationReader reader = new ApplicationReader(IngestOptions.defaults().withOcr(false));

    @TempDir
    Path dir;

    @Test
    void should_read_labels_set_off_by_brackets_note_marks_and_kana_item_letters() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("BS").row("貸借対照表").row("令和7年3月31日現在").row("科目", "金額")
                .row("「医薬品」", 10).row("【土地】", 20).row("ア 建物", 30).row("イ　資 産 合 計", 40).row("流動資産合計 ※1", 50)
                .row("〔買掛金〕", 60).row("オ 経  費", 70).row("(3)医業利益(△損失)", -80).row("「(うち減価償却費)」", 90)
                .save(dir.resolve("bs.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::value).containsExactlyInAnyOrder(
                tuple("medicines", 10L), tuple("land", 20L), tuple("buildings", 30L), tuple("total_assets", 40L),
                tuple("current_assets", 50L), tuple("accounts_payable", 60L), tuple("other_medical_expenses", 70L),
                tuple("medical_profit", -80L), tuple("depreciation", 90L));
    }

    @Test
    void should_read_the_hospital_accounting_standard_names_for_extraordinary_items() throws Exception {
        // 病院会計準則: 臨時収益 / 臨時費用 and 法人税、住民税及び事業税負担額
        Path f = WorkbookFixture.xlsx().sheet("PL").row("損益計算書").row("自 令和6年4月1日 至 令和7年3月31日").row("科目", "金額")
                .row("臨時収益", 100).row("臨時費用", 200).row("法人税、住民税及び事業税負担額", 300).save(dir.resolve("pl.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::value, f2 -> f2.confidence() > 0.95).containsExactlyInAnyOrder(
                tuple("extraordinary_gains", 100L, true), tuple("extraordinary_losses", 200L, true), tuple("income_taxes", 300L, true));
    }

    @Test
    void should_join_a_letter_spaced_label_whose_last_characters_name_another_account() throws Exception {
        // 均等割付: 流 動 資 産 合 計 printed a full em apart reaches the reader as single characters; 資産合計 alone is total_assets
        PdfFixture pdf = new PdfFixture().page().text(240, 40, 14, "貸借対照表").text(240, 60, "令和7年3月31日現在")
                .text(360, 90, "金額");
        float x = 50;
        for (String ch : "流動資産合計".split("")) {
            pdf.text(x, 110, ch);
            x += 20;
        }
        pdf.amount(400, 110, "1,234");
        pdf.text(50, 125, "土").text(80, 125, "地").amount(400, 125, "567");
        pdf.row(140, 50, "資産合計", ONE, "9,999");
        Path f = pdf.save(dir.resolve("spaced.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::value).containsExactlyInAnyOrder(
                tuple("current_assets", 1234L), tuple("land", 567L), tuple("total_assets", 9999L));
    }

    @Test
    void should_keep_the_whole_letter_spaced_label_of_a_wording_that_names_no_account() throws Exception {
        // 臨　時　損　失 / (1) 給　　料 are no account's wording: the row keeps the whole label, not its last character
        PdfFixture pdf = new PdfFixture().page().text(240, 40, 14, "損益計算書").text(240, 60, "自 令和6年4月1日 至 令和7年3月31日")
                .text(360, 90, "金額");
        float x = 50;
        for (String ch : "臨時損失".split("")) {
            pdf.text(x, 110, ch);
            x += 20;
        }
        pdf.amount(400, 110, "1,234");
        pdf.text(50, 125, "(1) 給").text(80, 125, "料").amount(400, 125, "567");
        pdf.text(50, 140, "臨").text(70, 140, "時").text(90, 140, "利").text(110, 140, "益※1").amount(400, 140, "89");
        Path f = pdf.save(dir.resolve("spaced-unknown.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.rows()).filteredOn(r -> !r.values().isEmpty()).extracting(r -> r.label())
                .containsExactly("臨時損失", "(1)給料", "臨時利益※1");
    }

    @Test
    void should_split_dotted_leaders_that_run_into_the_amount() throws Exception {
        Path f = new PdfFixture().page().text(240, 40, 14, "貸借対照表").text(240, 60, "令和7年3月31日現在").text(360, 90, "金額")
                .text(50, 110, "医薬品…………………………………………………12,345")
                .text(50, 125, "現金及び預金・・・・・・・・・・・・").amount(400, 125, "△678")
                .save(dir.resolve("leaders.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("medicines", 2024, 12345L), tuple("cash_and_deposits", 2024, -678L));
        assertThat(d.unmappedRows()).isEmpty();
    }

    @Test
    void should_date_columns_headed_by_period_numbers_from_the_closing_date() throws Exception {
        // 第45期 names no calendar year: the closing date does, and 第44期 is the year before; current year printed first
        Path f = new PdfFixture().page().text(240, 40, 14, "貸借対照表").text(200, 60, "第45期　決算日 令和7年3月31日")
                .text(350, 90, "第45期").text(470, 90, "第44期")
                .row(110, 50, "現金及び預金", TWO, "2,000", "1,000").save(dir.resolve("ki.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::account, Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple("cash_and_deposits", 2024, 2000L), tuple("cash_and_deposits", 2023, 1000L));
    }

    @Test
    void should_read_three_year_columns_headed_zenzenki_zenki_touki() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("入力").row("決算状況入力シート").row("令和7年3月31日現在").row("記入者", "経理課")
                .row("項目", "前々期", "前期", "当期").row("医業収益合計", 1000, 1100, 1200).save(dir.resolve("input.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.INPUT_SHEET);
        assertThat(d.figures()).extracting(Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple(2022, 1000L), tuple(2023, 1100L), tuple(2024, 1200L));
    }

    @Test
    void should_read_fiscal_period_headers_that_carry_their_from_and_to_dates() throws Exception {
        // 財務諸表等規則 style: 前事業年度（自 … 至 …） in one header cell, current year first
        Path f = WorkbookFixture.xlsx().sheet("PL").row("損益計算書").row("科目", "当事業年度（自 令和6年4月1日 至 令和7年3月31日）",
                        "前事業年度（自 令和5年4月1日 至 令和6年3月31日）").row("医業収益", 900, 800).save(dir.resolve("pl.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple(2024, 900L), tuple(2023, 800L));
    }

    @Test
    void should_read_column_headers_written_as_era_abbreviated_dates() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("BS").row("貸借対照表").row("科目", "R6.3.31", "R7.3.31").row("土地", 500, 600)
                .save(dir.resolve("bs.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.figures()).extracting(Figure::fiscalYear, Figure::value).containsExactlyInAnyOrder(
                tuple(2023, 500L), tuple(2024, 600L));
    }
}
