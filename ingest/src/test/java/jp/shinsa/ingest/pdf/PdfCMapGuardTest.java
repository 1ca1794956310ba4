package jp.shinsa.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which ToUnicode ranges PDFBox may expand (a real font's) and which it must never see. */
class PdfCMapGuardTest {
    private static String cmap(String ranges) {
        return "begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfrange\n" + ranges
                + "\nendbfrange\nendcmap\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"<0000> <FFFF> <0000>", "<20> <7E> <0020>", "<0100> <01FF> [<0041> <0042>]",
            "<00010000> <0001FFFF> <D840DC00>", "<0041> <0040> <0041>", "<00> <FF> <0000>\n<0100> <01FF> <0100>"})
    void should_let_ranges_a_real_font_uses_through(String ranges) {
        assertThat(PdfCMapGuard.ranges(cmap(ranges))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<4294967296> <04FF> <0400>", "<00000000> <7FFFFFFF> <0000>", "<80000000> <7FFFFFFF> <0000>",
            "<0000> <00010000> <0000>", "<0041> <0042> [<0041> <0042>]\n<0000000000> <0000000001> <0000>"})
    void should_refuse_a_range_with_long_codes_or_more_than_a_plane_of_codes(String ranges) {
        assertThat(PdfCMapGuard.ranges(cmap(ranges))).get().asString().startsWith("font character map");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<0000> > <FFFF> <0000>", "<<>> [ ] ] <", ">>>>", "<00"})
    void should_not_stall_on_malformed_tokens(String ranges) {
        // a stray '>' once kept the tokenizer in place, adding empty tokens until the heap ran out
        assertThat(PdfCMapGuard.ranges(cmap(ranges))).isNotNull();
    }
}
