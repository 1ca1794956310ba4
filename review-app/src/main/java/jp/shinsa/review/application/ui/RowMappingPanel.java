package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import jp.shinsa.models.Account;
import jp.shinsa.models.AccountCandidate;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.mapping.RowMappingEntry;
import jp.shinsa.review.mapping.RowMappingRequest;
import jp.shinsa.review.mapping.RowMappingService;
import jp.shinsa.review.mapping.StatementRows;
import jp.shinsa.review.ui.Formats;

/**
 * The rows of the application's statements that need a person (unmapped first, then the least
 * certain; the taught ones after them, marked), each with its label, section, values, candidates and
 * the reader's reason, and the action to map one: to an account, as part of an account, or as no
 * account, with a reason. Selecting a row marks it in the document viewer.
 */
class RowMappingPanel extends VerticalLayout {
    /** Below this confidence a mapped row is listed for a person to confirm. */
    static final double CONFIRM_BELOW = 0.8;

    /** One row of one document, as listed. */
    record Listed(String file, DocumentType type, StatementRow row) {
        boolean needsPerson() {
            RowMapping m = row.mapping();
            return m.kind() == RowMapping.Kind.UNMAPPED || (!m.taught() && m.confidence() < CONFIRM_BELOW);
        }
    }

    private final RowMappingService service;
    private final ApplicationSummary app;
    private final boolean canMap;
    private final String actor;
    private final boolean english;
    private final Consumer<SourceLocation> show;
    private final Predicate<Runnable> guarded;
    private final List<Listed> all = new ArrayList<>();
    private final Grid<Listed> grid = new Grid<>();
    private final Checkbox showAll = new Checkbox();
    private final Button map = new Button();

    /**
     * @param canMap  whether this user may map rows now (an examiner, the application reviewed and undecided)
     * @param show    marks a location in the document viewer
     * @param guarded runs a change and rebuilds the screen; false when it was refused (already said so)
     */
    RowMappingPanel(RowMappingService service, ApplicationSummary app, boolean canMap, String actor, boolean english,
                    Consumer<SourceLocation> show, Predicate<Runnable> guarded) {
        this.service = service;
        this.app = app;
        this.canMap = canMap;
        this.actor = actor;
        this.english = english;
        this.show = show;
        this.guarded = guarded;
        setId("row-mapping");
        setPadding(false);
        setSizeFull();
        for (StatementRows doc : service.rows(app.id())) {
            doc.rows().forEach(r -> all.add(new Listed(doc.file(), doc.type(), r)));
        }
        all.sort(Comparator.comparingInt((Listed l) -> l.needsPerson() ? 0 : l.row().mapping().taught() ? 1 : 2)
                .thenComparingInt(l -> l.row().mapping().kind() == RowMapping.Kind.UNMAPPED ? 0 : 1)
                .thenComparingDouble(l -> l.row().mapping().confidence()));
        long waiting = all.stream().filter(Listed::needsPerson).count();
        Paragraph intro = new Paragraph(getTranslation(waiting == 0 ? "rows.noneWaiting" : "rows.waiting", waiting));
        intro.setId("rows-intro");
        showAll.setLabel(getTranslation("rows.showAll"));
        showAll.setId("rows-show-all");
        showAll.addValueChangeListener(e -> refresh());
        map.setText(getTranslation("rows.map"));
        map.setId("map-row");
        map.setEnabled(false);
        map.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        map.addClickListener(e -> grid.getSelectedItems().stream().findFirst().ifPresent(this::mapDialog));
        HorizontalLayout bar = new HorizontalLayout(showAll, map);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(intro, bar, grid(), history());
        setFlexGrow(1, grid);
        refresh();
    }

