package jp.shinsa.review.registry.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import jp.shinsa.review.registry.ModelKind;
import jp.shinsa.review.registry.ModelManagementService;
import jp.shinsa.review.registry.ModelStatus;
import jp.shinsa.review.registry.ModelVersion;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;

/** Admin: import training data, train a candidate, compare it with the active model, promote or roll back. */
@Route("admin/models")
@PageTitle("Shinsa — モデル管理")
@RolesAllowed(Roles.ADMIN)
class ModelsView extends VerticalLayout {
    private final ModelManagementService models;
    private final String actor;
    private final Select<ModelKind> kind = new Select<>();
    private final Grid<ModelVersion> grid = new Grid<>();
    private final Div comparison = new Div();
    private final Grid<Object[]> imports = new Grid<>();
    private final TextField reason = new TextField();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();

    ModelsView(ModelManagementService models, AuthenticationContext auth) {
        this.models = models;
        this.actor = auth.getPrincipalName().orElseThrow();
        setSizeFull();
        add(new H2(getTranslation("models.title")));

        add(new H3(getTranslation("models.import")));
        Upload grants = upload("import-grants", (name, bytes) -> models.importPastGrants(actor, name, bytes));
        Upload applicants = upload("import-applicants", (name, bytes) -> models.importPastApplicants(actor, name, bytes));
        HorizontalLayout uploads = new HorizontalLayout(labelled(getTranslation("models.pastGrants"), grants),
                labelled(getTranslation("models.pastApplicants"), applicants));
        imports.setId("imports-grid");
        imports.addThemeVariants(GridVariant.LUMO_COMPACT);
        imports.addColumn(r -> r[0]).setHeader("#");
        imports.addColumn(r -> r[1]).setHeader(getTranslation("models.kind"));
        imports.addColumn(r -> r[2]).setHeader(getTranslation("detail.file"));
        imports.addColumn(r -> r[3]).setHeader(getTranslation("models.rowsAdded"));
        imports.addColumn(r -> r[4]).setHeader(getTranslation("models.by"));
        imports.addColumn(r -> r[5]).setHeader(getTranslation("overrides.when"));
        imports.setAllRowsVisible(true);
        add(uploads, imports);

        add(new H3(getTranslation("models.registry")));
        kind.setId("model-kind");
        kind.setLabel(getTranslation("models.kind"));
        kind.setItems(ModelKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("models.kind." + k.name()));
        kind.setValue(ModelKind.RISK);
        kind.addValueChangeListener(e -> refresh());
        Button train = new Button(getTranslation("models.train"), e -> train());
        train.setId("train-candidate");
        reason.setId("model-reason");
        reason.setLabel(getTranslation("detail.reason"));
        reason.setWidth("24em");
        Button compare = new Button(getTranslation("models.compare"), e -> selected(v -> compare(v)));
        compare.setId("compare-model");
        Button promote = new Button(getTranslation("models.promote"), e -> selected(v -> run(() -> models.promote(actor, v.version(), reason.getValue()))));
        promote.setId("promote-model");
        promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button rollBack = new Button(getTranslation("models.rollBack"), e -> run(() -> models.rollBack(actor, kind.getValue(), reason.getValue())));
        rollBack.setId("roll-back-model");
        rollBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("12em");
        status.setId("models-status");
        HorizontalLayout bar = new HorizontalLayout(kind, train, compare, reason, promote, rollBack, progress, status);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        bar.setWrap(true);
        grid.setId("models-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ModelVersion::version).setHeader(getTranslation("models.version")).setFlexGrow(3);
        grid.addColumn(ModelVersion::algorithm).setHeader(getTranslation("models.algorithm"));
        grid.addColumn(v -> getTranslation("models.status." + v.status().name())).setHeader(getTranslation("queue.status"));
        grid.addColumn(ModelVersion::trainedBy).setHeader(getTranslation("models.by"));
        grid.addColumn(v -> Formats.dateTime(v.trainedAt())).setHeader(getTranslation("overrides.when"));
        grid.addColumn(v -> v.trainingDataSha256().substring(0, 12)).setHeader("SHA-256");
        grid.setHeight("220px");
        comparison.setId("model-comparison");
        Paragraph reReview = new Paragraph(getTranslation("models.reReviewNote"));
        reReview.setId("models-rereview-note");
        reReview.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        add(bar, reReview, grid, comparison);
        refresh();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent e) {
        // Imports finish in the upload request and training in the background: poll so their results show.
        e.getUI().setPollInterval(1000);
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent e) {
        e.getUI().setPollInterval(-1);
    }

    private interface Importer {
        ModelManagementService.ImportResult run(String name, byte[] bytes);
    }

    private Upload upload(String id, Importer importer) {
        Upload u = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            ModelManagementService.ImportResult r = importer.run(meta.fileName(), bytes);
            UI.getCurrent().access(() -> showImport(r));
        }));
        u.setId(id);
        u.setAcceptedFileTypes(".csv", "text/csv");
        u.setMaxFiles(1);
        return u;
    }

    private void showImport(ModelManagementService.ImportResult r) {
        if (r.imported()) {
            Notification.show(getTranslation("models.imported", r.added())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            status.setText(getTranslation("models.imported", r.added()));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("import-errors");
            r.badRows().stream().limit(50).forEach(b -> list.add(new ListItem(b)));
            comparison.removeAll();
            comparison.add(new Paragraph(getTranslation("models.importRefused", r.badRows().size())), list);
            status.setText(getTranslation("models.importRefused", r.badRows().size()));
        }
        refresh();
    }

    private static VerticalLayout labelled(String label, Upload u) {
        VerticalLayout v = new VerticalLayout(new Span(label), u);
        v.setPadding(false);
        return v;
    }

    private void selected(java.util.function.Consumer<ModelVersion> action) {
        ModelVersion v = grid.asSingleSelect().getValue();
        if (v == null) {
            Notification.show(getTranslation("models.selectFirst"));
            return;
        }
        action.accept(v);
    }

    private void train() {
        ModelKind k = kind.getValue();
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        status.setText(getTranslation("models.training"));
        models.trainCandidateAsync(actor, k).whenComplete((v, ex) -> ui.access(() -> {
            progress.setVisible(false);
            if (ex != null) {
                Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                status.setText(String.valueOf(cause.getMessage()));
            } else {
                status.setText(getTranslation("models.trained", v.version()));
                refresh();
                grid.select(v);
            }
        }));
    }

    private void compare(ModelVersion v) {
        try {
            ModelManagementService.Comparison c = models.compare(v.version());
            comparison.removeAll();
            Grid<ModelManagementService.Side> sides = new Grid<>();
            sides.setId("comparison-grid");
            sides.addThemeVariants(GridVariant.LUMO_COMPACT);
            sides.addColumn(s -> s == c.active() ? getTranslation("models.active") : getTranslation("models.candidate"))
                    .setHeader("");
            sides.addColumn(ModelManagementService.Side::version).setHeader(getTranslation("models.version")).setFlexGrow(3);
            sides.addColumn(s -> fmt(s.heldOutAuc()) + " (n=" + s.heldOutRows() + ")").setHeader(getTranslation("models.heldOutAuc"));
            sides.addColumn(s -> fmt(s.backtestAgreement())).setHeader(getTranslation("models.backtestAgreement"));
            sides.setItems(c.active(), c.candidate());
            sides.setAllRowsVisible(true);
            Grid<ModelManagementService.Disagreement> dis = new Grid<>();
            dis.setId("disagreements-grid");
            dis.addThemeVariants(GridVariant.LUMO_COMPACT);
            dis.addColumn(ModelManagementService.Disagreement::application).setHeader(getTranslation("queue.name"));
            dis.addColumn(d -> d.humanDecision() == null ? "" : getTranslation("outcome." + d.humanDecision()))
                    .setHeader(getTranslation("detail.outcome"));
            dis.addColumn(ModelManagementService.Disagreement::active).setHeader(getTranslation("models.active"));
            dis.addColumn(ModelManagementService.Disagreement::candidate).setHeader(getTranslation("models.candidate"));
            dis.setItems(c.disagreements());
            dis.setAllRowsVisible(true);
            comparison.add(new H3(getTranslation("models.comparison")), sides,
                    new Paragraph(getTranslation("models.backtest", c.backtestCases(), c.disagreements().size())), dis);
        } catch (RuntimeException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
            status.setText(getTranslation("users.saved"));
            reason.clear();
            refresh();
        } catch (RuntimeException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            status.setText(ex.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(models.models(kind.getValue()));
        imports.setItems(models.imports().stream().map(b -> new Object[] {b.id(), b.kind(), b.fileName(), b.rowsAdded(),
                b.importedBy(), Formats.dateTime(b.importedAt())}).toList());
        grid.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>()).filter(v -> v.status() == ModelStatus.ACTIVE)
                .findFirst().ifPresent(v -> status.getElement().setAttribute("data-active", v.version()));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }
}
