package jp.shinsa.scoring.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.models.AccountCandidate;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/**
 * Two documents disagree on an account, and one side's amount is the other document's figure of an
 * account its row could also have been read as: the reader may have swapped two similar lines, so the
 * disagreement is a row to confirm, not an alarm. Documents made here.
 */
class MisreadRowFindingsTest {
    private static final String FS = "決算書.xlsx";
    private static final String IS = "入力シート.xlsx";

    private static SourceLocation at(String file, String cell) {
        return SourceLocation.ofCell(file, "S", cell);
    }

    /** The 決算書's two borrowings, read from rows of the given labels with these candidates each. */
    private static ExtractedDocument statements(String shortLabel, List<AccountCandidate> shortCandidates, double shortConfidence,
                                                String longLabel, List<AccountCandidate> longCandidates, double longConfidence) {
        List<Figure> figures = List.of(
                new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "short_term_borrowings", 2024, 500, shortLabel, 1, shortConfidence, at(FS, "B2")),
                new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "long_term_borrowings", 2024, 900, longLabel, 1, longConfidence, at(FS, "B3")));
        List<StatementRow> rows = new ArrayList<>();
        rows.add(new StatementRow(FS, 0, shortLabel, List.of(), 0, Map.of(2024, 500L), null, at(FS, "A2"),
                new RowMapping(RowMapping.Kind.ACCOUNT, "short_term_borrowings", shortConfidence, shortCandidates, new Text("", ""), false),
                Map.of(2024, at(FS, "B2")), null));
        rows.add(new StatementRow(FS, 1, longLabel, List.of(), 0, Map.of(2024, 900L), null, at(FS, "A3"),
                new RowMapping(RowMapping.Kind.ACCOUNT, "long_term_borrowings", longConfidence, longCandidates, new Text("", ""), false),
                Map.of(2024, at(FS, "B3")), null));
        return new ExtractedDocument(FS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, figures, List.of(), List.of(),
                null, null, null, List.of(), "", rows);
    }

    /** The input sheet says the opposite: short-term 900, long-term 500. */
    private static ExtractedDocument inputSheet() {
        return new ExtractedDocument(IS, DocumentType.INPUT_SHEET, 1, false, null, 1, List.of(
                new Figure(IS, DocumentType.INPUT_SHEET, "short_term_borrowings", 2024, 900, "短期借入金", 1, 0.97, at(IS, "B2")),
                new Figure(IS, DocumentType.INPUT_SHEET, "long_term_borrowings", 2024, 500, "長期借入金", 1, 0.97, at(IS, "B3"))),
                List.of(), List.of(), null, null, null, List.of(), "");
    }

    private static List<Finding> check(ExtractedDocument fs) {
        return new ConsistencyChecker().check(new ExtractedApplication("APP", List.of(fs, inputSheet())), null).stream()
                .filter(x -> x.code() != FindingCode.MISSING_DOCUMENT).toList();
    }

    private static final List<AccountCandidate> EITHER = List.of(new AccountCandidate("short_term_borrowings", 0.82),
            new AccountCandidate("long_term_borrowings", 0.7));

    @Test
    void should_ask_to_confirm_the_rows_when_the_disagreeing_amounts_are_each_others_and_the_rows_could_be_read_either_way() {
        List<Finding> f = check(statements("借入債務（一年）", EITHER, 0.85, "借入債務（複数年）", List.of(new AccountCandidate("long_term_borrowings", 0.8),
                new AccountCandidate("short_term_borrowings", 0.7)), 0.85));

        assertThat(f).noneMatch(Finding::isAlarm);
        assertThat(f).filteredOn(x -> x.code() == FindingCode.INPUT_SHEET_MISMATCH).isNotEmpty();
        assertThat(f).filteredOn(x -> x.code() == FindingCode.ROW_ACCOUNT_UNCERTAIN).isNotEmpty()
                .allSatisfy(x -> assertThat(x.message().ja()).contains("借入債務"));
        assertThat(f).filteredOn(x -> x.code() == FindingCode.INPUT_SHEET_MISMATCH)
                .anySatisfy(x -> assertThat(x.message().ja()).contains("警告にしていません"));
    }

    @Test
    void should_keep_the_alarm_when_the_rows_name_their_accounts() {
        // rows read by their exact labels: the applicant typed the amounts into each other's lines
        List<Finding> f = check(statements("短期借入金", List.of(new AccountCandidate("short_term_borrowings", 0.97)), 0.97,
                "長期借入金", List.of(new AccountCandidate("long_term_borrowings", 0.97)), 0.97));

        assertThat(f).filteredOn(Finding::isAlarm).extracting(Finding::code).contains(FindingCode.INPUT_SHEET_MISMATCH);
        assertThat(f).noneMatch(x -> x.code() == FindingCode.ROW_ACCOUNT_UNCERTAIN);
    }

    @Test
    void should_ask_to_confirm_a_detail_line_that_prints_the_amount_the_other_document_reads_as_the_account() {
        // the 決算書's その他の有形固定資産 block swallowed 医療用機械備品 (709) and a part of the block (29) was read as
        // the account; the BS実績比較 reads 709 as 医療用器械備品: the two documents read one printed line differently
        String bs = "BS実績比較.xlsx";
        StatementRow swallowed = new StatementRow(FS, 0, "医療用機械備品", List.of(), 0, Map.of(2024, 709L), null, at(FS, "A2"),
                new RowMapping(RowMapping.Kind.PART_OF, "other_tangible_assets", 0.74, List.of(new AccountCandidate("other_tangible_assets", 0.7),
                        new AccountCandidate("medical_equipment", 0.65)), new Text("", ""), false), Map.of(2024, at(FS, "B2")), null);
        StatementRow part = new StatementRow(FS, 1, "その他の器械備品", List.of(), 0, Map.of(2024, 29L), null, at(FS, "A3"),
                new RowMapping(RowMapping.Kind.ACCOUNT, "medical_equipment", 0.84, List.of(new AccountCandidate("medical_equipment", 0.8),
                        new AccountCandidate("other_tangible_assets", 0.6)), new Text("", ""), false), Map.of(2024, at(FS, "B3")), null);
        ExtractedDocument statements = new ExtractedDocument(FS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, List.of(
                new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "medical_equipment", 2024, 29, "その他の器械備品", 1, 0.84, at(FS, "B3"))),
                List.of(), List.of(), null, null, null, List.of(), "", List.of(swallowed, part));
        StatementRow named = new StatementRow(bs, 0, "医療用器械備品", List.of(), 0, Map.of(2024, 709L), null, at(bs, "A2"),
                new RowMapping(RowMapping.Kind.ACCOUNT, "medical_equipment", 0.97, List.of(new AccountCandidate("medical_equipment", 0.97)),
                        new Text("", ""), false), Map.of(2024, at(bs, "B2")), null);
        ExtractedDocument comparison = new ExtractedDocument(bs, DocumentType.BS_COMPARISON, 1, false, null, 1, List.of(
                new Figure(bs, DocumentType.BS_COMPARISON, "medical_equipment", 2024, 709, "医療用器械備品", 1, 0.97, at(bs, "B2"))),
                List.of(), List.of(), null, null, null, List.of(), "", List.of(named));

        List<Finding> f = new ConsistencyChecker().check(new ExtractedApplication("APP", List.of(statements, comparison)), null).stream()
                .filter(x -> x.code() != FindingCode.MISSING_DOCUMENT).toList();

        assertThat(f).noneMatch(Finding::isAlarm);
        assertThat(f).filteredOn(x -> x.code() == FindingCode.BS_COMPARISON_MISMATCH).isNotEmpty();
        assertThat(f).filteredOn(x -> x.code() == FindingCode.ROW_ACCOUNT_UNCERTAIN).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo(FS);
            assertThat(x.evidence()).containsExactly(at(FS, "A2"));
            assertThat(x.message().ja()).contains("医療用機械備品", "その他の有形固定資産の内訳");
        });
    }
}
