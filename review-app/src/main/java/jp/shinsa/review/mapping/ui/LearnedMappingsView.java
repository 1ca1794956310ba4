package jp.shinsa.review.mapping.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import jp.shinsa.models.Catalogs;
import jp.shinsa.review.mapping.LearnedMappingService;
import jp.shinsa.review.mapping.LearnedWording;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;

/**
 * The wordings examiners taught the statement reader: what each maps to, who taught it, when, on
 * which application and how many applications used it; an admin retires one with a reason.
 */
@Route("admin/learned-mappings")
@PageTitle("Shinsa — 学習した行の対応付け")
@RolesAllowed(Roles.ADMIN)
class LearnedMappingsView extends VerticalLayout {
    private final LearnedMappingService service;
    private final AuthenticationContext auth;
    private final Grid<LearnedWording> grid = new Grid<>();

    LearnedMappingsView(LearnedMappingService service, AuthenticationContext auth) {
        this.service = service;
        this.auth = auth;
        setSizeFull();
        add(new H2(getTranslation("learned.title")), new Paragraph(getTranslation("learned.intro")));
        grid.setId("learned-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(LearnedWording::label).setHeader(getTranslation("learned.wording")).setFlexGrow(2);
        grid.addColumn(w -> getTranslation("doctype." + w.documentType().name())).setHeader(getTranslation("detail.type"));
        grid.addColumn(w -> getTranslation("rows.kind." + w.kind().name())).setHeader(getTranslation("learned.kind"));
        grid.addColumn(w -> w.account() == null ? "" : Catalogs.account(w.account())
                .map(a -> english() ? a.labelEn() : a.labelJa()).orElse(w.account()))
                .setHeader(getTranslation("detail.account")).setFlexGrow(2);
        grid.addColumn(LearnedWording::taughtBy).setHeader(getTranslation("learned.taughtBy"));
        grid.addColumn(w -> Formats.dateTime(w.taughtAt())).setHeader(getTranslation("learned.taughtAt"));
        grid.addComponentColumn(w -> new Anchor("applications/" + w.applicationId(), w.applicationName()))
                .setHeader(getTranslation("learned.application"));
        grid.addColumn(w -> w.usedBy() == null ? "" : String.valueOf(w.usedBy())).setHeader(getTranslation("learned.usedBy"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(this::state).setHeader(getTranslation("learned.state")).setFlexGrow(2);
        setFlexGrow(1, grid);
        add(grid);
        refresh();
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    private void refresh() {
        grid.setItems(service.list());
    }

    private com.vaadin.flow.component.Component state(LearnedWording w) {
        if (!w.active()) {
            Span s = new Span(getTranslation("learned.retired") + "（" + w.retiredBy() + "、" + Formats.dateTime(w.retiredAt())
                    + "、" + w.retiredReason() + "）");
            s.addClassName("learned-retired");
            return s;
        }
        Button retire = new Button(getTranslation("learned.retire"), e -> retireDialog(w));
        retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        retire.addClassName("learned-retire");
        retire.getElement().setAttribute("data-wording", w.label());
        return retire;
    }

    private void retireDialog(LearnedWording w) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("learned.retire") + ": " + w.label());
        TextArea reason = new TextArea(getTranslation("detail.reason"));
        reason.setId("learned-retire-reason");
        reason.setWidthFull();
        Button ok = new Button(getTranslation("learned.retire"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("detail.reasonRequired"));
                return;
            }
            try {
                service.retire(auth.getPrincipalName().orElse(""), w.id(), reason.getValue());
                d.close();
                refresh();
            } catch (IllegalArgumentException | IllegalStateException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        ok.setId("learned-retire-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.add(reason);
        d.getFooter().add(new Button(getTranslation("detail.cancel"), e -> d.close()), ok);
        d.open();
    }
}
