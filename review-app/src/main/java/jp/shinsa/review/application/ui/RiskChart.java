package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** A generated SVG bar chart of the risk score's factor contributions (no commercial chart library). */
final class RiskChart {
    private RiskChart() {
    }

    static Div of(JsonNode risk, boolean english) {
        List<JsonNode> factors = new ArrayList<>();
        risk.path("factors").forEach(factors::add);
        factors.sort(Comparator.comparingDouble((JsonNode f) -> -Math.abs(f.path("contribution").asDouble())));
        double max = factors.stream().mapToDouble(f -> Math.abs(f.path("contribution").asDouble())).max().orElse(1);
        max = Math.max(max, 1e-9);
        int rowH = 26;
        int labelW = 220;
        int barW = 320;
        int h = factors.size() * rowH + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='risk factors'>",
                labelW + barW + 80, h));
        int zero = labelW + barW / 2;
        svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='0' x2='%d' y2='%d' stroke='#888'/>", zero, zero, h - 20));
        int y = 4;
        for (JsonNode f : factors) {
            double c = f.path("contribution").asDouble();
            int w = (int) Math.round(Math.abs(c) / max * (barW / 2.0 - 4));
            int x = c >= 0 ? zero : zero - w;
            String color = c >= 0 ? "#e03131" : "#2f9e44";
            svg.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' font-size='12' text-anchor='end'>%s</text>", labelW - 6, y + 15,
                    DocumentViewer.escape(FactorNames.label(f.path("feature").asString(), english))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%d' y='%d' width='%d' height='18' fill='%s'><title>%s</title></rect>", x, y, Math.max(w, 1),
                    color, DocumentViewer.escape(f.path(english ? "reasonEn" : "reason").asString(""))));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' fill='#333'>%+.1f</text>",
                    c >= 0 ? x + w + 4 : x - 40, y + 14, c));
            y += rowH;
        }
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' fill='#555'>%s</text>", labelW, h - 4,
                english ? "← lowers risk   raises risk →" : "← リスクを下げる　　リスクを上げる →"));
        svg.append("</svg>");
        Div d = new Div();
        d.setId("risk-chart");
        d.getElement().setProperty("innerHTML", svg.toString());
        return d;
    }
}
