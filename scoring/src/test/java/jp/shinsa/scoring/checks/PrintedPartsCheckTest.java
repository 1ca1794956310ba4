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
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/** A printed account total against its printed detail lines (材料費計 against 医薬品費, 診療材料費 …). */
class PrintedPartsCheckTest {
    private static final String FS = "決算書.xlsx";

    private static SourceLocation at(String cell) {
        return SourceLocation.ofCell(FS, "PL", cell);
    }

    private static StatementRow row(int i, String label, long value, RowMapping.Kind kind, String account, double confidence) {
        RowMapping m = new RowMapping(kind, account, confidence, List.of(new AccountCandidate(account, 0.7)),
                new Text("内訳行", "a detail line"), false);
        return new StatementRow(FS, i, label, List.of("医業費用", "材料費"), 2, Map.of(2024, value), null, at("A" + i), m,
                Map.of(2024, at("B" + i)), null);
    }

    /** 材料費 printed as 90 with parts 60 + {@code second}, and the memo 減価償却費 under 設備関係費 untouched. */
    private static List<Finding> check(long second, double partConfidence) {
        List<StatementRow> rows = new ArrayList<>();
        rows.add(row(1, "医薬品費", 60, RowMapping.Kind.PART_OF, "material_costs", partConfidence));
        rows.add(row(2, "診療材料費", second, RowMapping.Kind.PART_OF, "material_costs", partConfidence));
        rows.add(row(3, "材料費計", 90, RowMapping.Kind.ACCOUNT, "material_costs", 0.97));
        List<Figure> figures = List.of(new Figure(FS, DocumentType.FINANCIAL_STATEMENTS, "material_costs", 2024, 90, "材料費計", 1, 0.97,
                at("B3")));
        ExtractedDocument fs = new ExtractedDocument(FS, DocumentType.FINANCIAL_STATEMENTS, 1, false, null, 1, figures, List.of(),
                List.of(), null, null, null, List.of(), "", rows);
        return new ConsistencyChecker().check(new ExtractedApplication("APP", List.of(fs)), null).stream()
                .filter(x -> x.code() != FindingCode.MISSING_DOCUMENT).toList();
    }

    @Test
    void should_raise_an_error_for_the_account_when_its_printed_parts_do_not_add_up_to_its_printed_total() {
        List<Finding> f = check(35, 0.85);

        assertThat(f).filteredOn(Finding::isAlarm).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(FindingCode.PL_CASCADE_MISMATCH);
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.account()).isEqualTo("material_costs");
            assertThat(x.fiscalYear()).isEqualTo(2024);
            assertThat(x.evidence()).contains(at("B3"), at("B1"), at("B2"));
            assertThat(x.message().ja()).contains("材料費計", "医薬品費", "診療材料費");
        });
    }

    @Test
    void should_raise_nothing_when_the_parts_add_up() {
        assertThat(check(30, 0.85)).isEmpty();
    }

    @Test
    void should_report_a_mismatch_resting_on_a_part_mapped_with_doubt_as_information_only() {
        List<Finding> f = check(35, 0.4);

        assertThat(f).noneMatch(Finding::isAlarm);
        assertThat(f).filteredOn(x -> x.code() == FindingCode.PL_CASCADE_MISMATCH).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.account()).isEqualTo("material_costs");
            assertThat(x.message().en()).contains("Not an alarm");
            assertThat(x.message().ja()).contains("警告にしていません");
        });
    }

    @Test
    void should_report_nothing_when_parts_mapped_with_doubt_add_up() {
        assertThat(check(30, 0.4)).isEmpty();
    }
}
