package jp.shinsa.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextEmbedderTest {

    @Test
    void kana_are_split_without_dakuten_so_the_chinese_vocabulary_knows_them() {
        assertEquals("テ レ ヒ", TextEmbedder.modelInput("テレビ"));
        assertEquals("医薬品費", TextEmbedder.modelInput("医薬品費"));
    }

    @Test
    void full_width_text_is_normalised_first() {
        assertEquals("ABC123", TextEmbedder.modelInput("ＡＢＣ１２３"));
    }

    @Test
    void related_account_labels_embed_closer_than_unrelated_ones() {
        float[] a = TextEmbedder.embed("受取利息");
        float[] b = TextEmbedder.embed("受取利息及び配当金");
        float[] c = TextEmbedder.embed("建物");
        assertTrue(TextEmbedder.cosine(a, b) > TextEmbedder.cosine(a, c));
        assertTrue(TextEmbedder.loaded());
    }
}
