package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/**
 * A 決算状況入力シート is a flat list of the accounts the program asks for: no section headings, and a
 * borrowing printed beside its section's total without the section's other lines. Sheets made here.
 */
class InputSheetSpreadingTest {
    private static final int FY = 2024;

    private static List<StatementRow> rows(DocumentType type, Object... labelsAndValues) {
        List<StatementRow> rows = new ArrayList<>();
        for (int k = 0; k < labelsAndValues.length; k += 2) {
            int i = rows.size();
            Long v = (Long) labelsAndValues[k + 1];
            String file = type == DocumentType.INPUT_SHEET ? "入力シート.xlsx" : "決算書.xlsx";
            // three years, the later ones multiples of the first (every identity holds in each year or in none)
            Map<Integer, Long> values = v == null ? Map.of() : Map.of(FY - 2, v, FY - 1, 2 * v, FY, 3 * v);
            Map<Integer, SourceLocation> at = v == null ? Map.of() : Map.of(FY - 2, SourceLocation.ofCell(file, "S", "B" + (i + 1)),
                    FY - 1, SourceLocation.ofCell(file, "S", "C" + (i + 1)), FY, SourceLocation.ofCell(file, "S", "D" + (i + 1)));
            rows.add(new StatementRow(file, i, (String) labelsAndValues[k], List.of(), 0, values, null,
                    SourceLocation.ofCell(file, "S", "A" + (i + 1)), RowMapping.unmapped(List.of(), new Text("", "")), at, null));
        }
        return rows;
    }

    /** The sixteen accounts of the input sheet, the two borrowings printed with the labels given. */
    private static StatementSpreader.Spread inputSheet(String shortTerm, String longTerm) {
        List<StatementRow> rows = rows(DocumentType.INPUT_SHEET, "決算状況入力シート", null, "法人名 医療法人社団テスト会", null,
                "医業収益", 1000L, "医業費用", 900L, "医業利益", 100L, "経常利益", 120L, "当期純利益", 80L, "減価償却費", 50L,
                "流動資産合計", 400L, "固定資産合計", 600L, "資産合計", 1000L, "流動負債合計", 300L, "固定負債合計", 500L,
                "負債合計", 800L, "純資産合計", 200L, shortTerm, 120L, longTerm, 450L, "現金及び預金", 150L);
        return StatementSpreader.spread("入力シート.xlsx", DocumentType.INPUT_SHEET, 1, false, rows, LearnedMappings.none());
    }

