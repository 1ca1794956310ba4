package jp.shinsa.review.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.TreeSet;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.security.UserAccount;
import jp.shinsa.review.security.UserService;

/** Users and roles: add a user, disable or enable one. */
@Route("admin/users")
@PageTitle("Shinsa — ユーザー管理")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {
    private final UserService users;
    private final AuthenticationContext auth;
    private final Grid<UserAccount> grid = new Grid<>();

    UsersView(UserService users, AuthenticationContext auth) {
        this.users = users;
        this.auth = auth;
        setSizeFull();
        grid.setId("users-grid");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username"));
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.displayName"));
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles()))).setHeader(getTranslation("users.roles"));
        grid.addColumn(u -> getTranslation(u.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.state"));
        grid.addComponentColumn(u -> {
            Button b = new Button(getTranslation(u.enabled() ? "users.disable" : "users.enable"),
                    e -> run(() -> users.setEnabled(actor(), u.username(), !u.enabled())));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return b;
        });
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("new-username");
        TextField displayName = new TextField(getTranslation("users.displayName"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("new-password");
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("users.roles"));
        roles.setItems(Roles.ALL);
        roles.setId("new-roles");
        Button add = new Button(getTranslation("users.add"), e -> run(() -> {
            users.add(actor(), username.getValue(), displayName.getValue(), password.getValue(),
                    roles.getValue());
            username.clear();
            displayName.clear();
            password.clear();
            roles.clear();
        }));
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, displayName, password, roles, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2(getTranslation("users.title")), form, grid);
        grid.setItems(users.list());
    }

    private String actor() {
        return auth.getPrincipalName().orElseThrow();
    }

    private void run(Runnable action) {
        try {
            action.run();
            grid.setItems(users.list());
            Notification.show(getTranslation("users.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException ex) {
            Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
