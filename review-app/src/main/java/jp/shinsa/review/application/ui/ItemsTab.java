package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.application.Correction;
import jp.shinsa.review.ui.Formats;
import tools.jackson.databind.JsonNode;

/**
 * The items tab of {@link ApplicationDetailView}: each requested item with its purpose fit, the similar past
 * grants behind it, the optional narrative and the item correction dialog.
 */
final class ItemsTab {
    private final ApplicationDetailView view;

    ItemsTab(ApplicationDetailView view) {
        this.view = view;
    }

    Component grid(JsonNode review) {
        Grid<JsonNode> grid = new Grid<>();
        grid.setId("items-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(n -> n.path("no").asInt()).setHeader("No").setWidth("4em").setFlexGrow(0);
        grid.addColumn(n -> n.path("name").asString() + (n.path("spec").isString() ? "（" + n.path("spec").asString() + "）" : ""))
                .setHeader(view.getTranslation("detail.itemName")).setFlexGrow(3);
        grid.addColumn(n -> Formats.number(n.path("unitPrice").isNumber() ? n.path("unitPrice").asLong() : null))
                .setHeader(view.getTranslation("detail.unitPrice")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(n -> n.has("purposeFit") ? Formats.oneDecimal(n.path("purposeFit").asDouble()) : "")
                .setHeader(view.getTranslation("detail.purposeFit")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(n -> n.path("hint").isString() ? view.getTranslation("hint." + n.path("hint").asString()) : "")
                .setHeader(view.getTranslation("detail.hint"));
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::itemDetails));
        grid.setDetailsVisibleOnClick(true);
        grid.addItemClickListener(e -> view.showInViewer(e.getItem()));
        grid.setItems(ApplicationDetailView.list(review.path("items")));
        grid.setSizeFull();
        return grid;
    }

    private Component itemDetails(JsonNode item) {
        VerticalLayout l = new VerticalLayout();
        l.setPadding(false);
        l.addClassName("item-details");
        UnorderedList reasons = new UnorderedList();
        item.path(view.english() ? "reasonsEn" : "reasons").forEach(r -> reasons.add(new ListItem(r.asString())));
        l.add(reasons);
        if (item.path("purpose").isString()) {
            l.add(new Span(view.getTranslation("detail.purpose") + ": " + item.path("purpose").asString()));
        }
        Grid<JsonNode> similar = new Grid<>();
        similar.addThemeVariants(GridVariant.LUMO_COMPACT);
        similar.addColumn(n -> n.path("id").asString()).setHeader("ID");
        similar.addColumn(n -> n.path("itemName").asString("")).setHeader(view.getTranslation("detail.itemName"));
        similar.addColumn(n -> Formats.program(n.path("program").asString(null), view.programs::find, view.locale()))
                .setHeader(view.getTranslation("detail.program"));
        similar.addColumn(n -> String.format("%.2f", n.path("similarity").asDouble())).setHeader(view.getTranslation("detail.similarity"));
        similar.addColumn(n -> view.getTranslation("grant." + n.path("decision").asString())).setHeader(view.getTranslation("detail.pastDecision"));
        similar.addColumn(n -> n.path("reason").asString("")).setHeader(view.getTranslation("detail.reason"));
        similar.setItems(ApplicationDetailView.list(item.path("similarPastGrants")));
        similar.setAllRowsVisible(true);
        l.add(similar);
        if (view.narratives.enabled() && item.has("purposeFit")) {
            Span narrative = new Span();
            narrative.addClassName("item-narrative");
            Button write = new Button(view.getTranslation("detail.narrative"), e -> narrative.setText(narrative(item)));
            write.addThemeVariants(ButtonVariant.LUMO_SMALL);
            l.add(write, narrative);
        }
        if (view.canCorrect()) {
            Button correct = new Button(view.getTranslation("detail.correctItem"), e -> correctItemDialog(item));
            correct.addClassName("correct-item");
            l.add(correct);
        }
        return l;
    }

    /** The language model's narrative from the evidence shown (only when an admin configured one). */
    private String narrative(JsonNode item) {
        List<jp.shinsa.models.Text> reasons = new ArrayList<>();
        JsonNode ja = item.path("reasons");
        JsonNode en = item.path("reasonsEn");
        for (int i = 0; i < ja.size(); i++) {
            reasons.add(new jp.shinsa.models.Text(ja.get(i).asString(), en.path(i).asString(ja.get(i).asString())));
        }
        List<jp.shinsa.models.SimilarGrant> similar = new ArrayList<>();
        item.path("similarPastGrants").forEach(g -> similar.add(new jp.shinsa.models.SimilarGrant(g.path("id").asString(),
                Math.max(0, Math.min(1, g.path("similarity").asDouble())), g.path("decision").asString(),
                g.path("itemName").asString(null), g.path("program").asString(null),
                g.path("unitPrice").isNumber() ? g.path("unitPrice").asLong() : null, g.path("reason").asString(null))));
        var score = new jp.shinsa.models.PurposeFitScore(item.path("no").asInt(), item.path("purposeFit").asDouble(),
                jp.shinsa.models.FitHint.valueOf(item.path("hint").asString()), reasons, similar,
                item.path("modelVersion").asString(""));
        var requested = new jp.shinsa.models.RequestedItem(item.path("no").asInt(), item.path("name").asString(),
                item.path("spec").asString(null), item.path("maker").asString(null), null,
                item.path("unitPrice").isNumber() ? item.path("unitPrice").asLong() : null, null,
                item.path("purpose").asString(null), jp.shinsa.models.SourceLocation.ofFile(appFormFile()));
        return view.narratives.write(requested, view.programs.find(view.app.program()), score)
                .map(t -> view.english() ? t.en() : t.ja()).orElse(view.getTranslation("detail.narrativeUnavailable"));
    }

    private void correctItemDialog(JsonNode item) {
        Dialog d = new Dialog();
        d.setHeaderTitle(view.getTranslation("detail.correctItem") + ": No." + item.path("no").asInt() + " "
                + item.path("name").asString());
        Select<String> field = new Select<>();
        field.setLabel(view.getTranslation("detail.field"));
        field.setItems("quantity", "unitPrice", "amount", "name");
        field.setItemLabelGenerator(f -> view.getTranslation("field." + f));
        field.setValue("unitPrice");
        TextField value = new TextField(view.getTranslation("detail.newValue"));
        value.setId("item-correction-value");
        field.addValueChangeListener(e -> value.setValue(item.path(e.getValue()).asString("")));
        value.setValue(item.path("unitPrice").asString(""));
        TextArea reason = new TextArea(view.getTranslation("detail.reason"));
        reason.setId("item-correction-reason");
        reason.setWidthFull();
        String file = appFormFile();
        Button save = new Button(view.getTranslation("detail.save"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(view.getTranslation("detail.reasonRequired"));
                return;
            }
            Correction c = new Correction(0, Correction.Kind.ITEM, file, null, null, item.path("no").asInt(),
                    field.getValue(), item.path(field.getValue()).asString(""), value.getValue(), reason.getValue(), view.me(), null);
            if (view.guarded(() -> view.service.correct(view.me(), view.app.id(), view.app.version(), c))) {
                d.close();
            }
        });
        save.setId("item-correction-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(field, value, reason));
        d.getFooter().add(new Button(view.getTranslation("detail.cancel"), e -> d.close()), save);
        d.open();
    }

    private String appFormFile() {
        JsonNode review = view.service.reviewJson(view.app.id()).map(ApplicationDetailView.JSON::readTree).orElse(ApplicationDetailView.JSON.createObjectNode());
        for (JsonNode d : review.path("documents")) {
            if ("APPLICATION_FORM".equals(d.path("type").asString())) {
                return d.path("file").asString();
            }
        }
        return "";
    }
}
