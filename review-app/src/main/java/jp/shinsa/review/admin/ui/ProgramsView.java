package jp.shinsa.review.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Program;
import jp.shinsa.review.program.ProgramService;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;

/** Programs: name, purpose, rate, cap, required documents — a new program needs no code. */
@Route("admin/programs")
@PageTitle("Shinsa — 補助事業")
@RolesAllowed(Roles.ADMIN)
class ProgramsView extends VerticalLayout {
    private final ProgramService programs;
    private final Grid<Program> grid = new Grid<>();
    private final TextField code = new TextField("code");
    private final TextField nameJa = new TextField();
    private final TextField nameEn = new TextField();
    private final IntegerField rateNumerator = new IntegerField();
    private final IntegerField rateDenominator = new IntegerField();
    private final TextField cap = new TextField();
    private final TextArea purposeJa = new TextArea();
    private final TextArea purposeEn = new TextArea();
    private final CheckboxGroup<DocumentType> required = new CheckboxGroup<>();

    ProgramsView(ProgramService programs, AuthenticationContext auth) {
        this.programs = programs;
        setSizeFull();
        grid.setId("programs-grid");
        grid.addColumn(Program::code).setHeader("code");
        grid.addColumn(p -> "en".equals(getLocale().getLanguage()) ? p.nameEn() : p.nameJa())
                .setHeader(getTranslation("programs.name")).setFlexGrow(2);
        grid.addColumn(Program::rate).setHeader(getTranslation("programs.rate"));
        grid.addColumn(p -> Formats.yen(p.capYen())).setHeader(getTranslation("programs.cap"));
        grid.addColumn(p -> String.join(", ", p.requiredDocuments().stream().map(d -> getTranslation("doctype." + d.name())).toList()))
                .setHeader(getTranslation("programs.required")).setFlexGrow(2);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        nameJa.setLabel(getTranslation("programs.nameJa"));
        nameEn.setLabel(getTranslation("programs.nameEn"));
        rateNumerator.setLabel(getTranslation("programs.rateNumerator"));
        rateDenominator.setLabel(getTranslation("programs.rateDenominator"));
        cap.setLabel(getTranslation("programs.cap"));
        purposeJa.setLabel(getTranslation("programs.purposeJa"));
        purposeEn.setLabel(getTranslation("programs.purposeEn"));
        required.setLabel(getTranslation("programs.required"));
        required.setItems(Arrays.stream(DocumentType.values()).filter(d -> d != DocumentType.OTHER).toList());
        required.setItemLabelGenerator(d -> getTranslation("doctype." + d.name()));
        code.setId("program-code");
        Button save = new Button(getTranslation("detail.save"), e -> {
            try {
                programs.save(auth.getPrincipalName().orElseThrow(), new Program(code.getValue().strip(),
                        nameJa.getValue(), nameEn.getValue(), value(rateNumerator), value(rateDenominator),
                        Long.parseLong(cap.getValue().replace(",", "").strip()), purposeJa.getValue(),
                        purposeEn.getValue(), List.copyOf(required.getValue())));
                grid.setItems(programs.list());
                Notification.show(getTranslation("users.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("program-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, nameJa, nameEn, rateNumerator, rateDenominator, cap, purposeJa, purposeEn,
                required);
        add(new H2(getTranslation("programs.title")), grid, form, save);
        grid.setItems(programs.list());
    }

    private static int value(IntegerField f) {
        return f.getValue() == null ? 0 : f.getValue();
    }

    private void edit(Program p) {
        if (p == null) {
            return;
        }
        code.setValue(p.code());
        nameJa.setValue(p.nameJa());
        nameEn.setValue(p.nameEn());
        rateNumerator.setValue(p.rateNumerator());
        rateDenominator.setValue(p.rateDenominator());
        cap.setValue(String.valueOf(p.capYen()));
        purposeJa.setValue(p.purposeJa());
        purposeEn.setValue(p.purposeEn());
        required.setValue(new java.util.HashSet<>(p.requiredDocuments()));
    }
}
