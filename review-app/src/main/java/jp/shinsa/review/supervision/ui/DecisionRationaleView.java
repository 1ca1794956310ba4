package jp.shinsa.review.supervision.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.supervision.DecisionCase;
import jp.shinsa.review.supervision.SupervisionService;
import jp.shinsa.review.ui.Formats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A decision's rationale exactly as it was shown when it was made, even after models changed. */
@Route("supervisor/decisions/:id")
@PageTitle("Shinsa — 決定時の判断根拠")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
class DecisionRationaleView extends VerticalLayout implements BeforeEnterObserver {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SupervisionService supervision;

    DecisionRationaleView(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        DecisionCase c = supervision.decision(id).orElse(null);
        if (c == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        boolean en = "en".equals(getLocale().getLanguage());
        JsonNode snap = JSON.readTree(supervision.snapshot(id));
        removeAll();
        H2 title = new H2(getTranslation("rationale.title") + ": " + c.applicationName());
        title.setId("rationale-title");
        add(title);
        Paragraph facts = new Paragraph(Formats.dateTime(c.decidedAt()) + "　" + c.decidedBy() + "　"
                + getTranslation("detail.outcome") + ": " + getTranslation("outcome." + c.outcome()) + "　"
                + getTranslation("detail.aiSuggestion") + ": "
                + (c.aiSuggestion() == null ? "—" : getTranslation("outcome." + c.aiSuggestion()))
                + (c.comment() == null || c.comment().isBlank() ? "" : "　「" + c.comment() + "」"));
        facts.setId("rationale-facts");
        Paragraph models = new Paragraph(getTranslation("rationale.models") + ": " + c.modelVersions());
        models.setId("rationale-models");
        add(facts, models);
        if (snap.path("risk").isObject()) {
            add(new H4(getTranslation("queue.risk") + ": " + Formats.oneDecimal(snap.path("risk").path("score").asDouble())
                    + " (" + snap.path("risk").path("band").asString() + ", " + snap.path("risk").path("modelVersion").asString() + ")"));
            UnorderedList factors = new UnorderedList();
            factors.setId("rationale-risk");
            snap.path("risk").path("factors").forEach(f -> factors.add(new ListItem(
                    String.format("%+.1f  %s", f.path("contribution").asDouble(), f.path(en ? "reasonEn" : "reason").asString("")))));
            add(factors);
        }
        add(new H4(getTranslation("detail.findings")));
        Grid<JsonNode> findings = new Grid<>();
        findings.setId("rationale-findings");
        findings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        findings.addColumn(n -> n.path("severity").asString()).setHeader(getTranslation("detail.severity"));
        findings.addColumn(n -> n.path("code").asString()).setHeader(getTranslation("detail.code"));
        findings.addColumn(n -> n.path(en ? "messageEn" : "message").asString("")).setHeader(getTranslation("detail.message")).setFlexGrow(4);
        findings.setItems(list(snap.path("findings")));
        findings.setAllRowsVisible(true);
        add(findings);
        add(new H4(getTranslation("detail.items")));
        Grid<JsonNode> items = new Grid<>();
        items.setId("rationale-items");
        items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.addColumn(n -> n.path("no").asInt()).setHeader("No");
        items.addColumn(n -> n.path("name").asString()).setHeader(getTranslation("detail.itemName"));
        items.addColumn(n -> n.has("purposeFit") ? Formats.oneDecimal(n.path("purposeFit").asDouble()) : "")
                .setHeader(getTranslation("detail.purposeFit"));
        items.addColumn(n -> n.path("hint").asString("")).setHeader(getTranslation("detail.hint"));
        items.addColumn(n -> String.join(" / ", list(n.path(en ? "reasonsEn" : "reasons")).stream().map(JsonNode::asString).toList()))
                .setHeader(getTranslation("detail.reason")).setFlexGrow(4);
        items.setItems(list(snap.path("items")));
        items.setAllRowsVisible(true);
        add(items);
    }

    private static List<JsonNode> list(JsonNode a) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }
}
