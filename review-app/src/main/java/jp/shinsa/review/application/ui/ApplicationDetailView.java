package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
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
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.ConcurrentChangeException;
import jp.shinsa.review.application.Correction;
import jp.shinsa.review.application.DecisionOutcome;
import jp.shinsa.review.application.DecisionRecord;
import jp.shinsa.review.application.ReviewSheetExporter;
import jp.shinsa.review.application.StoredFile;
import jp.shinsa.review.mapping.RowMappingService;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.review.program.ProgramService;
import jp.shinsa.scoring.fit.NarrativeWriter;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application on one screen: the documents with a viewer that marks where a selected figure or
 * item came from; the figures side by side; the findings leading to their evidence; the risk score
 * with its factors; the items with purpose fit and similar past grants; corrections and the decision.
 */
@Route("applications/:id")
@PageTitle("Shinsa — 申請")
@RolesAllowed({Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN})
class ApplicationDetailView extends VerticalLayout implements BeforeEnterObserver {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ROW_CODES = Set.of("ROW_ACCOUNT_UNCERTAIN", "UNMAPPED_ROWS");
    final ApplicationReviewService service;
    private final AuthenticationContext auth;
    final ProgramService programs;
    final NarrativeWriter narratives;
    private final RowMappingService rowMappings;
    private DocumentViewer viewer;
    ApplicationSummary app;
    private int selectedTab;
    private TabSheet tabs;
    private Div viewerPane;
    private Component head;
    private final List<Div> panes = new ArrayList<>();
    /** Polls while a re-review job runs (as the new-application dialog does for the first pass). */
    private Registration poll;

