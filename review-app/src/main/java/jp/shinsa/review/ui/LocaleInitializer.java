package jp.shinsa.review.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Every new UI speaks Japanese unless the user chose English in this session. */
@Component
class LocaleInitializer implements VaadinServiceInitListener {
    static final String SESSION_LOCALE = "shinsa.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            Object chosen = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getAttribute(SESSION_LOCALE);
            e.getUI().setLocale(chosen instanceof Locale l ? l : I18n.JAPANESE);
        });
    }
}
