package jp.shinsa.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The in-process embedding model: bge-small-zh-v1.5 (quantised ONNX, shipped inside a Maven jar, so
 * nothing is downloaded at run time). Of the in-process LangChain4j models it is the only one that
 * separates related from unrelated Japanese phrases (STACK.md), and only weakly, which is why its
 * callers keep lexical similarity beside it. Loading takes seconds and happens on first use only:
 * one shared instance per JVM. Embeddings are cached by model input (bounded).
 * <p>
 * Used by scoring's purpose fit (item names against programme purposes) and by ingest's statement
 * spreader (row labels it cannot otherwise place).
 */
public final class TextEmbedder {
    public static final String MODEL_NAME = "bge-small-zh-v15-q";
    private static volatile EmbeddingModel model;
    private static final int BATCH = 64;

    private TextEmbedder() {
    }

    private static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (TextEmbedder.class) {
                m = model;
                if (m == null) {
                    // LangChain4j finds the ONNX model through the thread's context class loader, which
                    // on a pool thread may not see the fat jar's nested jars: use this class's loader
                    Thread t = Thread.currentThread();
                    ClassLoader before = t.getContextClassLoader();
                    t.setContextClassLoader(TextEmbedder.class.getClassLoader());
                    try {
                        m = new BgeSmallZhV15QuantizedEmbeddingModel();
                    } finally {
                        t.setContextClassLoader(before);
                    }
                    model = m;
                }
            }
        }
        return m;
    }

    /** Whether the model has been loaded in this JVM (callers that only consult it now and then may report it). */
    public static boolean loaded() {
        return model != null;
    }

    /** Texts embedded before (item names and row labels recur across applications): model input → unit embedding. */
    private static final int CACHED = 8192;
    private static final Map<String, float[]> CACHE = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHED;
                }
            });

    /**
     * Unit-length embeddings of the texts, in order. A text embedded before in this JVM is not
     * embedded again (the model is deterministic, so the result is the same vector); only the others
     * go to the model, in batches. Callers must not change the returned arrays.
     */
    public static float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> inputs = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String in = modelInput(texts.get(i));
            in = in.isBlank() ? "-" : in;
            inputs.add(in);
            float[] known = CACHE.get(in);
            if (known != null) {
                out[i] = known;
            } else {
                missing.add(i);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<TextSegment> batch = new ArrayList<>();
            for (int k = from; k < Math.min(missing.size(), from + BATCH); k++) {
                batch.add(TextSegment.from(inputs.get(missing.get(k))));
            }
            List<Embedding> es = model().embedAll(batch).content();
            for (int k = 0; k < es.size(); k++) {
                int i = missing.get(from + k);
                out[i] = unit(es.get(k).vector());
                CACHE.put(inputs.get(i), out[i]);
            }
        }
        return out;
    }

    /**
     * The model's BERT vocabulary is Chinese: kana with dakuten (ザ, ビ, ガ…) are missing, and WordPiece
     * turns a whole katakana word with one missing character into a single [UNK] — so ネーザルハイフロー
     * and テレビ would embed identically. Kana are therefore split into single characters with the
     * dakuten removed (all of which the vocabulary has); kanji are untouched.
     */
    public static String modelInput(String text) {
        String n = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).trim();
        String s = Normalizer.normalize(n, Normalizer.Form.NFD).replace("\u3099", "").replace("\u309A", "");
        StringBuilder b = new StringBuilder(s.length() * 2);
        s.codePoints().forEach(cp -> {
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            if (sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HIRAGANA) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(b.toString(), Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
    }

    public static float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** Cosine of two unit vectors (their dot product). */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = n > 0 ? (float) (1 / Math.sqrt(n)) : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
