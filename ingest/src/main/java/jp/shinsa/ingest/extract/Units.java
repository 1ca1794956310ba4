package jp.shinsa.ingest.extract;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shinsa.ingest.text.JapaneseText;

/** The unit a document states in its header: （単位：千円） → 1,000. */
final class Units {
    private static final Pattern UNIT = Pattern.compile("単位[:：]?\\s*(百万円|千円|万円|円)");
    private static final Pattern UNIT_ALONE = Pattern.compile("^[(（]?\\s*(百万円|千円|円)\\s*[)）]?$");

    private Units() {
    }

    static OptionalLong of(String text) {
        String s = JapaneseText.compact(text);
        Matcher m = UNIT.matcher(s);
        if (m.find()) {
            return OptionalLong.of(value(m.group(1)));
        }
        Matcher a = UNIT_ALONE.matcher(s);
        if (a.find()) {
            return OptionalLong.of(value(a.group(1)));
        }
        return OptionalLong.empty();
    }

    private static long value(String u) {
        return switch (u) {
            case "百万円" -> 1_000_000L;
            case "千円" -> 1_000L;
            case "万円" -> 10_000L;
            default -> 1L;
        };
    }
}
