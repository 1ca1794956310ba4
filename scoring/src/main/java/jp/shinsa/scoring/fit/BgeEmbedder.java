package jp.shinsa.scoring.fit;

import java.util.List;
import jp.shinsa.embeddings.TextEmbedder;

/**
 * Purpose fit's view of the shared embedding model ({@link TextEmbedder}, module text-embeddings:
 * bge-small-zh-v1.5, loaded on first use, cached by text).
 */
final class BgeEmbedder {
    static final String MODEL_NAME = TextEmbedder.MODEL_NAME;

    private BgeEmbedder() {
    }

    static float[][] embed(List<String> texts) {
        return TextEmbedder.embed(texts);
    }

    static String modelInput(String text) {
        return TextEmbedder.modelInput(text);
    }

    static float[] embed(String text) {
        return TextEmbedder.embed(text);
    }

    static double cosine(float[] a, float[] b) {
        return TextEmbedder.cosine(a, b);
    }
}
