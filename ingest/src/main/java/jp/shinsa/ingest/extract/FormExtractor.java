package jp.shinsa.ingest.extract;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.Applicant;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.SubsidyRequest;

/**
 * The application form's and the quote's parts: the item table ({@link ItemTable}: columns found by their
 * header words, cells placed by horizontal overlap), the money block (合計, 補助基準額, 補助率, 補助所要額),
 * the program named by 補助事業名 and the applicant.
 */
public final class FormExtractor {

    private static final Pattern TRAILING_AMOUNT = Pattern.compile("([△▲\\-]?[¥￥]?\\d{1,3}(?:,\\d{3})+|[△▲\\-]?[¥￥]?\\d+)\\s*円?\\s*[-－]?$");
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)|(\\d+)\\s*分\\s*の\\s*(\\d+)");

    public List<RequestedItem> items(DocumentLayout layout) {
        return ItemTable.items(layout);
    }

    public SubsidyRequest subsidy(DocumentLayout layout) {
        Long total = null;
        Long cap = null;
        String rate = null;
        Long requested = null;
        SourceLocation loc = null;
        for (Line l : layout.lines()) {
            List<Cell> cells = l.cells();
            for (int i = 0; i < cells.size(); i++) {
                String t = JapaneseText.compact(cells.get(i).text());
                if (total == null && (t.startsWith("合計") || t.startsWith("総事業費") || t.startsWith("総額")) && !t.startsWith("合計額の")) {
                    total = amountAfter(cells, i, t);
                    if (total != null) {
                        loc = cells.get(i).location();
                    }
                } else if (cap == null && t.startsWith("補助基準額")) {
                    cap = amountAfter(cells, i, t);
                } else if (rate == null && t.startsWith("補助率")) {
                    rate = rateAfter(cells, i, t);
                } else if (requested == null && (t.startsWith("補助所要額") || t.startsWith("補助金所要額") || t.startsWith("交付申請額")
                        || t.startsWith("補助金申請額"))) {
                    requested = amountAfter(cells, i, t);
                }
            }
        }
        if (total == null && cap == null && rate == null && requested == null) {
            return null;
        }
        return new SubsidyRequest(total, cap, rate, requested, loc);
    }

    private static Long amountAfter(List<Cell> cells, int i, String own) {
        Matcher m = TRAILING_AMOUNT.matcher(own.replaceAll("^[^0-9△▲¥￥\\-]*", "x"));
        String rest = own.replaceFirst("^[^0-9△▲¥￥\\-]+(\\([^)]*\\))?", "");
        if (!rest.isEmpty()) {
            OptionalLong v = Amounts.parse(rest.replaceAll("円$", ""));
            if (v.isPresent()) {
                return v.getAsLong();
            }
        }
        for (int j = i + 1; j < cells.size(); j++) {
            String t = JapaneseText.compact(cells.get(j).text()).replaceAll("円$", "");
            OptionalLong v = Amounts.parse(t);
            if (v.isPresent()) {
                return v.getAsLong();
            }
            if (t.isEmpty() || t.equals("円") || t.startsWith("(")) {
                continue;
            }
            break;
        }
        return m.matches() ? null : null;
    }

    private static String rateAfter(List<Cell> cells, int i, String own) {
        StringBuilder b = new StringBuilder(own.substring(3));
        for (int j = i + 1; j < cells.size() && j <= i + 2; j++) {
            b.append(' ').append(JapaneseText.compact(cells.get(j).text()));
        }
        Matcher m = RATE.matcher(b);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) + "/" + m.group(2) : m.group(4) + "/" + m.group(3);
        }
        return null;
    }

    /** The program code named by 補助事業名 (or, failing that, anywhere in the text). */
    public String program(DocumentLayout layout) {
        for (Line l : layout.lines()) {
            String t = JapaneseText.compact(l.text());
            int k = t.indexOf("補助事業名");
            if (k < 0) {
                k = t.indexOf("事業名");
            }
            if (k >= 0) {
                String code = programIn(t.substring(k));
                if (code != null) {
                    return code;
                }
            }
        }
        return programIn(JapaneseText.compact(layout.text()));
    }

    static String programIn(String text) {
        String best = null;
        int bestPos = Integer.MAX_VALUE;
        for (Program p : Catalogs.programs().values()) {
            int pos = text.indexOf(JapaneseText.compact(p.nameJa()));
            if (pos >= 0 && pos < bestPos) {
                bestPos = pos;
                best = p.code();
            }
        }
        if (best != null) {
            return best;
        }
        // a name written a little differently (事業 omitted, 設備 for 設備整備): best bigram similarity
        double bestScore = 0;
        for (Program p : Catalogs.programs().values()) {
            String name = JapaneseText.compact(p.nameJa());
            String window = text.length() > name.length() + 20 ? text.substring(0, Math.min(text.length(), 60)) : text;
            double d = AccountMatcher.dice(name, window.replaceAll("^.*?事業名[:]?", "").substring(0,
                    Math.min(window.replaceAll("^.*?事業名[:]?", "").length(), name.length() + 2)));
            if (d > bestScore) {
                bestScore = d;
                best = p.code();
            }
        }
        return bestScore >= 0.6 ? best : null;
    }

    public Applicant applicant(DocumentLayout layout) {
        String corp = null;
        String facility = null;
        String address = null;
        Integer beds = null;
        for (Line l : layout.lines()) {
            List<Cell> cells = l.cells();
            for (int i = 0; i < cells.size(); i++) {
                String t = JapaneseText.compact(cells.get(i).text());
                if (corp == null && (t.startsWith("法人名") || t.startsWith("申請者名") || t.startsWith("開設者"))) {
                    corp = valueAfter(cells, i, t);
                } else if (facility == null && (t.startsWith("施設名") || t.startsWith("医療機関名") || t.startsWith("病院名"))) {
                    facility = valueAfter(cells, i, t);
                } else if (address == null && (t.startsWith("所在地") || t.startsWith("住所"))) {
                    address = valueAfter(cells, i, t);
                } else if (beds == null && t.startsWith("病床数")) {
                    String v = valueAfter(cells, i, t);
                    if (v != null) {
                        Matcher m = Pattern.compile("(\\d{1,4})").matcher(v.replace(",", ""));
                        if (m.find()) {
                            beds = Integer.parseInt(m.group(1));
                        }
                    }
                }
            }
        }
        return new Applicant(corp, facility, address, beds);
    }

    private static String valueAfter(List<Cell> cells, int i, String own) {
        String rest = own.replaceFirst("^(法人名|申請者名|開設者|施設名|医療機関名|病院名|所在地|住所|病床数)[:]?", "");
        if (!rest.isEmpty()) {
            return rest;
        }
        StringBuilder b = new StringBuilder();
        for (int j = i + 1; j < cells.size(); j++) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(JapaneseText.nfkc(cells.get(j).text()).strip());
        }
        String s = b.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
