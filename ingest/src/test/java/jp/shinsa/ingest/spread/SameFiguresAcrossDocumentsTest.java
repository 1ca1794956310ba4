package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/**
 * The 決算状況入力シート is the applicant's copy of the 決算書's figures: a sheet row whose wording nobody
 * listed is read by the same amounts in the application's statements (docs/decisions/026). Documents
 * made here: a sheet's rows and a 決算書 whose figures are given with their confidence.
 */
class SameFiguresAcrossDocumentsTest {
    private static final int FY = 2024;
    private static final String SHEET = "入力シート.xlsx";
    private static final String STATEMENTS = "決算書_令和6年度.xlsx";

    /** An input sheet of three years: each label with its 2024 amount; 2022 and 2023 are other amounts. */
    private static ExtractedDocument sheet(Object... labelsAndValues) {
        return document(SHEET, DocumentType.INPUT_SHEET, labelsAndValues);
    }

    private static ExtractedDocument document(String file, DocumentType type, Object... labelsAndValues) {
        List<StatementRow> rows = new ArrayList<>();
        for (int k = 0; k < labelsAndValues.length; k += 2) {
            int i = rows.size();
            long v = (Long) labelsAndValues[k + 1];
            Map<Integer, Long> values = Map.of(FY - 2, v - 7_000, FY - 1, v - 3_000, FY, v);
            Map<Integer, SourceLocation> at = Map.of(FY - 2, SourceLocation.ofCell(file, "S", "B" + (i + 1)),
                    FY - 1, SourceLocation.ofCell(file, "S", "C" + (i + 1)), FY, SourceLocation.ofCell(file, "S", "D" + (i + 1)));
            rows.add(new StatementRow(file, i, (String) labelsAndValues[k], List.of(), 0, values, null,
                    SourceLocation.ofCell(file, "S", "A" + (i + 1)), RowMapping.unmapped(List.of(), new Text("", "")), at, null));
        }
        return new ExtractedDocument(file, type, 1, false, null, 1, List.of(), List.of(), List.of(),
                null, null, null, List.of(), "", rows);
    }

