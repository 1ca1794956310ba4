package jp.shinsa.ingest.text;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses printed amounts: thousands separators, full-width digits (through NFKC), △ ▲ − and (…)
 * negatives, a yen sign or trailing 円/－ decoration.
 */
public final class Amounts {
    private static final Pattern AMOUNT = Pattern.compile(
            "^[¥￥\\\\]?\\s*([△▲\\-−‐]|\\()?\\s*[¥￥\\\\]?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)\\s*(\\))?\\s*(?:円|-|－|―|ー)?$");

    private Amounts() {
    }

    /** The amount a cell holds, or empty when the cell is not (only) a number. */
    public static OptionalLong parse(String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        String s = JapaneseText.nfkc(raw).strip();
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = AMOUNT.matcher(s);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        boolean openParen = "(".equals(m.group(1));
        if (openParen != (m.group(3) != null)) {
            return OptionalLong.empty();
        }
        String digits = m.group(2).replace(",", "");
        if (digits.length() > 17) {
            return OptionalLong.empty();
        }
        long v = Long.parseLong(digits);
        return OptionalLong.of(m.group(1) != null ? -v : v);
    }

    public static boolean isAmount(String raw) {
        return parse(raw).isPresent();
    }

    /** A lone sign glyph that a PDF may print apart from its digits. */
    public static boolean isSignOnly(String raw) {
        String s = JapaneseText.nfkc(raw).strip();
        return s.equals("△") || s.equals("▲") || s.equals("-") || s.equals("−") || s.equals("¥") || s.equals("￥");
    }
}
