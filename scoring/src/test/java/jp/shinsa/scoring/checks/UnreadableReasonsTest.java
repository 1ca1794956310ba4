package jp.shinsa.scoring.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnreadableReasonsTest {

    @Test
    void should_word_the_readers_reasons_in_japanese_keeping_their_details() {
        assertThat(UnreadableReasons.japanese("empty file")).isEqualTo("空のファイルです");
        assertThat(UnreadableReasons.japanese("file too large (61.2 MB, limit 50.0 MB)"))
                .isEqualTo("ファイルが大きすぎます（61.2 MB、上限 50.0 MB）");
        assertThat(UnreadableReasons.japanese("reading took longer than 120 s"))
                .isEqualTo("読み取りが 120 秒を超えたため中止しました");
        assertThat(UnreadableReasons.japanese("corrupt PDF: Missing root object specification in trailer."))
                .isEqualTo("壊れたPDFです: Missing root object specification in trailer.");
        assertThat(UnreadableReasons.japanese("decompression bomb refused: xl/sheet1.xml inflates 900×"))
                .isEqualTo("展開すると極端に大きくなるファイル（圧縮爆弾）のため拒否しました: xl/sheet1.xml inflates 900×");
    }

    @Test
    void should_word_the_reasons_of_a_killed_reading_process_in_japanese() {
        assertThat(UnreadableReasons.japanese("reading ran out of memory (limit 768 MB)"))
                .isEqualTo("読み取りがメモリの上限（768 MB）を超えたため中止しました");
        assertThat(UnreadableReasons.japanese("the reading process stopped (exit code 137)"))
                .isEqualTo("読み取り処理が予期せず終了しました（終了コード 137）");
    }

    @Test
    void should_show_an_unknown_reason_as_given_rather_than_guess() {
        assertThat(UnreadableReasons.japanese("something new $1 \\ happened")).isEqualTo("something new $1 \\ happened");
        assertThat(UnreadableReasons.japanese(null)).isEqualTo("理由不明");
    }
}
