package jp.shinsa.review.ui;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import jp.shinsa.models.Program;

/** Shared display formats: yen with separators, dates in Tokyo time, program names by language. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private Formats() {
    }

    public static String yen(Long v) {
        return v == null ? "" : NumberFormat.getIntegerInstance(Locale.JAPAN).format(v) + " 円";
    }

    public static String number(Long v) {
        return v == null ? "" : NumberFormat.getIntegerInstance(Locale.JAPAN).format(v);
    }

    public static String dateTime(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(TOKYO).format(DATE_TIME);
    }

    /** The program's name in the UI's language; the code when the program is unknown. */
    public static String program(String code, Function<String, Program> programs, Locale locale) {
        if (code == null) {
            return "";
        }
        Program p = programs.apply(code);
        return p == null ? code : "en".equals(locale.getLanguage()) ? p.nameEn() : p.nameJa();
    }

    public static String oneDecimal(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
