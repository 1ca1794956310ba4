package jp.shinsa.scoring.checks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.Text;

/**
 * An item's unit price on the application equals the unit price on the vendor quote
 * ({@code QUOTE_PRICE_MISMATCH}); both are tax-included. Quote lines are matched to application items
 * by what they are, not by their number: quotes number their lines their own way, reorder them and
 * add lines (installation, discounts). The match score is the similarity of the normalised names and
 * specifications (equal, contained, else character-bigram Dice); pairs are taken best first, one
 * quote line per item, and only above {@link #THRESHOLD}. An item without a matching quote line is
 * not a mismatch.
 */
final class QuotePriceRule {
    static final double THRESHOLD = 0.5;

    private record Candidate(RequestedItem item, RequestedItem line, ExtractedDocument quote, double score) {
    }

    List<Finding> check(ExtractedDocument form, List<ExtractedDocument> quotes) {
        // each quote is matched on its own: with two vendors' quotes (相見積) the price must be backed by one
        Map<RequestedItem, List<Candidate>> matches = new LinkedHashMap<>();
        for (ExtractedDocument quote : quotes) {
            for (Candidate c : match(form, quote)) {
                matches.computeIfAbsent(c.item(), i -> new ArrayList<>()).add(c);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<RequestedItem, List<Candidate>> e : matches.entrySet()) {
            RequestedItem item = e.getKey();
            boolean backed = e.getValue().stream().anyMatch(c -> Math.abs(item.unitPrice() - unitPrice(c.line()))
                    < Math.max(form.unit(), c.quote().unit()));
            if (!backed) {
                Candidate best = e.getValue().stream().max(Comparator.comparingDouble(Candidate::score)).orElseThrow();
                out.add(finding(form, best, unitPrice(best.line())));
            }
        }
        out.sort(Comparator.comparingInt(Finding::item));
        return out;
    }

    /** One quote's lines matched to the form's items: best pairs first, one line per item. */
    private static List<Candidate> match(ExtractedDocument form, ExtractedDocument quote) {
        List<Candidate> candidates = new ArrayList<>();
        for (RequestedItem item : form.items()) {
            if (item.unitPrice() == null) {
                continue;
            }
            for (RequestedItem line : quote.items()) {
                double s = similarity(item, line);
                if (s >= THRESHOLD && unitPrice(line) != null) {
                    candidates.add(new Candidate(item, line, quote, s));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<RequestedItem> usedItems = new HashSet<>();
        Set<RequestedItem> usedLines = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (usedItems.add(c.item())) {
                if (usedLines.add(c.line())) {
                    out.add(c);
                } else {
                    usedItems.remove(c.item());
                }
            }
        }
        return out;
    }

    /** The line's unit price, or its amount over its quantity when only those were read. */
    static Long unitPrice(RequestedItem line) {
        if (line.unitPrice() != null) {
            return line.unitPrice();
        }
        if (line.amount() != null && line.quantity() != null && line.quantity() > 0
                && line.amount() % line.quantity() == 0) {
            return line.amount() / line.quantity();
        }
        return null;
    }

    static double similarity(RequestedItem item, RequestedItem line) {
        double name = textSimilarity(item.name(), line.name());
        String a = normalise(item.spec());
        String b = normalise(line.spec());
        double score = name;
        if (!a.isEmpty() && !b.isEmpty()) {
            double spec = textSimilarity(a, b);
            score = Math.max((name + spec) / 2, 0.9 * Math.max(name, spec));
        } else if (!a.isEmpty() && normalise(line.name()).contains(a)) {
            // a quote that prints the model inside the name column
            score = Math.max(score, 0.9);
        }
        return item.no() == line.no() ? score + 0.01 : score;
    }

    static double textSimilarity(String x, String y) {
        String a = normalise(x);
        String b = normalise(y);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        if (a.contains(b) || b.contains(a)) {
            return 0.9;
        }
        Set<String> ga = bigrams(a);
        Set<String> gb = bigrams(b);
        int common = 0;
        for (String g : ga) {
            if (gb.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (ga.size() + gb.size());
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            out.add(s);
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    private static Finding finding(ExtractedDocument form, Candidate c, long quoted) {
        RequestedItem item = c.item();
        long diff = item.unitPrice() - quoted;
        Text msg = new Text(
                Wording.docJa(form.type(), form.file()) + "のNo." + item.no() + "「" + item.name() + "」の単価 "
                        + Wording.yenJa(item.unitPrice()) + "が" + Wording.docJa(c.quote().type(), c.quote().file())
                        + "の「" + c.line().name() + "」の単価 " + Wording.yenJa(quoted) + "と異なります（差額 "
                        + Wording.yenJa(diff) + "、税込）。",
                Wording.docEn(form.type(), form.file()) + ", item " + item.no() + " (" + item.name() + "): unit price "
                        + Wording.yenEn(item.unitPrice()) + " differs from " + Wording.yenEn(quoted) + " for \""
                        + c.line().name() + "\" in the " + Wording.docEn(c.quote().type(), c.quote().file())
                        + " (difference " + Wording.yenEn(diff) + ", tax included).");
        return new Finding(FindingCode.QUOTE_PRICE_MISMATCH, FindingCode.QUOTE_PRICE_MISMATCH.severity(), null, null,
                item.no(), DocumentType.APPLICATION_FORM, form.file(), quoted, item.unitPrice(), msg,
                List.of(item.location(), c.line().location()), null);
    }
}
