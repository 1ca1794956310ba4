package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import jp.shinsa.ingest.fixtures.PdfFixture;
import jp.shinsa.ingest.fixtures.WorkbookFixture;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.RequestedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationFormAndQuoteTest {
    private final ApplicationReader reader = new ApplicationReader(IngestOptions.defaults().withOcr(false));

    @TempDir
    Path dir;

    @Test
    void should_read_items_money_block_program_and_applicant_of_an_xlsx_form() throws Exception {
        Path f = WorkbookFixture.xlsx().sheet("申請書").row("補助金交付申請書（所要額調書）")
                .row("法人名", "医療法人社団テスト会").row("施設名", "テスト病院").row("所在地", "東京都新宿区1-2-3").row("病床数", "120床")
                .row("補助事業名", "感染症対策設備整備事業")
                .row("No", "品名", "規格・型式", "メーカー", "数量", "単価（円）", "金額（円）", "整備目的")
                .row(1, "簡易陰圧化装置", "NP-100（キャスター付）", "テスト医理科", 2, 1_390_000, 2_780_000, "感染症患者の受入体制確保のため")
                .row(2, "空気清浄機", "AC-1", "テスト電機", 1, 500_000, 500_000, "院内感染防止のため")
                .row(null, null, null, null, null, "合計（税込）", 3_280_000)
                .row(null, null, null, null, null, "補助基準額", 10_000_000)
                .row(null, null, null, null, null, "補助率", "1/2")
                .row(null, null, null, null, null, "補助所要額", 1_640_000)
                .save(dir.resolve("form.xlsx"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.APPLICATION_FORM);
        assertThat(d.program()).isEqualTo("infection");
        assertThat(d.items()).extracting(RequestedItem::no, RequestedItem::name, RequestedItem::spec, RequestedItem::maker,
                RequestedItem::quantity, RequestedItem::unitPrice, RequestedItem::amount, RequestedItem::purpose).containsExactly(
                tuple(1, "簡易陰圧化装置", "NP-100(キャスター付)", "テスト医理科", 2L, 1_390_000L, 2_780_000L, "感染症患者の受入体制確保のため"),
                tuple(2, "空気清浄機", "AC-1", "テスト電機", 1L, 500_000L, 500_000L, "院内感染防止のため"));
        assertThat(d.items().get(0).location().cell()).isEqualTo("A8");
        assertThat(d.subsidy()).satisfies(s -> {
            assertThat(s.total()).isEqualTo(3_280_000L);
            assertThat(s.cap()).isEqualTo(10_000_000L);
            assertThat(s.rate()).isEqualTo("1/2");
            assertThat(s.requested()).isEqualTo(1_640_000L);
        });
        assertThat(d.applicant().facility()).isEqualTo("テスト病院");
        assertThat(d.applicant().beds()).isEqualTo(120);
    }

    @Test
    void should_read_quote_items_and_stop_at_the_tax_footer() throws Exception {
        float y = 200;
        PdfFixture pdf = new PdfFixture().text(220, 40, 16, "御 見 積 書").text(40, 100, "医療法人社団テスト会 御中")
                .text(40, y, "No").text(70, y, "品名").text(200, y, "規格・型式").text(300, y, "メーカー").text(390, y, "数量")
                .text(430, y, "単価（税込）").text(500, y, "金額（税込）");
        pdf.text(40, y + 25, "1").text(70, y + 25, "人工呼吸器").text(200, y + 25, "VX-1").text(300, y + 25, "日東")
                .amount(410, y + 25, "2").amount(490, y + 25, "4,800,000").amount(570, y + 25, "9,600,000");
        pdf.text(40, y + 50, "2").text(70, y + 50, "ビデオ喉頭鏡").text(200, y + 50, "VL-2").text(300, y + 50, "センチュリー")
                .amount(410, y + 50, "1").amount(490, y + 50, "866,000").amount(570, y + 50, "866,000");
        pdf.text(380, y + 80, "小計（税抜）").amount(570, y + 80, "9,514,546").text(380, y + 100, "消費税等（10%）")
                .amount(570, y + 100, "951,454").text(380, y + 120, "合計（税込）").amount(570, y + 120, "10,466,000");
        Path f = pdf.save(dir.resolve("q.pdf"));

        ExtractedDocument d = reader.readFile(f);

        assertThat(d.type()).isEqualTo(DocumentType.QUOTE);
        assertThat(d.items()).extracting(RequestedItem::no, RequestedItem::name, RequestedItem::spec, RequestedItem::maker,
                RequestedItem::quantity, RequestedItem::unitPrice, RequestedItem::amount).containsExactly(
                tuple(1, "人工呼吸器", "VX-1", "日東", 2L, 4_800_000L, 9_600_000L),
                tuple(2, "ビデオ喉頭鏡", "VL-2", "センチュリー", 1L, 866_000L, 866_000L));
        assertThat(d.items().get(1).location().page()).isEqualTo(1);
    }
}
