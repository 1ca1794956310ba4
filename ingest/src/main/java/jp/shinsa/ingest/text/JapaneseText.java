package jp.shinsa.ingest.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text normalisation shared by every reader: NFKC, and the spaces OCR and spaced titles leave. */
public final class JapaneseText {
    private static final String CJK = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々〆（）()「」・、。";
    // Tesseract separates Japanese tokens by spaces; between two CJK characters a space is never meant.
    private static final Pattern CJK_SPACE = Pattern.compile("(?<=[" + CJK + "])[ \\t\\u3000]+(?=[" + CJK + "])");
    private static final Pattern ANY_SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");

    private JapaneseText() {
    }

    /**
     * NFKC (full-width digits and letters become ASCII; Kangxi radicals such as U+2F92 見 become the
     * unified ideograph), with the no-break and ideographic spaces made plain.
     */
    public static String nfkc(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.replace('\u00a0', ' ').replace('\u3000', ' ');
    }

    /** NFKC and no spaces between CJK characters (OCR output, letter-spaced titles). */
    public static String joinCjk(String s) {
        String n = nfkc(s);
        String prev;
        do {
            prev = n;
            n = CJK_SPACE.matcher(n).replaceAll("");
        } while (!n.equals(prev));
        return n;
    }

    /**
     * How far a spreadsheet or CSV label is indented, as a fraction of a column (0.1 per leading space
     * or style indent step, at most 0.9): statements typed into sheets indent their detail lines with
     * leading spaces (全角 or 半角) or the cell's indent, and that structure is kept as the label's
     * horizontal position, as a page keeps it. An amount is not indented.
     */
    public static double sheetIndent(String raw, int styleIndent) {
        if (raw == null) {
            return 0;
        }
        String n = nfkc(raw);
        if (Amounts.isAmount(n.strip())) {
            return 0;
        }
        int lead = 0;
        while (lead < n.length() && Character.isWhitespace(n.charAt(lead))) {
            lead++;
        }
        return Math.min(9, lead + Math.max(0, styleIndent)) / 10.0;
    }

    /** NFKC without any whitespace: the form used for keyword search and label matching. */
    public static String compact(String s) {
        String n = nfkc(s);
        // most cells and labels hold no space at all: no matcher then (nfkc made U+00A0 and U+3000 plain spaces)
        for (int i = 0; i < n.length(); i++) {
            if (isSpace(n.charAt(i))) {
                return ANY_SPACE.matcher(n).replaceAll("");
            }
        }
        return n;
    }

    /** What {@code [\s\u3000\u00a0]} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u3000' || c == '\u00a0';
    }
}
