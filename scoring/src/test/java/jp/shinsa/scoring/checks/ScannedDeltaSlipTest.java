package jp.shinsa.scoring.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import org.junit.jupiter.api.Test;

/** A scanned 増減 that lost digits in the reading is a slip to check against the original, not an alarm. */
class ScannedDeltaSlipTest {
    private static final String BS = "BS実績比較.pdf";

    private static List<Finding> check(boolean scanned, long printedDelta) {
        SourceLocation at = SourceLocation.ofCell(BS, "S", "A1");
        ExtractedDocument comparison = new ExtractedDocument(BS, DocumentType.BS_COMPARISON, 1, scanned, null, 1, List.of(
                new Figure(BS, DocumentType.BS_COMPARISON, "allowance_doubtful", 2023, -2_278_589, "貸倒引当金", 1, 0.93, at),
                new Figure(BS, DocumentType.BS_COMPARISON, "allowance_doubtful", 2024, -2_257_454, "貸倒引当金", 1, 0.93, at)),
                List.of(new ComparisonDelta(BS, "allowance_doubtful", printedDelta, 1, at)), List.of(), null, null, null, List.of(), "");
        return new ConsistencyChecker().check(new ExtractedApplication("APP", List.of(comparison)), null).stream()
                .filter(f -> f.code() == FindingCode.COMPARISON_DELTA_MISMATCH).toList();
    }

    @Test
    void should_not_alarm_on_a_scanned_delta_whose_digits_are_the_differences_with_some_lost() {
        // 21,135 read as 135
        assertThat(check(true, 135)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message().ja()).contains("原本で確認");
        });
    }

    @Test
    void should_keep_the_alarm_on_a_typed_delta_or_a_scanned_one_that_is_another_number() {
        assertThat(check(false, 135)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(check(true, 33_480)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }
}
