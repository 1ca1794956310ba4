package jp.shinsa.ingest.spread;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shinsa.ingest.extract.AccountMatcher;
import jp.shinsa.ingest.text.JapaneseText;

/**
 * A row label read with its qualifiers. A qualifier changes what the row is, so it is read, not
 * stripped: （1年以内返済分） makes 長期借入金 the current portion, （控除） or a leading △ makes the row
 * a deduction, うち / 内 makes it a detail of the row above, 計 / 合計 / の部合計 a total; a sign note
 * such as （△損失） or （又は…損失） says nothing about the account.
 *
 * @param base         the label without the qualifiers that were understood (what is matched to accounts)
 * @param memo         うち / 内: "of which", a part already included in a total printed above
 * @param contra       a deduction (（控除）, （△）, a leading △ or ▲): its positive value is subtracted
 * @param currentPortion 1年以内 / 1年内: the part due within one year
 * @param longPortion  1年超: the part due after one year
 * @param total        ends in 計 / 合計 / 総計 / の部合計
 * @param otherQualifier a bracketed qualifier the reader does not know (e.g. a note on scope): the
 *                     label then does not name its account exactly
 */
record RowLabel(String base, boolean memo, boolean contra, boolean currentPortion, boolean longPortion, boolean total,
                String otherQualifier) {

    /** Any opening bracket, any closing bracket, and a character that is neither (the matcher's vocabulary). */
    private static final String OPEN = "[" + AccountMatcher.OPENING + "]";
    private static final String CLOSE = "[" + AccountMatcher.CLOSING + "]";
    private static final String NO_BRACKET = "[^" + AccountMatcher.OPENING + AccountMatcher.CLOSING + "]";
    private static final Pattern TRAILING = Pattern.compile("^(.+?)" + OPEN + "(" + NO_BRACKET + "*)" + CLOSE + "$");
    private static final Pattern SIGN_NOTE = Pattern.compile("^(?:[△▲]|[△▲]?(?:又は)?.*損失|マイナス|注\\d*|※\\d*)$");
    private static final Pattern CONTRA = Pattern.compile("^(?:控除|[△▲]|控除項目|[△▲]控除)$");
    private static final Pattern CURRENT = Pattern.compile("(?:1|一)年(?:以)?内");
    private static final Pattern LONG = Pattern.compile("(?:1|一)年超");
    /**
     * A bracket that says what the row leaves out (（1年以内返済予定額を除く）, （1年超を除く）): the row is the
     * rest, so a due-within-one-year in it makes the row the part due after one year, and the reverse.
     */
    private static final Pattern EXCLUDING = Pattern.compile("[(\\[〔]([^()\\[\\]〔〕]*?)(?:を|は)?(?:除く|除き|除いた(?:もの|額|残高)?|除外|控除後|以外(?:のもの)?)[)\\]〕]");
    /** うち…, (うち…), (内…), 内 … — not 内科 or 内視鏡: a bare 内 must be set off by a space or a bracket. */
    private static final Pattern MEMO = Pattern.compile("^\\s*(?:\\(?[0-9]{1,2}[).]\\s*|[①-⑳]\\s*)?(?:[(\\[]\\s*(?:うち|内)|うち|内(?=\\s))\\s*(?=\\S{2})");
    private static final Pattern TOTAL = Pattern.compile("(?:計|合計|総計|の部合計)$");

    private static final Pattern ENCLOSING = Pattern.compile("^[「『【〈《]\\s*(.+?)\\s*[」』】〉》]$");
    /**
     * その他（有形固定資産）, その他(流動負債)計: "other" scoped by the bracket, which names what the
     * other items are of — the subject of the label, not a note on it. Read as その他の有形固定資産.
     */
    private static final Pattern SCOPED_OTHER = Pattern.compile("^(?:その他の?|他の?)\\s*[(\\[〔]\\s*([^()\\[\\]〔〕]{2,}?)\\s*[)\\]〕]\\s*((?:の)?(?:合計|小計|総計|計))?$");

    /**
     * 上記以外の流動負債, 前記以外の有形固定資産: "other than the lines above" before what they are of — the その他
     * line of that part, as its own words say. Only with the pointer to the lines above (or none): 建物以外の
     * 有形固定資産 names what it leaves out, which is not the chart's その他 line.
     */
    private static final Pattern ABOVE_OTHER = Pattern.compile("^(?:上記|前記|以上|上掲|前掲)?\\s*以外の\\s*(\\S.+)$");
    /**
     * The same said after what they are of: 流動負債のうち上記以外, 流動負債（上記以外）, 有形固定資産 前記以外のもの.
     * The pointer to the lines above is required here (流動負債のうち未払金以外 names what it leaves out).
     */
    private static final Pattern OTHER_AFTER = Pattern.compile(
            "^(\\S.*?)\\s*(?:のうち|の内|中)?\\s*[(\\[〔]?\\s*(?:上記|前記|以上|上掲|前掲)以外(?:のもの|の分|分)?\\s*[)\\]〕]?$");

    /**
     * The label with an "other" scoped by a bracket written out (その他（有形固定資産） → その他の有形固定資産),
     * or said as "other than the above" (上記以外の流動負債, 流動負債のうち上記以外 → その他の流動負債); else as it is.
     */
    static String scoped(String label) {
        String written = JapaneseText.nfkc(label == null ? "" : label).strip();
        String n = named(written);
        if (!n.equals(written)) {
            label = n;
        }
        Matcher e = ENCLOSING.matcher(n);
        String inner = e.matches() ? e.group(1) : n;
        Matcher above = ABOVE_OTHER.matcher(inner);
        if (above.matches()) {
            return "その他の" + above.group(1);
        }
        Matcher after = OTHER_AFTER.matcher(inner);
        if (after.matches()) {
            return "その他の" + after.group(1);
        }
        Matcher m = SCOPED_OTHER.matcher(inner);
        if (!m.matches()) {
            return label;
        }
        return "その他の" + m.group(1) + (m.group(2) == null ? "" : m.group(2));
    }

    /** A run of Latin words (an English name printed beside the Japanese one). */
    private static final Pattern LATIN_WORDS = Pattern.compile("[A-Za-z][A-Za-z'&.\\-]*(?:\\s+[A-Za-z][A-Za-z'&.\\-]*)*");
    /** Brackets left empty once the English name in them is gone. */
    private static final Pattern EMPTY_BRACKETS = Pattern.compile(OPEN + "\\s*" + CLOSE);
    /** A label wholly in brackets. */
    private static final Pattern WHOLE_BRACKET = Pattern.compile("^" + OPEN + "\\s*(" + NO_BRACKET + "+?)\\s*" + CLOSE + "$");
    /** 差引 医業損益: "the difference", said before a line that is a difference of the lines above. */
    private static final Pattern DIFFERENCE = Pattern.compile("^差引き?[\\s:：]*(\\S.+)$");
    /** 計（有形固定資産）, 合計（資産の部）, 小計 流動資産: the total word first, what it totals after it. */
    private static final Pattern TOTAL_FIRST = Pattern.compile(
            "^(総合計|総計|合計|小計|計)\\s*(?:" + OPEN + "\\s*(" + NO_BRACKET + "{2,}?)\\s*" + CLOSE + "|\\s(\\S{2,}))$");
    private static final Pattern OTHER_WORD = Pattern.compile("^(?:その他|他)の?$");
    private static final Pattern LOSS_WORD = Pattern.compile("損失?|欠損|不足");

    /**
     * What the label names, read through the ways a name is written around it: an English name beside
     * the Japanese one is a translation (Total assets（資産合計）, 経常利益／Ordinary profit), 差引 before a
     * line says it is a difference, a total word first says what it totals after it (計（有形固定資産） is
     * 有形固定資産計), and a path names the line under its section (有形固定資産／土地 is 土地; 流動負債／その他
     * is その他の流動負債). The path is read so only where its first part names a total of the chart: 未払金／
     * 未払費用 names two lines, and 医業利益／損失 a sign.
     */
    static String named(String n) {
        String s = n;
        if (cjk(s) >= 2) {
            Matcher latin = LATIN_WORDS.matcher(s);
            StringBuilder b = new StringBuilder();
            boolean removed = false;
            while (latin.find()) {
                boolean word = latin.group().chars().filter(Character::isLetter).count() >= 4;
                latin.appendReplacement(b, word ? " " : Matcher.quoteReplacement(latin.group()));
                removed |= word;
            }
            latin.appendTail(b);
            if (removed) {
                String t = EMPTY_BRACKETS.matcher(b.toString()).replaceAll(" ").strip();
                t = t.replaceAll("^[/\\s]+|[/\\s]+$", "").strip();
                Matcher w = WHOLE_BRACKET.matcher(t);
                if (w.matches()) {
                    t = w.group(1);
                }
                if (cjk(t) >= 2) {
                    s = t;
                }
            }
        }
        Matcher d = DIFFERENCE.matcher(s);
        if (d.matches() && cjk(d.group(1)) >= 2) {
            s = d.group(1).strip();
        }
        Matcher t = TOTAL_FIRST.matcher(s);
        if (t.matches()) {
            String what = t.group(2) != null ? t.group(2) : t.group(3);
            s = what + (t.group(1).equals("計") ? "計" : "合計");
        }
        String[] path = s.split("\\s*/\\s*", -1);
        if (path.length >= 2 && !LOSS_WORD.matcher(path[path.length - 1]).find()
                && java.util.Arrays.stream(path).allMatch(x -> !x.isBlank())
                && java.util.Arrays.stream(path, 0, path.length - 1).allMatch(StatementSpreader::namesTotal)) {
            String line = path[path.length - 1];
            s = OTHER_WORD.matcher(line).matches() ? "その他の" + path[path.length - 2] : line;
        }
        return s;
    }

    private static long cjk(String s) {
        return s.codePoints().filter(c -> {
            Character.UnicodeScript u = Character.UnicodeScript.of(c);
            return u == Character.UnicodeScript.HAN || u == Character.UnicodeScript.HIRAGANA || u == Character.UnicodeScript.KATAKANA;
        }).count();
    }

    static RowLabel read(String label) {
        String written = scoped(label);
        String n = JapaneseText.nfkc(written == null ? "" : written).strip();
        Matcher e = ENCLOSING.matcher(n);
        if (e.matches()) {
            n = e.group(1);
        }
        boolean memo = false;
        boolean contra = false;
        String other = null;
        Matcher m = MEMO.matcher(n);
        if (m.find()) {
            memo = true;
            n = n.substring(m.end());
            if (m.group().contains("(") || m.group().contains("[")) {
                n = n.replaceFirst("[)\\]]\\s*$", "");
            }
        }
        String compact = JapaneseText.compact(n);
        boolean current = false;
        boolean longer = false;
        Matcher x = EXCLUDING.matcher(compact);
        while (x.find()) {
            current |= LONG.matcher(x.group(1)).find();
            longer |= CURRENT.matcher(x.group(1)).find();
        }
        String kept = x.replaceAll("");
        current |= CURRENT.matcher(kept).find();
        longer |= LONG.matcher(kept).find();
        n = n.strip();
        if (n.startsWith("△") || n.startsWith("▲")) {
            contra = true;
            n = n.substring(1).strip();
        }
        for (int guard = 0; guard < 3; guard++) {
            Matcher t = TRAILING.matcher(n);
            if (!t.matches() || jp.shinsa.ingest.extract.AccountMatcher.key(t.group(1)).length() < 2) {
                break;
            }
            String q = JapaneseText.compact(t.group(2));
            if (CONTRA.matcher(q).matches()) {
                contra = true;
            } else if (SIGN_NOTE.matcher(q).matches()) {
                // a sign note: nothing about the account
            } else if (CURRENT.matcher(q).find() || LONG.matcher(q).find()) {
                // read above
            } else if (q.startsWith("うち") || q.startsWith("内")) {
                // 減価償却費(うち) or a memo note: still the named account
            } else {
                other = other == null ? q : other + "," + q;
            }
            n = t.group(1).strip();
        }
        // 医業利益又は医業損失, 当期純利益又は純損失: the loss written as the alternative sign of the profit (a
        // sign note in the label itself, like （△損失）): the line is the profit account
        Matcher alt = LOSS_ALTERNATIVE.matcher(n);
        if (alt.matches() && jp.shinsa.ingest.extract.AccountMatcher.key(alt.group(1)).length() >= 2) {
            n = alt.group(1).strip();
            // its （△） says how a loss is printed, not that the line is a deduction
            contra = false;
        }
        return new RowLabel(n, memo, contra, current, longer, TOTAL.matcher(JapaneseText.compact(n)).find(), other);
    }

    private static final Pattern LOSS_ALTERNATIVE = Pattern.compile("^(.+?(?:利益|益|差額|剰余金?))\\s*(?:又は|または|/|・)\\s*\\S*(?:損失|損|欠損金?|不足額?)\\s*$");

    /** The same reading without the 1年以内 / 1年超 flags (when they are part of the account's name). */
    RowLabel withoutPortion() {
        return new RowLabel(base, memo, contra, false, false, total, otherQualifier);
    }

    /** True when 1年以内 / 1年超 stands in the label itself, not in a bracketed qualifier. */
    boolean portionInName() {
        String c = JapaneseText.compact(base);
        return CURRENT.matcher(c).find() || LONG.matcher(c).find();
    }

    /** True when a qualifier was read that the plain label match would miss. */
    boolean qualified() {
        return memo || contra || currentPortion || longPortion || otherQualifier != null;
    }
}
