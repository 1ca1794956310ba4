package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.ConcurrentChangeException;
import jp.shinsa.review.application.StoredFile;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One application: summary, documents, figures, findings, items. */
@Route("applications/:id")
@PageTitle("Shinsa — 申請")
@RolesAllowed({Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN})
class ApplicationDetailView extends VerticalLayout implements BeforeEnterObserver {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApplicationReviewService service;
    private final AuthenticationContext auth;

    ApplicationDetailView(ApplicationReviewService service, AuthenticationContext auth) {
        this.service = service;
        this.auth = auth;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        ApplicationSummary app = service.find(id).orElse(null);
        if (app == null) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        render(app);
    }

    private void render(ApplicationSummary app) {
        removeAll();
        H2 title = new H2(app.name() + (app.applicant() == null ? "" : " — " + app.applicant()));
        title.setId("application-title");
        Span status = new Span(getTranslation("status." + app.status().name()));
        status.getElement().getThemeList().add("badge");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(header);
        add(new Paragraph(getTranslation("detail.program") + ": " + Formats.program(app.program(), getLocale())
                + "　" + getTranslation("detail.requested") + ": " + Formats.yen(app.requestedAmount())
                + "　" + getTranslation("queue.assignee") + ": " + (app.assignee() == null ? "—" : app.assignee())));
        if (app.failureReason() != null) {
            add(new Paragraph(getTranslation("detail.failed") + ": " + app.failureReason()));
        }
        if (auth.hasRole(Roles.EXAMINER) && !auth.getPrincipalName().orElse("").equals(app.assignee())) {
            Button assign = new Button(getTranslation("detail.assignToMe"), e -> {
                try {
                    service.assignToSelf(auth.getPrincipalName().orElseThrow(), app.id(), app.version());
                    render(service.find(app.id()).orElseThrow());
                } catch (ConcurrentChangeException ex) {
                    Notification.show(getTranslation("detail.conflict"), 5000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            assign.setId("assign-to-me");
            add(assign);
        }
        JsonNode review = service.reviewJson(app.id()).map(JSON::readTree).orElse(null);
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add(getTranslation("detail.documents"), documents(app, review));
        if (review != null) {
            tabs.add(getTranslation("detail.findings"), findings(review));
            tabs.add(getTranslation("detail.figures"), figures(review));
            tabs.add(getTranslation("detail.items"), items(review));
        }
        add(tabs);
    }

    private VerticalLayout documents(ApplicationSummary app, JsonNode review) {
        Grid<StoredFile> grid = new Grid<>();
        grid.setId("documents-grid");
        grid.addColumn(StoredFile::fileName).setHeader(getTranslation("detail.file")).setFlexGrow(2);
        grid.addColumn(f -> documentField(review, f.fileName(), "type")).setHeader(getTranslation("detail.type"));
        grid.addColumn(f -> documentField(review, f.fileName(), "error")).setHeader(getTranslation("detail.error"))
                .setFlexGrow(2);
        grid.addColumn(f -> Formats.number(f.sizeBytes())).setHeader(getTranslation("detail.size"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(f -> new Anchor(download(app.id(), f), getTranslation("detail.download")))
                .setHeader("");
        grid.setItems(service.files(app.id()));
        VerticalLayout l = new VerticalLayout(grid);
        l.setSizeFull();
        return l;
    }

    private DownloadHandler download(long id, StoredFile f) {
        return DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(service.fileContent(id, f.fileName()).orElse(new byte[0])), f.fileName(),
                f.contentType() == null ? "application/octet-stream" : f.contentType(), f.sizeBytes()));
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

    private VerticalLayout findings(JsonNode review) {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("findings-grid");
        boolean en = "en".equals(getLocale().getLanguage());
        grid.addColumn(n -> n.path("severity").asString()).setHeader(getTranslation("detail.severity"))
                .setWidth("7em").setFlexGrow(0);
        grid.addColumn(n -> n.path("code").asString()).setHeader(getTranslation("detail.code"));
        grid.addColumn(n -> n.path(en ? "messageEn" : "message").asString()).setHeader(getTranslation("detail.message"))
                .setFlexGrow(4);
        grid.addColumn(n -> n.path("file").isNull() ? "" : n.path("file").asString())
                .setHeader(getTranslation("detail.file"));
        grid.setItems(list(review.path("findings")));
        VerticalLayout l = new VerticalLayout(grid);
        l.setSizeFull();
        return l;
    }

    private VerticalLayout figures(JsonNode review) {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("figures-grid");
        grid.addColumn(n -> n.path("file").asString()).setHeader(getTranslation("detail.file"));
        grid.addColumn(n -> n.path("label").asString()).setHeader(getTranslation("detail.label"));
        grid.addColumn(n -> n.path("account").asString()).setHeader(getTranslation("detail.account"));
        grid.addColumn(n -> n.path("fiscalYear").asString()).setHeader(getTranslation("detail.fiscalYear"));
        grid.addColumn(n -> Formats.number(n.path("value").asLong())).setHeader(getTranslation("detail.value"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(n -> n.has("page") ? "p." + n.path("page").asInt()
                : n.path("sheet").asString("") + "!" + n.path("cell").asString("")).setHeader(getTranslation("detail.where"));
        grid.setItems(list(review.path("figures")));
        VerticalLayout l = new VerticalLayout(new H3(getTranslation("detail.figures")), grid);
        l.setSizeFull();
        return l;
    }

    private VerticalLayout items(JsonNode review) {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("items-grid");
        grid.addColumn(n -> n.path("no").asInt()).setHeader("No").setWidth("4em").setFlexGrow(0);
        grid.addColumn(n -> n.path("name").asString()).setHeader(getTranslation("detail.itemName")).setFlexGrow(2);
        grid.addColumn(n -> n.path("quantity").asString()).setHeader(getTranslation("detail.quantity"));
        grid.addColumn(n -> Formats.number(n.path("unitPrice").asLong())).setHeader(getTranslation("detail.unitPrice"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(n -> n.has("purposeFit") ? n.path("purposeFit").asString() : "")
                .setHeader(getTranslation("detail.purposeFit"));
        grid.addColumn(n -> n.path("hint").asString("")).setHeader(getTranslation("detail.hint"));
        grid.setItems(list(review.path("items")));
        VerticalLayout l = new VerticalLayout(grid);
        l.setSizeFull();
        return l;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