    private static StatementRow row(StatementSpreader.Spread s, String label) {
        return s.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void should_read_a_borrowing_with_a_scope_note_on_an_input_sheet_as_the_account_it_names() {
        // 流動負債合計 300 ≠ 短期借入金 120: the sheet does not print 買掛金 and the rest, which are not zero
        StatementSpreader.Spread s = inputSheet("短期借入金（金融機関）", "長期借入金（金融機関）");

        assertThat(s.figures()).extracting(Figure::account, Figure::value)
                .contains(tuple("short_term_borrowings", 120L), tuple("long_term_borrowings", 450L))
                .doesNotContain(tuple("long_term_borrowings", 120L));
        assertThat(row(s, "短期借入金（金融機関）").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(row(s, "長期借入金（金融機関）").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_read_a_more_than_one_year_qualifier_on_an_input_sheet_as_long_term_borrowings() {
        // 固定負債合計 500 ≠ 長期借入金 450: the other fixed liabilities are not asked for, not zero
        StatementSpreader.Spread s = inputSheet("短期借入金", "長期借入金（1年超返済分）");

        StatementRow r = row(s, "長期借入金（1年超返済分）");
        assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(r.mapping().account()).isEqualTo("long_term_borrowings");
        assertThat(r.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(s.figures()).extracting(Figure::account, Figure::value).contains(tuple("short_term_borrowings", 120L))
                .doesNotContain(tuple("short_term_borrowings", 450L));
    }

    @Test
    void should_still_read_a_within_one_year_qualifier_on_long_term_borrowings_as_the_current_portion() {
        StatementSpreader.Spread s = inputSheet("短期借入金", "長期借入金（1年以内返済分）");

        assertThat(row(s, "長期借入金（1年以内返済分）").mapping().account()).isEqualTo("current_portion_long_term_debt");
    }

    @Test
    void should_count_an_identity_on_a_list_of_figures_when_it_holds() {
        // 固定負債合計 = 長期借入金 on this sheet: the identity holds and confirms the qualified reading
        List<StatementRow> rows = rows(DocumentType.INPUT_SHEET, "流動負債合計", 300L, "固定負債合計", 450L, "負債合計", 750L,
                "長期借入金（本部分）", 450L);
        StatementSpreader.Spread s = StatementSpreader.spread("入力シート.xlsx", DocumentType.INPUT_SHEET, 1, false, rows,
                LearnedMappings.none());

        StatementRow r = row(s, "長期借入金（本部分）");
        assertThat(r.mapping().account()).isEqualTo("long_term_borrowings");
        assertThat(r.mapping().reason().en()).contains("arithmetic holds");
    }

    @Test
    void should_neither_confirm_nor_doubt_a_statement_row_by_a_section_sum_that_fails_under_every_reading() {
        // the same borrowing under the heading 流動負債 of a statement: its section is short of 流動負債合計
        // whatever the row is read as (leaving it out included), so the sum says nothing about this row: it
        // keeps its label's reading, not confirmed by arithmetic (the failing sum is the checks' business)
        List<StatementRow> rows = rows(DocumentType.FINANCIAL_STATEMENTS, "貸借対照表", null, "負債の部", null, "流動負債", null,
                "短期借入金（金融機関）", 120L, "流動負債合計", 300L);
        StatementSpreader.Spread s = StatementSpreader.spread("決算書.xlsx", DocumentType.FINANCIAL_STATEMENTS, 1, false, rows,
                LearnedMappings.none());

        StatementRow r = row(s, "短期借入金（金融機関）");
        assertThat(r.mapping().account()).isEqualTo("short_term_borrowings");
        assertThat(r.mapping().reason().en()).contains("no arithmetic to confirm it").doesNotContain("arithmetic holds");
        assertThat(r.mapping().confidence()).isLessThan(0.97);
    }

    @Test
    void should_not_let_a_row_dodge_a_failing_identity_of_a_list_by_leaving_its_account() {
        // 資産合計 misprinted: 400 + 600 ≠ 1010. Reading 流動資産（期末残高） as anything else would leave
        // 流動資産 unprinted; a line some row may be is not "not asked for", so the identity still fails
        // (資産合計 is qualified too, so the identity is decided by the search whatever the first row becomes)
        List<StatementRow> rows = rows(DocumentType.INPUT_SHEET, "医業収益", 1000L, "医業費用", 900L, "医業利益", 100L,
                "流動資産（期末残高）", 400L, "固定資産合計", 600L, "資産合計（期末残高）", 1010L, "負債合計", 800L, "純資産合計", 210L);
        StatementSpreader.Spread s = StatementSpreader.spread("入力シート.xlsx", DocumentType.INPUT_SHEET, 1, false, rows,
                LearnedMappings.none());

        StatementRow r = row(s, "流動資産（期末残高）");
        assertThat(r.mapping().account()).isEqualTo("current_assets");
        assertThat(r.mapping().reason().en()).doesNotContain("arithmetic holds");
    }

    @Test
    void should_not_doubt_a_list_row_by_an_identity_whose_other_lines_it_only_faintly_resembles() {
        // 経常利益 = 医業利益 + 医業外収益 − 医業外費用: the sheet asks for neither of the latter, and its 医業
        // lines only faintly resemble them, so 120 ≠ 100 is no evidence against reading 経常利益額 as 経常利益
        List<StatementRow> rows = rows(DocumentType.INPUT_SHEET, "医業収益合計A", 1000L, "医業費用合計B", 900L,
                "医業損益差額", 100L, "経常利益額", 120L, "当期純利益", 80L);
        StatementSpreader.Spread s = StatementSpreader.spread("入力シート.xlsx", DocumentType.INPUT_SHEET, 1, false, rows,
                LearnedMappings.none());

        StatementRow r = row(s, "経常利益額");
        assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(r.mapping().account()).isEqualTo("ordinary_profit");
    }
}
