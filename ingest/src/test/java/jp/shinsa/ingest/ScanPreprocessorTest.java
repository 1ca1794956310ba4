package jp.shinsa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import jp.shinsa.ingest.fixtures.ScanDegradation;
import jp.shinsa.ingest.pdf.ScanPreprocessor;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import org.junit.jupiter.api.Test;

/** Skew and orientation of scanned pages, without Tesseract: pages of "text" drawn as dashes of ink. */
class ScanPreprocessorTest {

    /** An A4 page at 150 dpi with 30 lines of word-like dashes and a column of amounts. */
    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        java.util.Random r = new java.util.Random(7);
        for (int line = 0; line < 30; line++) {
            int y = 150 + line * 45;
            for (int x = 100; x < 700; x += 20 + r.nextInt(40)) {
                g.fillRect(x, y, 12 + r.nextInt(20), 18);
            }
            g.fillRect(900, y, 200, 18);
        }
        g.dispose();
        return img;
    }

    @Test
    void should_tell_a_printed_page_from_a_blank_one_whatever_specks_it_has() {
        assertThat(ScanPreprocessor.printed(page())).isTrue();

        BufferedImage blank = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 600);
        g.dispose();
        assertThat(ScanPreprocessor.printed(blank)).isFalse();
        // lone specks (the blank back of a copy) are not print
        blank.getRaster().setSample(20, 500, 0, 0);
        blank.getRaster().setSample(300, 40, 0, 0);
        assertThat(ScanPreprocessor.printed(blank)).isFalse();
        // nor is a hairline one pixel high (a row of ink with no column of it)
        for (int x = 100; x < 140; x++) {
            blank.getRaster().setSample(x, 300, 0, 0);
        }
        assertThat(ScanPreprocessor.printed(blank)).isFalse();
    }

    @Test
    void should_find_the_turn_that_levels_a_skewed_page() {
        assertThat(ScanPreprocessor.correction(ScanPreprocessor.rotate(page(), 2))).isCloseTo(-2, within(0.15));
        assertThat(ScanPreprocessor.correction(ScanPreprocessor.rotate(page(), -3.5))).isCloseTo(3.5, within(0.15));
        assertThat(ScanPreprocessor.correction(ScanPreprocessor.rotate(page(), 0.8))).isCloseTo(-0.8, within(0.15));
    }

    @Test
    void should_leave_a_level_page_and_an_empty_page_alone() {
        assertThat(ScanPreprocessor.correction(page())).isZero();
        BufferedImage blank = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(ScanPreprocessor.correction(blank)).isZero();
    }

    @Test
    void should_clean_grainy_grey_paper_and_leave_a_clean_page_alone() {
        BufferedImage clean = page();
        BufferedImage grainy = ScanDegradation.NOISE_GREY.apply(page(), 3);

        assertThat(ScanPreprocessor.paperNoise(clean)).isZero();
        assertThat(ScanPreprocessor.clean(clean)).isSameAs(clean);
        assertThat(ScanPreprocessor.paperNoise(grainy)).isGreaterThan(2);
        BufferedImage cleaned = ScanPreprocessor.clean(grainy);
        assertThat(ScanPreprocessor.paperNoise(cleaned)).isLessThanOrEqualTo(2);
        assertThat(cleaned.getRaster().getSample(5, 5, 0)).isGreaterThan(240); // paper made white
        assertThat(cleaned.getRaster().getSample(905, 155, 0)).isLessThan(60); // ink stays dark
    }

    @Test
    void should_turn_by_quarters_clockwise() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 255); // top-left corner marked
        BufferedImage quarter = ScanPreprocessor.turn(img, 90);
        BufferedImage half = ScanPreprocessor.turn(img, 180);

        assertThat(quarter.getWidth()).isEqualTo(20);
        assertThat(quarter.getRaster().getSample(19, 0, 0)).isEqualTo(255); // now top-right
        assertThat(half.getRaster().getSample(39, 19, 0)).isEqualTo(255); // now bottom-right
        assertThat(ScanPreprocessor.turn(img, 0)).isSameAs(img);
    }

    @Test
    void should_score_ocr_of_an_upright_page_above_one_read_upside_down() {
        String upright = "現金預金      1,428,013,277      △5,731,583\n医業収益   14,180,986,973   13,518,321,262\n当期純利益  132,410,964  A22,745";
        String upsideDown = "998'ZE6'6ヤ9'LL      音号商の弄明\nヤG8ヤ01'97とて   挟季明則 | 97のL9LZ06\n000'000'00E   腕昌甲   ャマヤ'L6/了ヤ/18";

        assertThat(TikaTesseractOcr.legibility(upright)).isGreaterThanOrEqualTo(5);
        assertThat(TikaTesseractOcr.legibility(upsideDown)).isNegative();
    }

    @Test
    void should_tell_a_page_lying_a_quarter_turned_from_an_upright_one() {
        assertThat(ScanPreprocessor.linesRunVertically(page())).isFalse();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.turn(page(), 90))).isTrue();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.turn(page(), 270))).isTrue();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.rotate(page(), 180))).isFalse();
    }

    /**
     * An A4 page at 150 dpi holding a balance-sheet comparison: 36 dense rows of labels left-aligned on
     * one character pitch and three columns of amounts right-aligned on one digit pitch, ruled under
     * the header and above the totals. Its characters and digits line up down the page, so the page
     * has a fine comb of ink along its lines as well as across them.
     */
    private static BufferedImage comparisonTable() {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        java.util.Random r = new java.util.Random(11);
        for (int row = 0; row < 36; row++) {
            int y = 180 + row * 40;
            int indent = r.nextInt(3) * 21;
            for (int c = 0, n = 3 + r.nextInt(9); c < n; c++) { // a character: strokes across and down its cell
                int x = 80 + indent + c * 21;
                for (int k = 0; k < 3; k++) {
                    g.fillRect(x + r.nextInt(4), y + 1 + k * 7, 10 + r.nextInt(7), 2);
                }
                g.fillRect(x + 2 + r.nextInt(13), y, 2, 19);
            }
            for (int right : new int[] {640, 880, 1140}) {
                int digits = 5 + r.nextInt(5);
                for (int d = 0; d < digits; d++) { // a digit: an oval, a bar or a hook
                    int x = right - (d + 1) * 12;
                    switch (r.nextInt(3)) {
                        case 0 -> g.drawOval(x, y, 8, 18);
                        case 1 -> g.fillRect(x + 4, y, 2, 19);
                        default -> {
                            g.fillRect(x, y, 9, 2);
                            g.fillRect(x + 7, y, 2, 19);
                        }
                    }
                    if (d % 3 == 2) {
                        g.fillRect(x - 3, y + 16, 2, 4); // the separator
                    }
                }
            }
        }
        g.fillRect(60, 170, 1100, 2); // the rule under the header
        g.fillRect(60, 180 + 34 * 40 - 6, 1100, 2); // the rule above the totals
        g.dispose();
        return img;
    }

    @Test
    void should_tell_a_table_of_aligned_figures_lying_a_quarter_turned_from_an_upright_one() {
        assertThat(ScanPreprocessor.linesRunVertically(comparisonTable())).isFalse();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.turn(comparisonTable(), 90))).isTrue();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.turn(comparisonTable(), 270))).isTrue();
        assertThat(ScanPreprocessor.linesRunVertically(ScanPreprocessor.turn(comparisonTable(), 180))).isFalse();
    }

    @Test
    void should_split_a_two_up_copy_at_its_gutter_and_leave_a_landscape_table_whole() {
        BufferedImage twoUp = new BufferedImage(1754, 1240, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = twoUp.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1754, 1240);
        g.drawImage(page(), 0, 0, 877, 1240, null);
        g.drawImage(page(), 877, 0, 877, 1240, null);
        g.dispose();
        BufferedImage table = ScanPreprocessor.turn(page(), 0);
        BufferedImage wide = new BufferedImage(1754, 1240, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D w = wide.createGraphics();
        w.setColor(Color.WHITE);
        w.fillRect(0, 0, 1754, 1240);
        w.setColor(Color.BLACK);
        for (int y = 100; y < 1200; y += 40) {
            w.fillRect(80, y, 1600, 3); // ruled rows across the whole width
        }
        w.dispose();

        int gutter = ScanPreprocessor.twoUpGutter(twoUp);
        assertThat(gutter).isBetween(877 - 120, 877 + 250);
        assertThat(ScanPreprocessor.twoUpGutter(wide)).isEqualTo(-1);
        assertThat(ScanPreprocessor.twoUpGutter(table)).as("a portrait page").isEqualTo(-1);
    }

    @Test
    void should_drop_a_red_seal_and_keep_the_black_print_under_it() {
        BufferedImage rgb = new BufferedImage(40, 10, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF); // paper
        rgb.setRGB(1, 0, 0xD72828); // seal ink
        rgb.setRGB(2, 0, 0x000000); // print
        rgb.setRGB(3, 0, 0x200000); // print under the seal
        BufferedImage grey = ScanPreprocessor.dropColour(rgb);

        assertThat(grey.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(grey.getRaster().getSample(1, 0, 0)).isGreaterThan(200);
        assertThat(grey.getRaster().getSample(2, 0, 0)).isZero();
        assertThat(grey.getRaster().getSample(3, 0, 0)).isLessThan(40);
    }

    @Test
    void should_whiten_ruled_lines_and_keep_the_text_beside_them() {
        BufferedImage img = page();
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(80, 140, 1100, 2); // a grey rule over the first line of text
        g.fillRect(880, 600, 2, 500); // a column rule: left alone, like strokes printed one under the other
        g.dispose();

        BufferedImage out = ScanPreprocessor.removeRules(img, 60, 5);

        assertThat(out.getRaster().getSample(300, 140, 0)).isEqualTo(255);
        assertThat(out.getRaster().getSample(100, 141, 0)).isEqualTo(255);
        assertThat(out.getRaster().getSample(880, 800, 0)).isLessThan(100);
        assertThat(out.getRaster().getSample(1000, 155, 0)).as("the amount under the rule stays").isZero();
        assertThat(out.getRaster().getSample(905, 155 + 45 * 10, 0)).isZero();
        BufferedImage plain = ScanPreprocessor.removeRules(page(), 60, 5);
        BufferedImage original = page();
        for (int y = 0; y < original.getHeight(); y += 3) {
            for (int x = 0; x < original.getWidth(); x += 3) {
                assertThat(plain.getRaster().getSample(x, y, 0)).as("a page without rules, at %d,%d", x, y)
                        .isEqualTo(original.getRaster().getSample(x, y, 0));
            }
        }
    }

    @Test
    void should_leave_a_filled_area_thicker_than_a_rule_alone() {
        BufferedImage img = page();
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(100, 1500, 800, 40); // a filled heading band
        g.dispose();

        BufferedImage out = ScanPreprocessor.removeRules(img, 60, 5);

        assertThat(out.getRaster().getSample(500, 1520, 0)).isZero();
    }
}
