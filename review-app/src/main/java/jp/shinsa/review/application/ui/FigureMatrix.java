package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.review.ui.Formats;
import tools.jackson.databind.JsonNode;

/**
 * The figures side by side: one row per account, one column per document and fiscal year. A value
 * that differs from the same account and year in another document (beyond the larger unit's
 * rounding) is marked, as is every value a finding points at. Clicking a value selects it.
 */
class FigureMatrix extends Grid<FigureMatrix.Row> {
    record Column(String file, String documentType, int fiscalYear) {
    }

    record Row(String account, String label, Map<Column, JsonNode> cells) {
    }

    FigureMatrix(JsonNode review, Set<String> flaggedKeys, Consumer<JsonNode> onSelect, boolean english) {
        setId("figure-matrix");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        Map<String, Long> units = new LinkedHashMap<>();
        review.path("documents").forEach(d -> units.put(d.path("file").asString(), d.path("unit").asLong(1)));
        Set<Column> columns = new TreeSet<>(Comparator.comparing((Column c) -> DocumentType.valueOf(c.documentType()).ordinal())
                .thenComparing(Column::file).thenComparingInt(Column::fiscalYear));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Account a : Catalogs.accounts().values()) {
            rows.put(a.code(), new Row(a.code(), english ? a.labelEn() : a.labelJa(), new LinkedHashMap<>()));
        }
        for (JsonNode f : review.path("figures")) {
            Column c = new Column(f.path("file").asString(), f.path("documentType").asString(), f.path("fiscalYear").asInt());
            columns.add(c);
            rows.computeIfAbsent(f.path("account").asString(), k -> new Row(k, k, new LinkedHashMap<>())).cells().put(c, f);
        }
        addColumn(Row::label).setHeader(english ? "Account" : "科目").setFrozen(true).setAutoWidth(true);
        for (Column c : columns) {
            String header = docShort(c.documentType(), english) + " " + c.fiscalYear();
            addComponentColumn(r -> cell(r, c, units, flaggedKeys, onSelect)).setHeader(header).setKey(key(c))
                    .setTooltipGenerator(r -> c.file()).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        List<Row> present = new ArrayList<>(rows.values().stream().filter(r -> !r.cells().isEmpty()).toList());
        setItems(present);
        setAllRowsVisible(false);
    }

    private static Span cell(Row r, Column c, Map<String, Long> units, Set<String> flaggedKeys, Consumer<JsonNode> onSelect) {
        JsonNode f = r.cells().get(c);
        if (f == null) {
            return new Span("");
        }
        long v = f.path("value").asLong();
        Span s = new Span(Formats.number(v));
        s.getStyle().set("cursor", "pointer");
        s.getElement().setAttribute("data-account", r.account());
        s.getElement().setAttribute("data-file", c.file());
        s.getElement().setAttribute("data-year", String.valueOf(c.fiscalYear()));
        boolean differs = false;
        for (var other : r.cells().entrySet()) {
            if (other.getKey().fiscalYear() == c.fiscalYear() && !other.getKey().equals(c)) {
                long tolerance = Math.max(units.getOrDefault(c.file(), 1L), units.getOrDefault(other.getKey().file(), 1L));
                if (Math.abs(other.getValue().path("value").asLong() - v) >= tolerance) {
                    differs = true;
                }
            }
        }
        boolean flagged = flaggedKeys.contains(r.account() + "/" + c.fiscalYear());
        if (differs || flagged) {
            s.getStyle().set("background", differs ? "#ffc9c9" : "#fff3bf").set("font-weight", "600")
                    .set("padding", "0 4px").set("border-radius", "4px");
            s.getElement().setAttribute("title", differs ? "他の書類と一致しません / differs from another document"
                    : "指摘事項あり / named by a finding");
            s.addClassName("figure-differs");
        }
        s.addClickListener(e -> onSelect.accept(f));
        return s;
    }

    static String key(Column c) {
        return c.file() + "|" + c.fiscalYear();
    }

    static String docShort(String type, boolean english) {
        return switch (type) {
            case "FINANCIAL_STATEMENTS" -> english ? "Statements" : "決算書";
            case "INPUT_SHEET" -> english ? "Input sheet" : "入力シート";
            case "BS_COMPARISON" -> english ? "BS comparison" : "BS比較";
            default -> type;
        };
    }
}
