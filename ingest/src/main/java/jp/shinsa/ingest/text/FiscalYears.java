package jp.shinsa.ingest.text;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fiscal years (年度, April to March, named by the calendar year it starts in) from 和暦 and Western
 * dates and 年度 headers: 令和6年度 → 2024; a balance sheet as of 令和7年3月31日 closes 2024.
 */
public final class FiscalYears {
    private static final Pattern ERA_YEAR = Pattern.compile("(令和|平成|R|H)\\s*(元|\\d{1,2})\\s*年\\s*(度)?(?:\\s*(\\d{1,2})\\s*月)?");
    /** R7.3.31, H31/3/31, 令和7.3.31: an era year in a dotted or slashed date. */
    private static final Pattern ERA_DATE = Pattern.compile("(令和|平成|R|H)\\s*(元|\\d{1,2})[/.](\\d{1,2})[/.]\\d{1,2}");
    private static final Pattern SLASH_DATE = Pattern.compile("(20\\d{2}|19\\d{2})[/.](\\d{1,2})[/.]\\d{1,2}");
    private static final Pattern WESTERN = Pattern.compile("(20\\d{2}|19\\d{2})\\s*年\\s*(度)?(?:\\s*(\\d{1,2})\\s*月)?");

    /** The heading forms {@link #ofDocument} tries, in order. */
    private static final Pattern[] ANCHORED = {
            Pattern.compile("至((?:令和|平成|20)\\S{1,12}?日)"),
            Pattern.compile("((?:令和|平成|20)[^現]{1,12}?日)現在"),
            Pattern.compile("(?:決算日|期末日|決算期末)((?:令和|平成|20)\\S{1,12}?日)"),
            Pattern.compile("((?:令和|平成)(?:元|\\d{1,2})年度)"),
            Pattern.compile("(20\\d{2}年度)"),
            Pattern.compile("((?:令和|平成)(?:元|\\d{1,2})年\\d{1,2}月期)"),
    };

    private FiscalYears() {
    }

    /** The fiscal year a header or date names, or empty. A bare date's month decides (Jan–Mar closes the prior 年度). */
    public static OptionalInt of(String raw) {
        String s = JapaneseText.compact(raw);
        if (!mayNameYear(s)) {
            return OptionalInt.empty();
        }
        Matcher e = ERA_DATE.matcher(s);
        if (e.find()) {
            return OptionalInt.of(adjust(calendarYear(e.group(1), e.group(2)), false, e.group(3)));
        }
        Matcher m = ERA_YEAR.matcher(s);
        if (m.find()) {
            return OptionalInt.of(adjust(calendarYear(m.group(1), m.group(2)), m.group(3) != null, m.group(4)));
        }
        Matcher d = SLASH_DATE.matcher(s);
        if (d.find()) {
            return OptionalInt.of(adjust(Integer.parseInt(d.group(1)), false, d.group(2)));
        }
        Matcher w = WESTERN.matcher(s);
        if (w.find()) {
            return OptionalInt.of(adjust(Integer.parseInt(w.group(1)), w.group(2) != null, w.group(3)));
        }
        return OptionalInt.empty();
    }

    /**
     * Whether any of the four forms can match: each needs an ASCII digit or 元 (an era year written
     * 元年); most cells of a statement have neither and need no matcher.
     */
    private static boolean mayNameYear(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '元') {
                return true;
            }
        }
        return false;
    }

    /** The calendar year of an era year: 令和/R 1 is 2019, 平成/H 1 is 1989; 元 is 1. */
    private static int calendarYear(String era, String year) {
        int n = "元".equals(year) ? 1 : Integer.parseInt(year);
        return (era.startsWith("令") || era.equals("R") ? 2018 : 1988) + n;
    }

    private static int adjust(int year, boolean nendo, String month) {
        if (nendo || month == null) {
            return year;
        }
        int mo = Integer.parseInt(month);
        return mo <= 3 ? year - 1 : year;
    }

    /**
     * The fiscal year of a statement from its heading text: "令和7年3月31日現在", "至 令和7年3月31日",
     * "決算日 令和7年3月31日" (the 第N期 form, which names no 年度), "令和6年度".
     */
    public static OptionalInt ofDocument(String text) {
        String s = JapaneseText.compact(text);
        for (Pattern p : ANCHORED) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                OptionalInt y = of(m.group(1).replace("期", ""));
                if (y.isPresent()) {
                    return y;
                }
            }
        }
        return OptionalInt.empty();
    }
}
