package jp.shinsa.review.ui;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.shinsa.models.Catalogs;

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

    public static String program(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return Catalogs.program(code).map(p -> "en".equals(locale.getLanguage()) ? p.nameEn() : p.nameJa())
                .orElse(code);
    }

    public static String oneDecimal(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }
}