    private Grid<Listed> grid() {
        grid.setId("rows-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(l -> l.file()).setHeader(getTranslation("detail.file")).setFlexGrow(1);
        grid.addComponentColumn(l -> {
            Span s = new Span(l.row().label());
            s.addClassName("row-label");
            s.getElement().setAttribute("data-label", l.row().label());
            return s;
        }).setHeader(getTranslation("detail.label")).setFlexGrow(2);
        grid.addColumn(l -> String.join(" › ", l.row().section())).setHeader(getTranslation("rows.section")).setFlexGrow(1);
        grid.addColumn(l -> values(l.row())).setHeader(getTranslation("rows.values")).setFlexGrow(2);
        grid.addComponentColumn(this::state).setHeader(getTranslation("rows.mapping")).setFlexGrow(2);
        grid.addColumn(l -> candidates(l.row().mapping())).setHeader(getTranslation("rows.candidates")).setFlexGrow(2);
        grid.addColumn(l -> english ? l.row().mapping().reason().en() : l.row().mapping().reason().ja())
                .setHeader(getTranslation("rows.reason")).setFlexGrow(2);
        grid.setSelectionMode(Grid.SelectionMode.SINGLE);
        grid.addSelectionListener(e -> {
            map.setEnabled(canMap && e.getFirstSelectedItem().isPresent());
            e.getFirstSelectedItem().ifPresent(l -> show.accept(l.row().location()));
        });
        return grid;
    }

    private Span state(Listed l) {
        RowMapping m = l.row().mapping();
        String text = getTranslation("rows.kind." + m.kind().name())
                + (m.kind() == RowMapping.Kind.ACCOUNT || m.kind() == RowMapping.Kind.PART_OF ? " " + accountLabel(m.account()) : "")
                + (m.kind() == RowMapping.Kind.UNMAPPED ? "" : "（" + getTranslation("detail.confidence") + " "
                + String.format("%.2f", m.confidence()) + "）")
                + (m.taught() ? "　" + getTranslation("rows.taught") : "");
        Span s = new Span(text);
        s.addClassName("row-state");
        s.getElement().setAttribute("data-file", l.file());
        s.getElement().setAttribute("data-label", l.row().label());
        s.getElement().setAttribute("data-kind", m.kind().name());
        s.getElement().setAttribute("data-taught", Boolean.toString(m.taught()));
        if (m.account() != null) {
            s.getElement().setAttribute("data-account", m.account());
        }
        s.getElement().getThemeList().add(l.needsPerson() ? "badge error" : m.taught() ? "badge success" : "badge contrast");
        return s;
    }

    private void refresh() {
        grid.setItems(all.stream().filter(l -> showAll.getValue() || l.needsPerson() || l.row().mapping().taught()).toList());
    }

    /**
     * Selects the row printed at {@code location} (a finding's evidence), else the first row of the
     * file that needs a person, listing every row if need be.
     */
    void focus(String file, SourceLocation location) {
        all.stream().filter(l -> l.file().equals(file) && location != null && samePlace(l.row().location(), location))
                .findFirst()
                .or(() -> all.stream().filter(l -> l.file().equals(file) && l.needsPerson()).findFirst())
                .ifPresent(l -> {
                    if (!l.needsPerson() && !l.row().mapping().taught()) {
                        showAll.setValue(true);
                    }
                    grid.select(l);
                    grid.scrollToItem(l);
                });
    }

    /**
     * The same printed line: the same sheet row (a finding may point at the amount's cell, the row at
     * its label's), or the same page and (nearly) the same height.
     */
    static boolean samePlace(SourceLocation a, SourceLocation b) {
        if (!a.file().equals(b.file())) {
            return false;
        }
        if (a.cell() != null || b.cell() != null) {
            return java.util.Objects.equals(a.sheet(), b.sheet()) && a.cell() != null && b.cell() != null
                    && a.cell().replaceAll("[^0-9]", "").equals(b.cell().replaceAll("[^0-9]", ""));
        }
        if (!java.util.Objects.equals(a.page(), b.page())) {
            return false;
        }
        if (a.y() == null || b.y() == null) {
            return a.y() == null && b.y() == null;
        }
        return Math.abs(a.y() - b.y()) < 3;
    }

    /** A location as the review's JSON gives it (file, page, sheet, cell, box). */
    static SourceLocation location(tools.jackson.databind.JsonNode n) {
        tools.jackson.databind.JsonNode box = n.path("box");
        return new SourceLocation(n.path("file").asString(), n.path("page").isNumber() ? n.path("page").asInt() : null,
                n.path("sheet").isString() ? n.path("sheet").asString() : null,
                n.path("cell").isString() ? n.path("cell").asString() : null,
                box.isObject() ? (float) box.path("x").asDouble() : null,
                box.isObject() ? (float) box.path("y").asDouble() : null,
                box.isObject() ? (float) box.path("width").asDouble() : null,
                box.isObject() ? (float) box.path("height").asDouble() : null);
    }

    private String values(StatementRow r) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, Long> v : r.values().entrySet()) {
            out.add(v.getKey() + ": " + Formats.yen(v.getValue()));
        }
        if (r.delta() != null) {
            out.add(getTranslation("rows.delta") + ": " + Formats.yen(r.delta()));
        }
        return String.join("　", out);
    }

    private String candidates(RowMapping m) {
        List<String> out = new ArrayList<>();
        for (AccountCandidate c : m.candidates()) {
            out.add(accountLabel(c.account()) + " " + String.format("%.2f", c.score()));
        }
        return String.join("、", out);
    }

    private String accountLabel(String code) {
        if (code == null) {
            return "";
        }
        return Catalogs.account(code).map(a -> english ? a.labelEn() : a.labelJa()).orElse(code);
    }

    private void mapDialog(Listed l) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("rows.map") + ": " + l.row().label());
        Select<RowMapping.Kind> kind = new Select<>();
        kind.setId("row-mapping-kind");
        kind.setLabel(getTranslation("rows.kindLabel"));
        kind.setItems(RowMapping.Kind.ACCOUNT, RowMapping.Kind.PART_OF, RowMapping.Kind.IGNORED);
        kind.setItemLabelGenerator(k -> getTranslation("rows.choose." + k.name()));
        kind.setValue(RowMapping.Kind.ACCOUNT);
        ComboBox<String> account = new ComboBox<>(getTranslation("detail.account"));
        account.setId("row-mapping-account");
        account.setWidthFull();
        // candidates first, then the rest of accounts.csv in its order
        Set<String> codes = new LinkedHashSet<>();
        l.row().mapping().candidates().forEach(c -> codes.add(c.account()));
        Catalogs.accounts().values().stream().map(Account::code).forEach(codes::add);
        account.setItems(List.copyOf(codes));
        account.setItemLabelGenerator(c -> accountLabel(c) + "（" + c + "）");
        if (l.row().mapping().account() != null) {
            account.setValue(l.row().mapping().account());
        }
        kind.addValueChangeListener(e -> account.setEnabled(e.getValue() != RowMapping.Kind.IGNORED));
        TextArea reason = new TextArea(getTranslation("detail.reason"));
        reason.setId("row-mapping-reason");
        reason.setWidthFull();
        Paragraph what = new Paragraph(l.file() + "　" + values(l.row()) + "　"
                + getTranslation("rows.kind." + l.row().mapping().kind().name()));
        Button save = new Button(getTranslation("detail.save"), e -> {
            boolean ignored = kind.getValue() == RowMapping.Kind.IGNORED;
            if (!ignored && account.getValue() == null) {
                account.setInvalid(true);
                account.setErrorMessage(getTranslation("rows.accountRequired"));
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("detail.reasonRequired"));
                return;
            }
            RowMappingRequest request = new RowMappingRequest(l.file(), l.row().index(), kind.getValue(),
                    ignored ? null : account.getValue(), reason.getValue());
            if (guarded.test(() -> service.map(actor, app.id(), app.version(), request))) {
                d.close();
            }
        });
        save.setId("row-mapping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(new VerticalLayout(what, kind, account, reason));
        d.getFooter().add(new Button(getTranslation("detail.cancel"), e -> d.close()), save);
        d.setWidth("36em");
        d.open();
    }

    /** The application's row mappings, superseded ones included, as corrections are shown. */
    private VerticalLayout history() {
        VerticalLayout l = new VerticalLayout();
        l.setPadding(false);
        l.setId("row-mappings-history");
        List<RowMappingEntry> list = service.mappings(app.id());
        if (list.isEmpty()) {
            return l;
        }
        l.add(new H4(getTranslation("rows.history")));
        UnorderedList ul = new UnorderedList();
        Set<Long> superseded = new java.util.HashSet<>();
        list.forEach(m -> {
            if (m.supersedes() != null) {
                superseded.add(m.supersedes());
            }
        });
        for (RowMappingEntry m : list) {
            ul.add(new ListItem(m.file() + "「" + m.label() + "」: " + mappingText(m.fromKind(), m.fromAccount()) + " → "
                    + mappingText(m.kind(), m.account()) + "（" + m.reason() + "、" + m.mappedBy() + "、"
                    + Formats.dateTime(m.mappedAt()) + "）"
                    + (superseded.contains(m.id()) ? "　" + getTranslation("rows.superseded") : "")));
        }
        l.add(ul);
        return l;
    }

    private String mappingText(RowMapping.Kind kind, String account) {
        return getTranslation("rows.kind." + kind.name()) + (account == null ? "" : " " + accountLabel(account));
    }
}
