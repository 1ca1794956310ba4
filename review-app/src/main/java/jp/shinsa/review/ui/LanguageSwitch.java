package jp.shinsa.review.ui;

import com.vaadin.flow.component.button.Button;

/** The 日本語 / English toggle, the same on the login page and in the shell. */
public final class LanguageSwitch {
    private LanguageSwitch() {
    }

    public static Button button(String caption) {
        Button b = new Button(caption, e -> MainLayout.switchLanguage());
        b.setId("switch-language");
        return b;
    }
}
