package jp.shinsa.models;

import java.util.Locale;
import java.util.Objects;

/** A human-readable text in Japanese (the default) and English. Both are required. */
public record Text(String ja, String en) {
    public Text {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    /** The Japanese text unless the locale asks for English. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : ja;
    }
}
