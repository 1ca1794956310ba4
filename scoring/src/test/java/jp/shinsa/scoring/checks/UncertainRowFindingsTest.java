package jp.shinsa.scoring.checks;

import static org.assertj.core.api.Assertions.assertThat;

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
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/** A check that rests on an uncertain row mapping asks to confirm the row instead of raising an alarm. */
class UncertainRowFindingsTest {
    private static final String FS = "決算書.xlsx";
    private static final String IS = "入力シート.xlsx";

    private static SourceLocation at(String file, String cell) {
        return SourceLocation.ofCell(file, "S", cell);
    }

    private static ExtractedDocument statements(double borrowingsConfidence, List<StatementRow> extra) {
        List<Figure> figures = List.of(
                new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "short_term_borrowings", 2024, 500, "借入金", 1, borrowingsConfidence, at(FS, "B2")),
                new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "cash_and_deposits", 2024, 70, "現金及び預金", 1, 0.97, at(FS, "B3")));
        RowMapping m = new RowMapping(RowMapping.Kind.ACCOUNT, "short_term_borrowings", borrowingsConfidence,
                List.of(new AccountCandidate("short_term_borrowings", 0.6), new AccountCandidate("long_term_borrowings", 0.6)),
                new Text("不確か", "uncertain"), false);
        List<StatementRow> rows = new java.util.ArrayList<>(List.of(new StatementRow(FS, 0, "借入金", List.of(), 0, Map.of(2024, 500L), null,
                at(FS, "A2"), m, Map.of(2024, at(FS, "B2")), null)));
        rows.addAll(extra);
        return new ExtractedDocument(FS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, figures, List.of(), List.of(),
                null, null, null, List.of(), "", rows);
    }

    private static ExtractedDocument inputSheet() {
        return new ExtractedDocument(IS, DocumentType.INPUT_SHEET, 1, false, null, 1, List.of(
                new Figure(IS, DocumentType.INPUT_SHEET, "short_term_borrowings", 2024, 900, "短期借入金", 1, 0.97, at(IS, "B2"))),
                List.of(), List.of(), null, null, null, List.of(), "");
    }

    private static List<Finding> check(ExtractedDocument fs) {
        // documents other than statements are not the point here
        return new ConsistencyChecker().check(new ExtractedApplication("APP", List.of(fs, inputSheet())), null).stream()
                .filter(x -> x.code() != FindingCode.MISSING_DOCUMENT).toList();
    }

    @Test
    void should_ask_to_confirm_the_row_instead_of_an_error_when_the_mapping_is_uncertain() {
        List<Finding> f = check(statements(0.4, List.of()));

        assertThat(f).filteredOn(x -> x.code() == FindingCode.INPUT_SHEET_MISMATCH || x.code() == FindingCode.BS_COMPARISON_MISMATCH)
                .isNotEmpty().allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(f).filteredOn(x -> x.code() == FindingCode.ROW_ACCOUNT_UNCERTAIN).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.file()).isEqualTo(FS);
            assertThat(x.account()).isEqualTo("short_term_borrowings");
            assertThat(x.evidence()).containsExactly(at(FS, "A2"));
            assertThat(x.message().ja()).contains("借入金", "長期借入金");
            assertThat(x.message().en()).contains("Long-term borrowings");
        });
        assertThat(f).noneMatch(Finding::isAlarm);
    }

    @Test
    void should_keep_the_error_when_the_mapping_is_certain() {
        List<Finding> f = check(statements(0.97, List.of()));

        assertThat(f).filteredOn(Finding::isAlarm).extracting(Finding::code).containsExactly(FindingCode.INPUT_SHEET_MISMATCH);
        assertThat(f).noneMatch(x -> x.code() == FindingCode.ROW_ACCOUNT_UNCERTAIN);
    }

    @Test
    void should_list_the_unmapped_rows_of_a_document_as_info() {
        StatementRow beds = new StatementRow(FS, 1, "病床数", List.of(), 0, Map.of(2024, 120L), null, at(FS, "A9"),
                RowMapping.unmapped(List.of(), new Text("なし", "none")));

        List<Finding> f = check(statements(0.97, List.of(beds)));

        assertThat(f).filteredOn(x -> x.code() == FindingCode.UNMAPPED_ROWS).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.file()).isEqualTo(FS);
            assertThat(x.message().ja()).contains("病床数");
            assertThat(x.evidence()).containsExactly(at(FS, "A9"));
        });
    }
}
