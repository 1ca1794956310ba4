package jp.shinsa.review.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.supervision.DecisionCase;
import jp.shinsa.review.supervision.Dimension;
import jp.shinsa.review.supervision.OverrideRate;
import jp.shinsa.review.supervision.SupervisionService;
import jp.shinsa.review.ui.Formats;

/** Are examiners overriding the AI, where, and why? Rates by dimension with a chart, and the cases behind them. */
@Route("supervisor/overrides")
@PageTitle("Shinsa — AI判断の検証")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
class OverridesView extends VerticalLayout {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final SupervisionService supervision;
    private final Select<Dimension> dimension = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<OverrideRate> rates = new Grid<>();
    private final Grid<DecisionCase> cases = new Grid<>();
    private final Div chart = new Div();
    private final H4 casesTitle = new H4();

    OverridesView(SupervisionService supervision) {
        this.supervision = supervision;
        setSizeFull();
        dimension.setId("override-dimension");
        dimension.setLabel(getTranslation("overrides.by"));
        dimension.setItems(Dimension.values());
        dimension.setItemLabelGenerator(d -> getTranslation("overrides.dim." + d.name()));
        dimension.setValue(Dimension.FINDING_CODE);
        from.setLabel(getTranslation("overrides.from"));
        to.setLabel(getTranslation("overrides.to"));
        from.setValue(LocalDate.now(TOKYO).minusYears(1));
        to.setValue(LocalDate.now(TOKYO));
        Button show = new Button(getTranslation("overrides.show"), e -> refresh());
        show.setId("override-show");
        dimension.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(dimension, from, to, show);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        rates.setId("override-rates");
        rates.addThemeVariants(GridVariant.LUMO_COMPACT);
        rates.addColumn(OverrideRate::group).setHeader(getTranslation("overrides.group")).setFlexGrow(3);
        rates.addColumn(OverrideRate::decisions).setHeader(getTranslation("overrides.decisions")).setTextAlign(ColumnTextAlign.END);
        rates.addColumn(OverrideRate::overrides).setHeader(getTranslation("overrides.overrides")).setTextAlign(ColumnTextAlign.END);
        rates.addColumn(r -> percent(r.agreementRate())).setHeader(getTranslation("overrides.agreement")).setTextAlign(ColumnTextAlign.END);
        rates.addColumn(r -> percent(r.overrideRate())).setHeader(getTranslation("overrides.overrideRate")).setTextAlign(ColumnTextAlign.END);
        rates.asSingleSelect().addValueChangeListener(e -> drill(e.getValue()));
        rates.setHeight("260px");
        chart.setId("override-chart");

        cases.setId("override-cases");
        cases.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        cases.addColumn(c -> Formats.dateTime(c.decidedAt())).setHeader(getTranslation("overrides.when"));
        cases.addColumn(DecisionCase::applicationName).setHeader(getTranslation("queue.name"));
        cases.addColumn(DecisionCase::decidedBy).setHeader(getTranslation("overrides.examiner"));
        cases.addColumn(c -> c.aiSuggestion() == null ? "" : getTranslation("outcome." + c.aiSuggestion()))
                .setHeader(getTranslation("detail.aiSuggestion"));
        cases.addColumn(c -> getTranslation("outcome." + c.outcome())).setHeader(getTranslation("detail.outcome"));
        cases.addColumn(c -> c.departsFromAi() ? "✔" : "").setHeader(getTranslation("overrides.overrides"));
        cases.addColumn(c -> c.comment() == null ? "" : c.comment()).setHeader(getTranslation("detail.comment")).setFlexGrow(3);
        cases.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("supervisor/decisions/" + e.getItem().decisionId())));
        add(new H2(getTranslation("overrides.title")), bar, new HorizontalLayout(rates, chart), casesTitle, cases);
        refresh();
    }

    private OffsetDateTime start() {
        return from.getValue().atStartOfDay(TOKYO).toOffsetDateTime();
    }

    private OffsetDateTime end() {
        return to.getValue().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime();
    }

    private void refresh() {
        List<OverrideRate> list = supervision.overrides(dimension.getValue(), start(), end());
        rates.setItems(list);
        chart.getElement().setProperty("innerHTML", svg(list));
        cases.setItems(List.of());
        casesTitle.setText("");
    }

    private void drill(OverrideRate r) {
        if (r == null) {
            return;
        }
        casesTitle.setText(getTranslation("overrides.cases", r.group()));
        cases.setItems(supervision.cases(dimension.getValue(), r.group(), start(), end()));
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** Stacked bars: agreement (blue) and override (orange) per group. */
    static String svg(List<OverrideRate> list) {
        int w = 420;
        int row = 22;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'>", w, Math.max(40, list.size() * row + 10)));
        int y = 4;
        for (OverrideRate r : list.stream().limit(12).toList()) {
            int agree = (int) Math.round(r.agreementRate() * 260);
            s.append(String.format(Locale.ROOT, "<text x='150' y='%d' font-size='11' text-anchor='end'>%s</text>", y + 13,
                    r.group().length() > 22 ? r.group().substring(0, 22) + "…" : r.group().replace("<", "&lt;")));
            s.append(String.format(Locale.ROOT, "<rect x='155' y='%d' width='%d' height='16' fill='#1c7ed6'/>", y, agree));
            s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='16' fill='#f76707'/>", 155 + agree, y,
                    260 - agree));
            y += row;
        }
        return s.append("</svg>").toString();
    }
}
