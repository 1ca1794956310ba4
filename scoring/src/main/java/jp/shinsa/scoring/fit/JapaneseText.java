package jp.shinsa.scoring.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Japanese-aware lexical view of an item: kuromoji tokens (search mode splits compounds such as
 * 超音波診断装置 into 超 / 音波 / 診断 / 装置, base forms, no particles) plus character bigrams (which
 * catch katakana and kanji compounds kuromoji splits differently, e.g. 核酸抽出機 vs 核酸抽出装置).
 * Thread-safe: Lucene analyzers keep per-thread token streams.
 */
final class JapaneseText {
    private static final Analyzer ANALYZER = new JapaneseAnalyzer();
    /** Text in full- or half-width parentheses of a spec line, e.g. MX-210A（無線FPD） → 無線FPD. */
    private static final Pattern PAREN = Pattern.compile("[（(]([^）)]*)[）)]");
    private static final Pattern MODEL_CODE = Pattern.compile("\\b[A-Z]{1,4}-?\\d{2,5}[A-Z]{0,4}(?:Pro|II|EX|S|A)?\\b");

    private JapaneseText() {
    }

    /** NFKC (full-width digits and Kangxi radicals from PDFs become ordinary characters), trimmed. */
    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
    }

    /**
     * What describes the product in a spec line: the words, not the model number. "PR-1250（4チャネル）"
     * gives "4チャネル"; "MX-520" gives "". Model numbers are vendor-specific and would let the index
     * match on coincidences.
     */
    static String specWords(String spec) {
        String s = normalize(spec);
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        Matcher m = PAREN.matcher(s);
        while (m.find()) {
            b.append(m.group(1)).append(' ');
        }
        String rest = MODEL_CODE.matcher(PAREN.matcher(s).replaceAll(" ")).replaceAll(" ").trim();
        if (rest.codePoints().anyMatch(JapaneseText::isJapanese)) {
            b.append(rest);
        }
        return b.toString().trim();
    }

    /** The text an item is compared by: its name and the descriptive words of its spec. */
    static String itemText(String name, String spec) {
        String w = specWords(spec);
        String n = normalize(name);
        return w.isEmpty() ? n : n + "（" + w + "）";
    }

    /** kuromoji tokens (prefixed t:) and character bigrams of the letters (prefixed c:), as a set. */
    static Set<String> terms(String text) {
        String s = normalize(text).toLowerCase(java.util.Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = ANALYZER.tokenStream("f", s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add("t:" + term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder letters = new StringBuilder();
        s.codePoints().filter(c -> Character.isLetterOrDigit(c)).forEach(letters::appendCodePoint);
        int[] cps = letters.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add("c:" + new String(cps, i, 2));
        }
        if (cps.length == 1) {
            out.add("c:" + new String(cps, 0, 1));
        }
        return out;
    }

    /** A sparse unit vector of idf-weighted terms; unknown terms get the largest idf. */
    static Map<String, Float> vector(Set<String> terms, Map<String, Float> idf, float unknownIdf) {
        Map<String, Float> v = new HashMap<>();
        double norm = 0;
        for (String t : terms) {
            float w = idf.getOrDefault(t, unknownIdf);
            v.put(t, w);
            norm += w * w;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            v.replaceAll((k, w) -> w * inv);
        }
        return v;
    }

    static double cosine(Map<String, Float> a, Map<String, Float> b) {
        if (a.size() > b.size()) {
            Map<String, Float> t = a;
            a = b;
            b = t;
        }
        double s = 0;
        for (Map.Entry<String, Float> e : a.entrySet()) {
            Float w = b.get(e.getKey());
            if (w != null) {
                s += e.getValue() * w;
            }
        }
        return s;
    }

    private static boolean isJapanese(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA;
    }
}
