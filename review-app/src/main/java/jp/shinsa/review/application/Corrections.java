package jp.shinsa.review.application;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.RequestedItem;

/** Applies corrections, oldest first, to what was read; a later correction of the same value wins. */
final class Corrections {
    private Corrections() {
    }

    static ExtractedApplication apply(ExtractedApplication app, List<Correction> corrections) {
        List<ExtractedDocument> docs = new ArrayList<>();
        for (ExtractedDocument d : app.documents()) {
            List<Figure> figures = new ArrayList<>(d.figures());
            List<RequestedItem> items = new ArrayList<>(d.items());
            for (Correction c : corrections) {
                if (!c.file().equals(d.file())) {
                    continue;
                }
                if (c.kind() == Correction.Kind.FIGURE) {
                    long value = parseYen(c.correctedValue());
                    boolean found = false;
                    for (int i = 0; i < figures.size(); i++) {
                        Figure f = figures.get(i);
                        if (f.account().equals(c.account()) && f.fiscalYear() == c.fiscalYear()) {
                            figures.set(i, f.withValue(value));
                            found = true;
                        }
                    }
                    if (!found) {
                        // A figure the extractor missed, entered by the examiner.
                        figures.add(new Figure(d.file(), d.type(), c.account(), c.fiscalYear(), value,
                                "（審査員入力）", d.unit(), 1.0, jp.shinsa.models.SourceLocation.ofFile(d.file())));
                    }
                } else {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).no() == c.itemNo()) {
                            items.set(i, withField(items.get(i), c.field(), c.correctedValue()));
                        }
                    }
                }
            }
            docs.add(new ExtractedDocument(d.file(), d.type(), d.pages(), d.ocr(), d.error(), d.unit(), figures,
                    d.comparisonDeltas(), items, d.subsidy(), d.program(), d.applicant(), d.unmappedRows(), d.text(),
                    d.rows()));
        }
        return new ExtractedApplication(app.name(), docs);
    }

    static RequestedItem withField(RequestedItem it, String field, String value) {
        return switch (field) {
            case "name" -> new RequestedItem(it.no(), value, it.spec(), it.maker(), it.quantity(), it.unitPrice(),
                    it.amount(), it.purpose(), it.location());
            case "quantity" -> new RequestedItem(it.no(), it.name(), it.spec(), it.maker(), parseYen(value),
                    it.unitPrice(), it.amount(), it.purpose(), it.location());
            case "unitPrice" -> new RequestedItem(it.no(), it.name(), it.spec(), it.maker(), it.quantity(),
                    parseYen(value), it.amount(), it.purpose(), it.location());
            case "amount" -> new RequestedItem(it.no(), it.name(), it.spec(), it.maker(), it.quantity(),
                    it.unitPrice(), parseYen(value), it.purpose(), it.location());
            default -> throw new IllegalArgumentException("cannot correct item field " + field);
        };
    }

    /** "1,234,000", "△5,000", "-5000" → yen. */
    static long parseYen(String text) {
        String t = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC)
                .replace(",", "").replace("円", "").replace(" ", "");
        boolean negative = t.startsWith("△") || t.startsWith("▲") || t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        if (!t.matches("\\d{1,15}")) {
            throw new IllegalArgumentException("not an amount in yen: " + text);
        }
        long v = Long.parseLong(t);
        return negative ? -v : v;
    }
}
