package jp.shinsa.review.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Japanese by default, English on request. Texts live in {@code messages_ja.properties} and
 * {@code messages_en.properties}; a missing key shows as {@code !key} so it is noticed.
 */
@Component
public class I18n implements I18NProvider {
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(JAPANESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : JAPANESE;
        try {
            String pattern = ResourceBundle.getBundle("messages", l, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, l).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