    ApplicationDetailView(ApplicationReviewService service, AuthenticationContext auth, ProgramService programs,
                          NarrativeWriter narratives, RowMappingService rowMappings) {
        this.service = service;
        this.rowMappings = rowMappings;
        this.narratives = narratives;
        this.programs = programs;
        this.auth = auth;
        setSizeFull();
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            ApplicationSummary found = service.find(id).orElse(null);
            if (found == null) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            render(found);
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    java.util.Locale locale() {
        return getLocale();
    }

    boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    String me() {
        return auth.getPrincipalName().orElse("");
    }

    private void reload() {
        render(service.find(app.id()).orElseThrow());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        updatePolling();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }

    /** Polls while the re-review after a change runs; the screen is rebuilt when its result is stored. */
    private void updatePolling() {
        getUI().ifPresent(ui -> {
            if (app != null && app.reviewPending() && app.reReviewFailure() == null) {
                if (poll == null) {
                    ui.setPollInterval(1500);
                    poll = ui.addPollListener(e -> service.find(app.id()).ifPresent(now -> {
                        if (now.version() != app.version() || now.reviewPending() != app.reviewPending()) {
                            render(now);
                        }
                    }));
                }
            } else {
                stopPolling(ui);
            }
        });
    }

    private void stopPolling(com.vaadin.flow.component.UI ui) {
        if (poll != null) {
            poll.remove();
            poll = null;
            ui.setPollInterval(-1);
        }
    }

    private void render(ApplicationSummary summary) {
        this.app = summary;
        updatePolling();
        JsonNode review = service.reviewJson(app.id()).map(JSON::readTree).orElse(null);
        String suggestion = service.aiSuggestion(app.id()).orElse(null);
        Component head = header(review, suggestion);
        List<StoredFile> files = service.files(app.id());
        viewer = new DocumentViewer(files, name -> service.fileContent(app.id(), name).orElse(new byte[0]));
        List<String> labels = new ArrayList<>();
        List<Component> contents = new ArrayList<>();
        if (review != null) {
            RowMappingPanel rows = new RowMappingPanel(rowMappings, app, canCorrect(), me(), english(),
                    l -> viewer.show(new DocumentViewer.Mark(l.file(), l.page(), l.sheet(), l.cell(), l.x(), l.y(),
                            l.width(), l.height())), this::guarded);
            Component findings = findings(review, (file, location) -> {
                tabs.setSelectedIndex(2);
                rows.focus(file, location);
            });
            labels.add(getTranslation("detail.findings") + " (" + review.path("findings").size() + ")");
            contents.add(findings);
            labels.add(getTranslation("detail.figures"));
            contents.add(figures(review));
            labels.add(getTranslation("detail.rows"));
            contents.add(rows);
            labels.add(getTranslation("detail.risk"));
            contents.add(risk(review));
            labels.add(getTranslation("detail.items"));
            contents.add(new ItemsTab(this).grid(review));
        }
        labels.add(getTranslation("detail.documents"));
        contents.add(documents(files, review));
        labels.add(getTranslation("detail.decision"));
        contents.add(decision(review, suggestion));
        if (tabs != null && panes.size() == contents.size()) {
            // Rebuilt after a change or a finished re-review with the same tabs: the tab sheet stays and only
            // what each tab shows is replaced, so a tab the examiner clicks at that moment is not lost.
            replace(this.head, head);
            for (int i = 0; i < contents.size(); i++) {
                panes.get(i).removeAll();
                panes.get(i).add(contents.get(i));
                tabs.getTabAt(i).setLabel(labels.get(i));
            }
            // the split keeps its panes (and the splitter where the examiner left it); the viewer is replaced inside
            viewerPane.removeAll();
            viewerPane.add(viewer);
            this.head = head;
            return;
        }
        removeAll();
        panes.clear();
        this.head = head;
        add(head);
        tabs = new TabSheet();
        tabs.setId("detail-tabs");
        tabs.setSizeFull();
        for (int i = 0; i < contents.size(); i++) {
            Div pane = new Div(contents.get(i));
            pane.setSizeFull();
            panes.add(pane);
            tabs.add(labels.get(i), pane);
        }
        // The first pass finished while the screen was open (tabs added): stay on the tab the examiner was on.
        if (selectedTab > 0) {
            try {
                tabs.setSelectedIndex(selectedTab);
            } catch (IllegalArgumentException ignored) {
                // fewer tabs than before (no review yet): keep the first
            }
        }
        tabs.addSelectedChangeListener(e -> selectedTab = tabs.getSelectedIndex());
        viewerPane = new Div(viewer);
        viewerPane.setSizeFull();
        SplitLayout split = new SplitLayout(tabs, viewerPane);
        split.setSizeFull();
        split.setSplitterPosition(55);
        add(split);
        setFlexGrow(1, split);
    }

    private Component header(JsonNode review, String suggestion) {
        H2 title = new H2(app.name() + (app.applicant() == null ? "" : " — " + app.applicant()));
        title.setId("application-title");
        title.getStyle().set("margin", "0").set("font-size", "1.4rem");
        Span status = new Span(getTranslation("status." + app.status().name()));
        status.setId("application-status");
        status.getElement().getThemeList().add("badge");
        HorizontalLayout line = new HorizontalLayout(title, status);
        line.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        StringBuilder facts = new StringBuilder();
        facts.append(getTranslation("detail.program")).append(": ").append(Formats.program(app.program(), programs::find, getLocale()))
                .append("　").append(getTranslation("detail.requested")).append(": ").append(Formats.yen(app.requestedAmount()))
                .append("　").append(getTranslation("queue.assignee")).append(": ")
                .append(app.assignee() == null ? "—" : app.assignee());
        if (review != null && review.path("risk").isObject()) {
            facts.append("　").append(getTranslation("queue.risk")).append(": ")
                    .append(getTranslation("band." + review.path("risk").path("band").asString())).append(" ")
                    .append(Formats.oneDecimal(review.path("risk").path("score").asDouble()));
        }
        if (suggestion != null) {
            facts.append("　").append(getTranslation("detail.aiSuggestion")).append(": ")
                    .append(getTranslation("outcome." + suggestion));
        }
        Paragraph p = new Paragraph(facts.toString());
        p.getStyle().set("margin", "0");
        HorizontalLayout actions = new HorizontalLayout();
        if (auth.hasRole(Roles.EXAMINER) && !me().equals(app.assignee()) && app.status() != ApplicationStatus.DECIDED) {
            Button assign = new Button(getTranslation("detail.assignToMe"), e -> guarded(() ->
                    service.assignToSelf(me(), app.id(), app.version())));
            assign.setId("assign-to-me");
            actions.add(assign);
        }
        if (auth.hasRole(Roles.EXAMINER) && app.status() != ApplicationStatus.DECIDED) {
            Button conflict = new Button(getTranslation("detail.declareConflict"), e -> askReason(
                    getTranslation("detail.declareConflict"), reason -> service.declareConflict(me(), app.id(), reason)));
            conflict.setId("declare-conflict");
            conflict.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(conflict);
        }
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] xlsx = ReviewSheetExporter.export(app, service.reviewJson(app.id()).orElse(null),
                    service.aiSuggestion(app.id()).orElse(null), service.corrections(app.id()),
                    service.decisions(app.id()));
            return new DownloadResponse(new ByteArrayInputStream(xlsx), "審査票_" + app.name() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        }), getTranslation("detail.exportSheet"));
        export.setId("export-sheet");
        actions.add(export);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        if (app.reviewPending()) {
            return column(line, p, reReviewState(), actions);
        }
        if (app.failureReason() != null) {
            return new VerticalLayout(line, p, new Paragraph(getTranslation("detail.failed") + ": " + app.failureReason()), actions);
        }
        return column(line, p, actions);
    }

    private static VerticalLayout column(Component... parts) {
        VerticalLayout v = new VerticalLayout(parts);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }

    /**
     * A change was recorded and its re-review job has not stored its result: say so (the scores shown
     * predate the change), with a progress bar while it runs, or the reason and a way to run it again
     * once it was given up.
     */
    private Component reReviewState() {
        HorizontalLayout l = new HorizontalLayout();
        l.setId("rereview-state");
        l.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        l.setWidthFull();
        if (app.reReviewFailure() == null) {
            ProgressBar progress = new ProgressBar();
            progress.setIndeterminate(true);
            progress.setWidth("8em");
            Span text = new Span(getTranslation("detail.rereviewing"));
            text.setId("rereview-status");
            l.add(text, progress);
            return l;
        }
        Span text = new Span(getTranslation("detail.rereviewFailed") + ": " + app.reReviewFailure());
        text.setId("rereview-status");
        text.getStyle().set("color", "var(--lumo-error-text-color)");
        l.add(text);
        if (auth.hasRole(Roles.EXAMINER)) {
            Button again = new Button(getTranslation("detail.rereviewAgain"),
                    e -> guarded(() -> service.reReview(me(), app.id(), app.version())));
            again.setId("rereview-again");
            l.add(again);
        }
        return l;
    }

    private Component findings(JsonNode review, java.util.function.BiConsumer<String, SourceLocation> mapRow) {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("findings-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(n -> n.path("severity").asString()).setHeader(getTranslation("detail.severity")).setWidth("7em")
                .setFlexGrow(0);
        grid.addColumn(n -> getTranslation("finding." + n.path("code").asString())).setHeader(getTranslation("detail.code"))
                .setWidth("12em").setFlexGrow(0);
        grid.addColumn(n -> n.path(english() ? "messageEn" : "message").asString())
                .setHeader(getTranslation("detail.message")).setFlexGrow(4);
        grid.addComponentColumn(n -> {
            JsonNode ev = n.path("evidence").isArray() && !n.path("evidence").isEmpty() ? n.path("evidence").get(0) : null;
            if (ev == null && n.path("file").isString()) {
                ev = JSON.createObjectNode().put("file", n.path("file").asString());
            }
            if (ev == null) {
                return new Span();
            }
            JsonNode target = ev;
            Button b = new Button(getTranslation("detail.showEvidence"), e -> showInViewer(target));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.addClassName("show-evidence");
            if (!ROW_CODES.contains(n.path("code").asString())) {
                return b;
            }
            // a finding about a row's account leads to the action that maps the row
            Button m = new Button(getTranslation("rows.map"), e -> mapRow.accept(target.path("file").asString(),
                    RowMappingPanel.location(target)));
            m.addThemeVariants(ButtonVariant.LUMO_SMALL);
            m.addClassName("map-row-from-finding");
            return new VerticalLayout(b, m);
        }).setWidth("11em").setFlexGrow(0);
        List<JsonNode> rows = list(review.path("findings"));
        grid.setItems(rows);
        if (rows.isEmpty()) {
            return new VerticalLayout(new Paragraph(getTranslation("detail.noFindings")), grid);
        }
        return grid;
    }

    private Component figures(JsonNode review) {
        Set<String> flagged = new HashSet<>();
        review.path("findings").forEach(f -> {
            if (f.path("account").isString() && f.path("fiscalYear").isNumber()) {
                flagged.add(f.path("account").asString() + "/" + f.path("fiscalYear").asInt());
            }
        });
        Span selected = new Span(getTranslation("detail.selectFigure"));
        selected.setId("selected-figure");
        Button correct = new Button(getTranslation("detail.correct"));
        correct.setId("correct-figure");
        correct.setEnabled(false);
        JsonNode[] current = new JsonNode[1];
        FigureMatrix matrix = new FigureMatrix(review, flagged, f -> {
            current[0] = f;
            selected.setText(f.path("label").asString() + " " + f.path("fiscalYear").asInt() + ": "
                    + Formats.yen(f.path("value").asLong()) + " (" + f.path("file").asString() + ", "
                    + getTranslation("detail.confidence") + " " + f.path("confidence").asString() + ")");
            correct.setEnabled(canCorrect());
            showInViewer(f);
        }, english());
        matrix.setSizeFull();
        correct.addClickListener(e -> correctFigureDialog(current[0]));
        HorizontalLayout bar = new HorizontalLayout(selected, correct);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        VerticalLayout l = new VerticalLayout(bar, matrix, corrections());
        l.setPadding(false);
        l.setSizeFull();
        return l;
    }

    private Component corrections() {
        List<Correction> list = service.corrections(app.id());
        VerticalLayout l = new VerticalLayout();
        l.setPadding(false);
        l.setId("corrections");
        if (list.isEmpty()) {
            return l;
        }
        l.add(new H4(getTranslation("detail.corrections")));
        UnorderedList ul = new UnorderedList();
        for (Correction c : list) {
            String target = c.kind() == Correction.Kind.FIGURE ? c.account() + " " + c.fiscalYear()
                    : "No." + c.itemNo() + " " + c.field();
            ul.add(new ListItem(c.file() + " " + target + ": " + c.originalValue() + " → " + c.correctedValue()
                    + "（" + c.reason() + "、" + c.correctedBy() + "、" + Formats.dateTime(c.correctedAt()) + "）"));
        }
        l.add(ul);
        return l;
    }

    boolean canCorrect() {
        return auth.hasRole(Roles.EXAMINER) && app.status() == ApplicationStatus.REVIEWED;
    }

    private void correctFigureDialog(JsonNode f) {
        if (f == null) {
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("detail.correct") + ": " + f.path("label").asString() + " "
                + f.path("fiscalYear").asInt());
        TextField value = new TextField(getTranslation("detail.newValue"));
        value.setId("correction-value");
        value.setValue(String.valueOf(f.path("value").asLong()));
        TextArea reason = new TextArea(getTranslation("detail.reason"));
        reason.setId("correction-reason");
        reason.setWidthFull();
        Button save = new Button(getTranslation("detail.save"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("detail.reasonRequired"));
                return;
            }
            Correction c = new Correction(0, Correction.Kind.FIGURE, f.path("file").asString(), f.path("account").asString(),
                    f.path("fiscalYear").asInt(), null, "value", String.valueOf(f.path("value").asLong()),
                    value.getValue(), reason.getValue(), me(), null);
            if (guarded(() -> service.correct(me(), app.id(), app.version(), c))) {
                d.close();
            }
        });
        save.setId("correction-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(new Paragraph(getTranslation("detail.original") + ": "
                + Formats.yen(f.path("value").asLong()) + "（" + f.path("file").asString() + "）"), value, reason));
        d.getFooter().add(new Button(getTranslation("detail.cancel"), e -> d.close()), save);
        d.open();
    }

    private Component risk(JsonNode review) {
        JsonNode risk = review.path("risk");
        if (!risk.isObject()) {
            return new Paragraph(getTranslation("detail.noRisk"));
        }
        VerticalLayout l = new VerticalLayout();
        l.add(new H4(getTranslation("queue.risk") + ": " + Formats.oneDecimal(risk.path("score").asDouble()) + " ("
                + getTranslation("band." + risk.path("band").asString()) + ")　"
                + getTranslation("detail.model") + " " + risk.path("modelVersion").asString()));
        l.add(RiskChart.of(risk, english()));
        UnorderedList reasons = new UnorderedList();
        reasons.setId("risk-reasons");
        for (JsonNode f : risk.path("factors")) {
            reasons.add(new ListItem(String.format("%s（%+.1f）%s", FactorNames.label(f.path("feature").asString(), english()),
                    f.path("contribution").asDouble(), f.path(english() ? "reasonEn" : "reason").asString(""))
                    + (f.path("source").isString() ? "　[" + f.path("source").asString() + "]" : "")));
        }
        l.add(reasons);
        return l;
    }

    private Component documents(List<StoredFile> files, JsonNode review) {
        Grid<StoredFile> grid = new Grid<>();
        grid.setId("documents-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(StoredFile::fileName).setHeader(getTranslation("detail.file")).setFlexGrow(2);
        grid.addColumn(f -> documentField(review, f.fileName(), "type")).setHeader(getTranslation("detail.type"));
        grid.addColumn(f -> documentField(review, f.fileName(), "error")).setHeader(getTranslation("detail.error"))
                .setFlexGrow(2);
        grid.addColumn(f -> Formats.number(f.sizeBytes())).setHeader(getTranslation("detail.size"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(f -> new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(service.fileContent(app.id(), f.fileName()).orElse(new byte[0])), f.fileName(),
                "application/octet-stream", f.sizeBytes())), getTranslation("detail.download")));
        grid.addItemClickListener(e -> viewer.show(e.getItem().fileName(), 1, null));
        grid.setItems(files);
        grid.setSizeFull();
        return grid;
    }

    private String documentField(JsonNode review, String file, String field) {
        if (review == null) {
            return "";
        }
        for (JsonNode d : review.path("documents")) {
            if (file.equals(d.path("file").asString())) {
                JsonNode v = d.path(field);
                if (v.isNull() || v.isMissingNode()) {
                    return "";
                }
                return "type".equals(field) ? getTranslation("doctype." + v.asString()) : v.asString();
            }
        }
        return "";
    }

    private Component decision(JsonNode review, String suggestion) {
        VerticalLayout l = new VerticalLayout();
        l.setId("decision-panel");
        if (suggestion != null) {
            l.add(new Paragraph(getTranslation("detail.aiSuggestion") + ": " + getTranslation("outcome." + suggestion)));
        }
        if (auth.hasRole(Roles.EXAMINER) && review != null
                && (app.status() == ApplicationStatus.REVIEWED || app.status() == ApplicationStatus.DECIDED)) {
            Select<DecisionOutcome> outcome = new Select<>();
            outcome.setId("decision-outcome");
            outcome.setLabel(getTranslation("detail.outcome"));
            outcome.setItems(DecisionOutcome.values());
            outcome.setItemLabelGenerator(o -> getTranslation("outcome." + o.name()));
            TextArea comment = new TextArea(getTranslation("detail.comment"));
            comment.setId("decision-comment");
            comment.setWidthFull();
            comment.setHelperText(getTranslation("detail.commentHelp"));
            Button decide = new Button(getTranslation("detail.decide"), e -> {
                if (outcome.getValue() == null) {
                    outcome.setInvalid(true);
                    return;
                }
                boolean departs = suggestion != null && !suggestion.equals(outcome.getValue().name());
                if (departs && comment.getValue().isBlank()) {
                    comment.setInvalid(true);
                    comment.setErrorMessage(getTranslation("detail.commentRequired"));
                    return;
                }
                if (guarded(() -> service.decide(me(), app.id(), app.version(), outcome.getValue(), comment.getValue()))) {
                    Notification.show(getTranslation("detail.decided")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            });
            decide.setId("decide");
            decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            l.add(outcome, comment, decide);
            if (app.reviewPending()) {
                // A decision rests on the review as shown: not on one that predates a change.
                decide.setEnabled(false);
                l.add(new Paragraph(getTranslation("detail.decideAfterRereview")));
            }
        }
        List<DecisionRecord> decisions = service.decisions(app.id());
        if (!decisions.isEmpty()) {
            l.add(new H4(getTranslation("detail.history")));
            UnorderedList ul = new UnorderedList();
            ul.setId("decision-history");
            for (DecisionRecord d : decisions) {
                ul.add(new ListItem(Formats.dateTime(d.decidedAt()) + "　" + d.decidedBy() + "　"
                        + getTranslation("outcome." + d.outcome().name())
                        + (d.departsFromAi() ? "（" + getTranslation("detail.departs") + "）" : "")
                        + (d.comment() == null || d.comment().isBlank() ? "" : "　「" + d.comment() + "」")));
            }
            l.add(ul);
        }
        return l;
    }

    void showInViewer(JsonNode located) {
        if (located == null || !located.path("file").isString()) {
            return;
        }
        JsonNode box = located.path("box");
        viewer.show(new DocumentViewer.Mark(located.path("file").asString(),
                located.path("page").isNumber() ? located.path("page").asInt() : null,
                located.path("sheet").isString() ? located.path("sheet").asString() : null,
                located.path("cell").isString() ? located.path("cell").asString() : null,
                box.isObject() ? (float) box.path("x").asDouble() : null,
                box.isObject() ? (float) box.path("y").asDouble() : null,
                box.isObject() ? (float) box.path("width").asDouble() : null,
                box.isObject() ? (float) box.path("height").asDouble() : null));
    }

    /** Runs a change; on a concurrent change or a refused input, says so and keeps the screen. */
    boolean guarded(Runnable action) {
        try {
            action.run();
            reload();
            return true;
        } catch (ConcurrentChangeException ex) {
            Notification n = Notification.show(getTranslation("detail.conflict"), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("conflict-notification");
            return false;
        } catch (IllegalArgumentException | IllegalStateException ex) {
            Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    private void askReason(String title, java.util.function.Consumer<String> action) {
        Dialog d = new Dialog();
        d.setHeaderTitle(title);
        TextArea reason = new TextArea(getTranslation("detail.reason"));
        reason.setWidthFull();
        reason.setId("conflict-reason");
        Button ok = new Button(getTranslation("detail.save"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                return;
            }
            if (guarded(() -> action.accept(reason.getValue()))) {
                d.close();
            }
        });
        ok.setId("conflict-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(reason);
        d.getFooter().add(new Button(getTranslation("detail.cancel"), e -> d.close()), ok);
        d.open();
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
