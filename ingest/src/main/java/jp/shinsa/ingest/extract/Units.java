package jp.shinsa.ingest.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;

/** The unit a document, a sheet or a line states: （単位：千円） → 1,000. */
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

    /** The unit a line states next to 単位, if any. */
    static OptionalLong ofLine(Line line) {
        for (Cell c : line.cells()) {
            if (JapaneseText.compact(c.text()).contains("単位")) {
                OptionalLong u = Units.of(line.text());
                if (u.isPresent()) {
                    return u;
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Each sheet's text, gathered in one pass: once per sheet over all lines was quadratic, and a
     * workbook listing one sheet part 5,000 times took longer than the time bound (found by fuzzing).
     */
    static Map<String, String> sheetTexts(DocumentLayout layout) {
        Map<String, StringBuilder> b = new HashMap<>();
        for (Line l : layout.lines()) {
            if (l.sheet() != null) {
                b.computeIfAbsent(l.sheet(), k -> new StringBuilder()).append(l.text()).append('\n');
            }
        }
        Map<String, String> out = new HashMap<>();
        b.forEach((k, v) -> out.put(k, v.toString()));
        return out;
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
