package jp.shinsa.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import jp.shinsa.review.security.Roles;

/** The shell: title, navigation by role, language switch, the user and logout. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        H1 title = new H1(getTranslation("app.title"));
        title.getStyle().set("font-size", "1.2rem").set("margin", "0");
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("current-user");
        Button language = LanguageSwitch.button(getTranslation("app.switchLanguage"));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button(getTranslation("app.logout"), e -> auth.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, language, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "1rem");
        addToNavbar(header);

        SideNav nav = new SideNav();
        if (auth.hasAnyRole(Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.queue"), "queue"));
        }
        if (auth.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.overrides"), "supervisor/overrides"));
            nav.addItem(new SideNavItem(getTranslation("nav.audit"), "supervisor/audit"));
        }
        if (auth.hasRole(Roles.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), "admin/users"));
            nav.addItem(new SideNavItem(getTranslation("nav.programs"), "admin/programs"));
            nav.addItem(new SideNavItem(getTranslation("nav.models"), "admin/models"));
            nav.addItem(new SideNavItem(getTranslation("nav.learnedMappings"), "admin/learned-mappings"));
        }
        addToDrawer(nav);
    }

    static void switchLanguage() {
        UI ui = UI.getCurrent();
        Locale next = "en".equals(ui.getLocale().getLanguage()) ? I18n.JAPANESE : I18n.ENGLISH;
        VaadinSession.getCurrent().setAttribute(LocaleInitializer.SESSION_LOCALE, next);
        ui.getPage().reload();
    }
}