    /** A 決算書 of one year whose figures were read with {@code confidence}. */
    private static ExtractedDocument statements(double confidence, Object... accountsAndValues) {
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < accountsAndValues.length; k += 2) {
            figures.add(new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, (String) accountsAndValues[k], FY,
                    (Long) accountsAndValues[k + 1], "科目" + k, 1, confidence, SourceLocation.ofCell(STATEMENTS, "PL", "B" + k)));
        }
        return new ExtractedDocument(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, figures, List.of(),
                List.of(), null, null, null, List.of(), "");
    }

    private static ExtractedDocument readSheet(ExtractedDocument sheet, ExtractedDocument... others) {
        List<ExtractedDocument> docs = new ArrayList<>(List.of(others));
        docs.add(sheet);
        List<ExtractedDocument> out = StatementSpreader.remapApplication(docs, d -> LearnedMappings.none(), d -> true);
        return out.get(out.size() - 1);
    }

    private static StatementRow row(ExtractedDocument d, String label) {
        return d.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static final ExtractedDocument OWN_WORDINGS = sheet("医業収益", 9_000_000L, "医業費用", 8_700_000L,
            "経常段階の損益", 412_345L, "手持ちの資金", 1_234_567L, "短期借入金", 600_000L);

    @Test
    void should_read_a_sheet_row_nobody_worded_so_by_the_same_amount_in_the_financial_statements() {
        ExtractedDocument read = readSheet(OWN_WORDINGS, statements(0.97, "ordinary_profit", 412_345L,
                "pretax_profit", 398_000L, "cash_and_deposits", 1_234_567L, "short_term_borrowings", 600_000L));

        StatementRow profit = row(read, "経常段階の損益");
        assertThat(profit.mapping().account()).isEqualTo("ordinary_profit");
        assertThat(profit.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(profit.mapping().reason().ja()).contains(STATEMENTS);
        assertThat(profit.mapping().reason().en()).contains(STATEMENTS);
        assertThat(row(read, "手持ちの資金").mapping().account()).isEqualTo("cash_and_deposits");
        assertThat(read.figures()).filteredOn(f -> f.account().equals("ordinary_profit")).extracting(Figure::value)
                .containsExactlyInAnyOrder(412_345L - 7_000, 412_345L - 3_000, 412_345L);
    }

    @Test
    void should_not_read_those_rows_confidently_without_the_statements() {
        ExtractedDocument read = readSheet(OWN_WORDINGS);

        assertThat(read.figures()).filteredOn(f -> f.account().equals("ordinary_profit") || f.account().equals("cash_and_deposits"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_take_no_evidence_from_a_statement_figure_that_was_itself_uncertain() {
        ExtractedDocument read = readSheet(OWN_WORDINGS, statements(0.4, "ordinary_profit", 412_345L,
                "cash_and_deposits", 1_234_567L));

        assertThat(read.figures()).filteredOn(f -> f.account().equals("ordinary_profit") || f.account().equals("cash_and_deposits"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_read_a_sheet_row_with_the_amounts_of_a_line_the_statements_read_in_doubt_as_that_account_for_a_person_to_confirm() {
        // 病棟整備債 is read in the 決算書 by its place alone (0.4); the sheet copies it with its amounts: the
        // same question for a person, not a row left unread
        ExtractedDocument read = readSheet(sheet("医業収益", 9_000_000L, "病棟整備債", 2_500_000L),
                statements(0.4, "long_term_borrowings", 2_500_000L));

        RowMapping m = row(read, "病棟整備債").mapping();
        assertThat(m.account()).isEqualTo("long_term_borrowings");
        assertThat(m.confidence()).isLessThan(StatementSpreader.UNCERTAIN);
        assertThat(m.reason().ja()).contains(STATEMENTS).contains("確かには読めていない");
        assertThat(m.reason().en()).contains(STATEMENTS).contains("not read surely");
    }

    @Test
    void should_not_read_a_sheet_row_by_a_doubtful_line_that_agrees_in_one_year_only_under_another_wording() {
        List<Figure> two = List.of(
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "long_term_borrowings", FY - 1, 2_500_000L - 3_000, "企業債",
                        1, 0.4, SourceLocation.ofCell(STATEMENTS, "BS", "B30")),
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "long_term_borrowings", FY, 2_222_222L, "企業債",
                        1, 0.4, SourceLocation.ofCell(STATEMENTS, "BS", "C30")));
        ExtractedDocument statements = new ExtractedDocument(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, two,
                List.of(), List.of(), null, null, null, List.of(), "");

        ExtractedDocument other = readSheet(sheet("医業収益", 9_000_000L, "病棟整備債", 2_500_000L), statements);
        ExtractedDocument same = readSheet(sheet("医業収益", 9_000_000L, "企業債", 2_500_000L), statements);

        assertThat(row(other, "病棟整備債").mapping().account()).isNotEqualTo("long_term_borrowings");
        assertThat(row(same, "企業債").mapping().account()).isEqualTo("long_term_borrowings");
        assertThat(row(same, "企業債").mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_keep_a_row_that_names_its_account_when_its_amount_is_another_accounts_in_the_statements() {
        // the applicant typed 長期借入金's amount in the 短期借入金 row: a finding for the checks, not a reason to re-read
        ExtractedDocument read = readSheet(OWN_WORDINGS, statements(0.97, "short_term_borrowings", 500_000L,
                "long_term_borrowings", 600_000L));

        StatementRow r = row(read, "短期借入金");
        assertThat(r.mapping().account()).isEqualTo("short_term_borrowings");
        assertThat(r.mapping().confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void should_leave_a_row_uncertain_when_two_accounts_of_the_statements_have_its_amounts() {
        // no 特別損益: 経常利益 and 税引前当期純利益 are the same amount, and the wording tells neither
        ExtractedDocument read = readSheet(OWN_WORDINGS, statements(0.97, "ordinary_profit", 412_345L,
                "pretax_profit", 412_345L));

        assertThat(read.figures()).filteredOn(f -> f.account().equals("ordinary_profit") || f.account().equals("pretax_profit"))
                .allSatisfy(f -> assertThat(f.confidence()).isLessThan(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_read_a_comparison_row_by_the_amounts_of_the_financial_statements_but_never_the_other_way_round() {
        ExtractedDocument comparison = document("BS実績比較.xlsx", DocumentType.BS_COMPARISON, "手持ちの資金", 1_234_567L);
        List<ExtractedDocument> docs = List.of(statements(0.97, "cash_and_deposits", 1_234_567L), comparison);

        ExtractedDocument read = StatementSpreader.remapApplication(docs, d -> LearnedMappings.none(), d -> true).get(1);

        assertThat(row(read, "手持ちの資金").mapping().account()).isEqualTo("cash_and_deposits");
        assertThat(row(read, "手持ちの資金").mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(PeerFigures.copiedBy(DocumentType.BS_COMPARISON, DocumentType.FINANCIAL_STATEMENTS)).isFalse();
        assertThat(PeerFigures.copiedBy(DocumentType.INPUT_SHEET, DocumentType.FINANCIAL_STATEMENTS)).isFalse();
        assertThat(PeerFigures.copiedBy(DocumentType.INPUT_SHEET, DocumentType.BS_COMPARISON)).isFalse();
    }

    /**
     * A 決算書 of two years whose 現金及び預金, printed as {@code label}, has the 2023 amount of the sheet's
     * 手持ちの資金 and another 2024 amount (a figure typed wrong in one of them).
     */
    private static ExtractedDocument cashAgreeingIn2023Only(String label) {
        List<Figure> two = List.of(
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "cash_and_deposits", FY - 1, 1_234_567L - 3_000, label,
                        1, 0.97, SourceLocation.ofCell(STATEMENTS, "BS", "B3")),
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "cash_and_deposits", FY, 1_222_222L, label,
                        1, 0.97, SourceLocation.ofCell(STATEMENTS, "BS", "C3")));
        return new ExtractedDocument(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, two,
                List.of(), List.of(), null, null, null, List.of(), "");
    }

    @Test
    void should_read_a_row_whose_amount_agrees_in_one_year_and_not_the_next_as_that_account_for_a_person_to_confirm() {
        // 2023 is the 決算書's 現金及び預金; 2024 is not (a figure typed wrong): the account, but uncertain
        ExtractedDocument read = readSheet(OWN_WORDINGS, cashAgreeingIn2023Only("現金及び預金"));

        StatementRow r = row(read, "手持ちの資金");
        assertThat(r.mapping().account()).isEqualTo("cash_and_deposits");
        assertThat(r.mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
        assertThat(r.mapping().reason().ja()).contains("一部の年度で");
    }

    @Test
    void should_read_a_row_printed_with_the_statements_own_wording_confidently_even_when_one_year_differs() {
        // the same two figures, but the sheet prints the 決算書's own wording 手持ちの資金 for the row: the
        // applicant's name for that account; the one year that differs is a figure to check
        ExtractedDocument read = readSheet(OWN_WORDINGS, cashAgreeingIn2023Only("手持ちの資金"));

        StatementRow r = row(read, "手持ちの資金");
        assertThat(r.mapping().account()).isEqualTo("cash_and_deposits");
        assertThat(r.mapping().confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(r.mapping().reason().ja()).contains("同じ科目名で一部の年度で");
    }

    /** Rows of a balance-sheet part: a label with null is a heading; otherwise the amounts of each year given. */
    private static ExtractedDocument balanceSheet(String file, DocumentType type, Object[][] lines, int... years) {
        List<StatementRow> rows = new ArrayList<>();
        for (Object[] line : lines) {
            int i = rows.size();
            Map<Integer, Long> values = new java.util.TreeMap<>();
            Map<Integer, SourceLocation> at = new java.util.TreeMap<>();
            for (int y = 0; y < years.length && line.length > 1; y++) {
                values.put(years[y], (Long) line[1 + y]);
                at.put(years[y], SourceLocation.ofCell(file, "BS", (char) ('B' + y) + String.valueOf(i + 1)));
            }
            rows.add(new StatementRow(file, i, (String) line[0], List.of(), 0, values, null,
                    SourceLocation.ofCell(file, "BS", "A" + (i + 1)), RowMapping.unmapped(List.of(), new Text("", "")), at, null));
        }
        return new ExtractedDocument(file, type, 1, false, null, 1, List.of(), List.of(), List.of(),
                null, null, null, List.of(), "", rows);
    }

    @Test
    void should_read_a_statement_wording_its_comparison_reads_surely_as_that_account_even_where_the_statements_sums_fail() {
        // 短期運転資金借入金 is read surely in the BS実績比較, where the section adds up; in the 決算書 its amount was
        // typed wrong (12,345 too much), so there the sums fail and its faint wording alone leaves it in doubt
        ExtractedDocument statements = balanceSheet(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, new Object[][] {
                {"貸借対照表"}, {"負債の部"}, {"流動負債"}, {"材料買掛金", 48_083_568L}, {"短期運転資金借入金", 188_315_595L},
                {"1年以内返済予定長期借入金", 97_789_262L}, {"その他流動負債計", 124_721_357L}, {"流動負債合計額", 458_897_437L}}, FY);
        ExtractedDocument comparison = balanceSheet("BS実績比較.xlsx", DocumentType.BS_COMPARISON, new Object[][] {
                {"BS実績比較"}, {"負債の部"}, {"流動負債"}, {"材料買掛金", 51_649_077L, 48_083_568L},
                {"短期運転資金借入金", 186_549_771L, 188_303_250L}, {"1年以内返済予定長期借入金", 95_800_298L, 97_789_262L},
                {"その他流動負債計", 121_474_516L, 124_721_357L}, {"流動負債合計額", 455_473_662L, 458_897_437L}}, FY - 1, FY);

        List<ExtractedDocument> alone = StatementSpreader.remapApplication(List.of(statements), d -> LearnedMappings.none(), d -> true);
        List<ExtractedDocument> both = StatementSpreader.remapApplication(List.of(statements, comparison), d -> LearnedMappings.none(),
                d -> true);

        assertThat(row(alone.get(0), "短期運転資金借入金").mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
        RowMapping m = row(both.get(0), "短期運転資金借入金").mapping();
        assertThat(m.account()).isEqualTo("short_term_borrowings");
        assertThat(m.confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(m.reason().ja()).contains("BS実績比較.xlsx");
    }

    @Test
    void should_read_debit_and_credit_totals_of_equal_amounts_as_total_assets_and_the_other_side_not_one_of_them_unread() {
        // 借方合計 and 貸方合計 are both 1,200 in the 決算書 and its comparison: the amounts tell neither alone; the
        // debit total stands in the assets part, so it is 資産合計, and the credit total is the other side
        ExtractedDocument statements = balanceSheet(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, new Object[][] {
                {"貸借対照表"}, {"資産の部"}, {"流動資産"}, {"現金預金", 300L}, {"医業未収金", 200L}, {"流動資産合計", 500L},
                {"固定資産"}, {"建物", 700L}, {"固定資産合計", 700L}, {"借方合計", 1_200L}, {"負債の部"}, {"流動負債"}, {"買掛金", 800L},
                {"流動負債合計", 800L}, {"負債合計", 800L}, {"純資産の部"}, {"利益剰余金", 400L}, {"純資産合計", 400L},
                {"貸方合計", 1_200L}}, FY);
        ExtractedDocument comparison = balanceSheet("BS実績比較.xlsx", DocumentType.BS_COMPARISON, new Object[][] {
                {"BS実績比較"}, {"資産の部"}, {"流動資産"}, {"現金預金", 290L, 300L}, {"医業未収金", 190L, 200L},
                {"流動資産合計", 480L, 500L}, {"固定資産"}, {"建物", 690L, 700L}, {"固定資産合計", 690L, 700L}, {"借方合計", 1_170L, 1_200L},
                {"負債の部"}, {"流動負債"}, {"買掛金", 790L, 800L}, {"流動負債合計", 790L, 800L}, {"負債合計", 790L, 800L}, {"純資産の部"},
                {"利益剰余金", 380L, 400L}, {"純資産合計", 380L, 400L}, {"貸方合計", 1_170L, 1_200L}}, FY - 1, FY);

        List<ExtractedDocument> both = StatementSpreader.remapApplication(List.of(statements, comparison), d -> LearnedMappings.none(),
                d -> true);

        for (ExtractedDocument d : both) {
            assertThat(row(d, "借方合計").mapping().account()).as(d.file()).isEqualTo("total_assets");
            assertThat(row(d, "貸方合計").mapping().account()).as(d.file()).isEqualTo("total_liabilities_and_net_assets");
        }
    }

    @Test
    void should_not_take_amounts_a_doubtful_line_of_the_statements_shares_as_evidence_for_the_sure_one() {
        // 経常段階の損益 is read by its place alone in the 決算書 (0.4); 税引前当期純利益, read surely, has the same
        // amount (no 特別損益). The sheet's 経常段階の損益 is not confidently 税引前当期純利益; its own wording
        // is that of the doubtful line, which it is offered first
        List<Figure> figures = List.of(
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "ordinary_profit", FY, 412_345L, "経常段階の損益", 1, 0.4,
                        SourceLocation.ofCell(STATEMENTS, "PL", "B20")),
                new Figure(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, "pretax_profit", FY, 412_345L, "税引前当期純利益", 1, 0.97,
                        SourceLocation.ofCell(STATEMENTS, "PL", "B23")));
        ExtractedDocument statements = new ExtractedDocument(STATEMENTS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, figures,
                List.of(), List.of(), null, null, null, List.of(), "");

        StatementRow r = row(readSheet(OWN_WORDINGS, statements), "経常段階の損益");

        assertThat(r.mapping().account()).isEqualTo("ordinary_profit");
        assertThat(r.mapping().confidence()).isLessThan(StatementSpreader.UNCERTAIN);
    }
}
