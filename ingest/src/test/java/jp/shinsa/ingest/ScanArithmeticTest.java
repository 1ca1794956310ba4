package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/** Choosing between OCR alternatives of a scanned statement's amounts by its arithmetic. */
class ScanArithmeticTest {
    private static final int FY = 2024;

    /** An income statement as OCR read it (one value per row, or a heading), spread. */
    private static ExtractedDocument statement(boolean ocr, Object... labelsAndValues) {
        List<StatementRow> rows = new ArrayList<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            String label = (String) labelsAndValues[i];
            Long v = (Long) labelsAndValues[i + 1];
            int n = rows.size();
            SourceLocation at = SourceLocation.ofBox("pl.pdf", 1, 400, 100 + 20 * n, 80, 12);
            rows.add(new StatementRow("pl.pdf", n, label, List.of(), 0, v == null ? Map.of() : Map.of(FY, v), null,
                    SourceLocation.ofBox("pl.pdf", 1, 50, 100 + 20 * n, 80, 12), RowMapping.unmapped(List.of(), new Text("", "")),
                    v == null ? Map.of() : Map.of(FY, at), null));
        }
        ExtractedDocument doc = new ExtractedDocument("pl.pdf", DocumentType.FINANCIAL_STATEMENTS, 1, ocr, null, 1, List.of(),
                List.of(), List.of(), null, null, null, List.of(), "", rows);
        return StatementSpreader.remap(doc, LearnedMappings.none());
    }

    private static Object[] cascade(long ordinary, long pretax) {
        return new Object[] {"損益計算書", null, "医業収益", 1000L, "医業費用", 1300L, "医業利益", -300L, "医業外収益", 40L,
            "医業外費用", 20L, "経常利益", ordinary, "特別利益", 10L, "特別損失", 0L, "税引前当期純利益", pretax,
            "法人税住民税及び事業税", 5L, "当期純利益", -275L};
    }

    @Test
    void should_restore_a_lost_triangle_that_the_cascade_asks_for() {
        ExtractedDocument read = statement(true, cascade(-280L, 270L)); // △270 read as 270

        ExtractedDocument mended = ScanArithmetic.proofread(read, LearnedMappings.none());

        assertThat(mended.figures()).extracting(Figure::account, Figure::value).contains(tuple("pretax_profit", -270L));
        assertThat(mended.figures()).allMatch(f -> f.confidence() > ScanArithmetic.UNCONFIRMED);
    }

    @Test
    void should_restore_a_digit_misread_when_only_one_reading_mends_the_identities() {
        ExtractedDocument read = statement(true, cascade(-230L, -270L)); // △280 read as △230

        ExtractedDocument mended = ScanArithmetic.proofread(read, LearnedMappings.none());

        assertThat(mended.figures()).extracting(Figure::account, Figure::value).contains(tuple("ordinary_profit", -280L));
    }

    @Test
    void should_leave_a_text_pdf_and_a_difference_no_slip_explains_alone_but_mark_it_unconfirmed() {
        Object[] wrong = cascade(-280L, -270L);
        wrong[5] = 1777L; // 医業費用 1,300 printed as 1,777: no one-character slip gives 1,300

        ExtractedDocument text = statement(false, wrong);
        ExtractedDocument scan = ScanArithmetic.proofread(statement(true, wrong), LearnedMappings.none());

        assertThat(ScanArithmetic.proofread(text, LearnedMappings.none())).isEqualTo(text);
        assertThat(scan.figures()).extracting(Figure::account, Figure::value).contains(tuple("medical_expenses", 1777L));
        assertThat(scan.figures()).filteredOn(f -> f.account().equals("medical_expenses"))
                .allMatch(f -> f.confidence() < StatementSpreader.UNCERTAIN);
    }

    @Test
    void should_take_a_sign_a_digit_or_a_lost_leading_digit_for_one_slip() {
        assertThat(ScanArithmetic.oneSlipApart(270, -270)).isTrue();
        assertThat(ScanArithmetic.oneSlipApart(3_602_954_275L, 3_602_954_276L)).isTrue();
        assertThat(ScanArithmetic.oneSlipApart(314_783_710L, 7_314_783_710L)).isTrue();
        assertThat(ScanArithmetic.oneSlipApart(3_602_954_275L, 3_602_954_286L)).isFalse();
        assertThat(ScanArithmetic.oneSlipApart(270, -271)).isFalse();
        assertThat(ScanArithmetic.oneSlipApart(12, 712)).as("too short to tell").isFalse();
    }

    @Test
    void should_restore_a_lost_triangle_that_a_comparison_rows_change_asks_for() {
        List<StatementRow> rows = new ArrayList<>();
        String[] labels = {"現金預金", "貸倒引当金"};
        long[][] values = {{1_000, 1_200, 200}, {-12_053, 10_440, 1_613}}; // △10,440 read as 10,440
        for (int i = 0; i < labels.length; i++) {
            SourceLocation at = SourceLocation.ofBox("bs.pdf", 1, 50, 100 + 20 * i, 80, 12);
            rows.add(new StatementRow("bs.pdf", i, labels[i], List.of(), 0, Map.of(FY - 1, values[i][0], FY, values[i][1]), values[i][2],
                    at, RowMapping.unmapped(List.of(), new Text("", "")),
                    Map.of(FY - 1, SourceLocation.ofBox("bs.pdf", 1, 300, 100 + 20 * i, 80, 12),
                            FY, SourceLocation.ofBox("bs.pdf", 1, 400, 100 + 20 * i, 80, 12)),
                    SourceLocation.ofBox("bs.pdf", 1, 500, 100 + 20 * i, 80, 12)));
        }
        ExtractedDocument read = StatementSpreader.remap(new ExtractedDocument("bs.pdf", DocumentType.BS_COMPARISON, 1, true, null,
                1000, List.of(), List.of(), List.of(), null, null, null, List.of(), "", rows), LearnedMappings.none());

        ExtractedDocument mended = ScanArithmetic.proofread(read, LearnedMappings.none());

        assertThat(mended.rows().get(1).values()).containsEntry(FY, -10_440L);
    }
}
