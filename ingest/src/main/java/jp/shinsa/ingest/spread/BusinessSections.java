package jp.shinsa.ingest.spread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinsa.ingest.spread.StatementSpreader.Item;
import jp.shinsa.ingest.spread.StatementSpreader.Option;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.RowMapping;

/**
 * An income statement that prints its operating result per business (the 医療法人 事業報告書 form: A 本来業務,
 * B 附帯業務, C 収益業務, each with its own 事業収益, 事業費用 and 事業利益, then the 事業利益 of all), read by its
 * structure and its arithmetic, not by the wordings of one form (docs/decisions/024-business-sections.md).
 * <p>
 * <b>Structure.</b> The statement prints the operating profit more than once: several lines the label reads
 * as the profit (an account reading of {@value #PROFIT} with label evidence), then one more whose value is the
 * sum of the lines before it in every year. Each earlier profit line closes a <i>business</i>: the rows
 * between it and the line before it. A business has a revenue side and an expense side, read from the
 * sections the rows stand in (事業収益 / 事業費用 headings) or from what their labels name; each side is its
 * printed total (a row the label names as the revenue or expense account) or, without one, the sum of its
 * lines. <b>Arithmetic.</b> The structure is taken when the businesses' profits add up to the total
 * (every year), or when exactly one business's profit line disagrees with its own revenue − expenses and
 * its corrected value makes the total add up (a misprinted business profit); otherwise nothing changes.
 * <p>
 * <b>Reading</b> (the chart has one 医業収益, one 医業費用): 医業収益 is the sum of every business's
 * 事業収益 (a roll-up whose {@code derivedFrom} lists them), 医業費用 the sum of their 事業費用; the printed
 * 事業利益 is 医業利益. The first business's lines are read as usual (入院診療収益, 材料費, …). When it
 * prints the revenue's (expense's) components, the later businesses' 事業収益 (事業費用) and the first
 * business's lines that name no component (本部費) are parts of the その他 component (その他の医業収益,
 * 経費), with that component's own printed line among them, so that every chart identity holds. The
 * businesses' own totals and profit lines are intermediate results: kept as rows (IGNORED with a reason),
 * not chart accounts, so they raise no UNMAPPED_ROWS.
 */
final class BusinessSections {
    static final String PROFIT = "medical_profit";
    static final String REVENUE = "medical_revenue";
    static final String EXPENSES = "medical_expenses";
    /** Confidence of a row read by the businesses' structure, confirmed by their arithmetic. */
    static final double CONFIDENCE = 0.9;

    static final String WHY_PROFIT = "business profit";
    static final String WHY_TOTAL = "business total";
    static final String WHY_OTHER = "business in other";

    private BusinessSections() {
    }

    /** A business: its rows (profit line last), its revenue and expense sides. */
    private record Business(List<Item> rows, Item profit, Item revenueTotal, List<Item> revenueLines, Item expenseTotal,
                            List<Item> expenseLines) {
        List<Item> revenue() {
            return revenueTotal != null ? List.of(revenueTotal) : revenueLines;
        }

        List<Item> expenses() {
            return expenseTotal != null ? List.of(expenseTotal) : expenseLines;
        }
    }

    /**
     * Reads the businesses of {@code items}, if the statement prints several, and fixes their rows'
     * readings in place. Returns the accounts printed only as the businesses' sums (医業収益, 医業費用)
     * with the rows they add up (empty when the statement prints no businesses).
     */
    static Map<String, List<Item>> read(List<Item> items) {
        List<Integer> profits = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (reads(items.get(i), PROFIT) && !items.get(i).taught && !items.get(i).row.values().isEmpty()) {
                profits.add(i);
            }
        }
        for (int t = 2; t < profits.size(); t++) {
            List<Business> businesses = businesses(items, profits.subList(0, t));
            if (businesses != null && addsUp(businesses, items.get(profits.get(t)))) {
                return apply(items, businesses);
            }
        }
        return Map.of();
    }

    /** Whether one of the row's readings with label evidence is {@code account}. */
    private static boolean reads(Item it, String account) {
        return it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account())
                && o.score() >= StatementSpreader.WEAK_LABEL);
    }

    /** The best reading's account when the label names it ({@link StatementSpreader#NAMES_ACCOUNT}), else null. */
    private static String named(Item it) {
        Option o = it.options.get(0);
        return o.kind() == RowMapping.Kind.ACCOUNT && o.score() >= StatementSpreader.NAMES_ACCOUNT ? o.account() : null;
    }

    private static String best(Item it) {
        Option o = it.options.get(0);
        return o.kind() == RowMapping.Kind.ACCOUNT || o.kind() == RowMapping.Kind.PART_OF ? o.account() : null;
    }

    /** The businesses closed by these profit lines, or null when one lacks a revenue or an expense side. */
    private static List<Business> businesses(List<Item> items, List<Integer> profitLines) {
        List<Business> out = new ArrayList<>();
        int start = profitLines.get(0);
        // the first business starts where the operating part does: rows standing in or reading as the profit's subtree
        while (start > 0 && operating(items.get(start - 1))) {
            start--;
        }
        for (int p : profitLines) {
            List<Item> rows = new ArrayList<>(items.subList(start, p + 1));
            Item revenueTotal = null;
            Item expenseTotal = null;
            List<Item> revenueLines = new ArrayList<>();
            List<Item> expenseLines = new ArrayList<>();
            for (Item it : rows.subList(0, rows.size() - 1)) {
                String named = named(it);
                String account = best(it);
                if (account != null && StatementSpreader.memo(account)) {
                    continue; // 減価償却費: a memo line inside the expenses, read as usual
                }
                if (REVENUE.equals(named)) {
                    revenueTotal = it;
                } else if (EXPENSES.equals(named)) {
                    expenseTotal = it;
                } else if (side(it, REVENUE)) {
                    revenueLines.add(it);
                } else if (side(it, EXPENSES)) {
                    expenseLines.add(it);
                } else {
                    return null;
                }
            }
            Business b = new Business(rows, items.get(p), revenueTotal, revenueLines, expenseTotal, expenseLines);
            if (b.revenue().isEmpty() || b.expenses().isEmpty()) {
                return null;
            }
            out.add(b);
            start = p + 1;
        }
        return out;
    }

    /** A row of the operating part: it stands in the profit's section (or below it), or reads as an account below the profit. */
    private static boolean operating(Item it) {
        if (it.sectionAccount != null && StatementSpreader.isAncestorOrSelf(PROFIT, it.sectionAccount)) {
            return true;
        }
        String account = best(it);
        return account != null && !account.equals(PROFIT) && StatementSpreader.isAncestorOrSelf(PROFIT, account);
    }

    /** Whether a row stands on this side (revenue or expenses) by its section, or by what its label reads as. */
    private static boolean side(Item it, String total) {
        if (it.sectionAccount != null && StatementSpreader.isAncestorOrSelf(total, it.sectionAccount)) {
            return true;
        }
        String account = best(it);
        return account != null && StatementSpreader.isAncestorOrSelf(total, account);
    }

    private static Map<Integer, Long> sum(List<Item> rows) {
        return StatementSpreader.sumOf(rows);
    }

    private static long tolerance(Item any, int terms) {
        return any.unit == 1 ? 0 : any.unit * (terms + 1) / 2;
    }

    /** Revenue − expenses of a business, per year. */
    private static Map<Integer, Long> result(Business b) {
        Map<Integer, Long> r = new java.util.TreeMap<>(sum(b.revenue()));
        Map<Integer, Long> e = sum(b.expenses());
        r.keySet().retainAll(e.keySet());
        r.replaceAll((y, v) -> v - e.get(y));
        return r;
    }

    private static boolean equal(Map<Integer, Long> a, Map<Integer, Long> b, long tolerance) {
        if (a.isEmpty() || !a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(y -> Math.abs(y.getValue() - b.get(y.getKey())) <= tolerance);
    }

    /**
     * The businesses' profits add up to the total line; or exactly one business's profit line disagrees
     * with its revenue − expenses and, corrected, makes the total add up (its own line is misprinted).
     */
    private static boolean addsUp(List<Business> businesses, Item total) {
        Map<Integer, Long> printed = total.signedValues();
        List<Item> lines = businesses.stream().map(Business::profit).toList();
        long tol = tolerance(total, lines.size() + 1);
        if (equal(sum(lines), printed, tol)) {
            return true;
        }
        List<Business> wrong = businesses.stream().filter(b -> !equal(b.profit().signedValues(), result(b), tolerance(total, 3))).toList();
        if (wrong.size() != 1) {
            return false;
        }
        Map<Integer, Long> corrected = new java.util.TreeMap<>(sum(lines));
        Map<Integer, Long> off = wrong.get(0).profit().signedValues();
        Map<Integer, Long> right = result(wrong.get(0));
        corrected.replaceAll((y, v) -> right.containsKey(y) && off.containsKey(y) ? v - off.get(y) + right.get(y) : v);
        return equal(corrected, printed, tol);
    }

    private static Map<String, List<Item>> apply(List<Item> items, List<Business> businesses) {
        Map<String, List<Item>> rollups = new LinkedHashMap<>();
        rollups.put(REVENUE, new ArrayList<>());
        rollups.put(EXPENSES, new ArrayList<>());
        Business first = businesses.get(0);
        // the first business prints the chart's components (入院診療収益 …, 材料費 …) when one of its lines reads as one
        String otherRevenue = StatementSpreader.partTarget(REVENUE);
        String otherExpenses = StatementSpreader.partTarget(EXPENSES);
        boolean revenueComponents = first.revenueLines().stream().anyMatch(it -> component(it, REVENUE));
        boolean expenseComponents = first.expenseLines().stream().anyMatch(it -> component(it, EXPENSES));
        for (int i = 0; i < businesses.size(); i++) {
            Business b = businesses.get(i);
            replace(items, b.profit(), new Option(RowMapping.Kind.IGNORED, PROFIT, CONFIDENCE, WHY_PROFIT));
            readSide(items, b, i == 0, b.revenueTotal(), b.revenueLines(), revenueComponents, otherRevenue, REVENUE, rollups);
            readSide(items, b, i == 0, b.expenseTotal(), b.expenseLines(), expenseComponents, otherExpenses, EXPENSES, rollups);
        }
        return rollups;
    }

    /** Whether the row reads as a component of {@code total} in the chart (its child). */
    private static boolean component(Item it, String total) {
        String a = named(it) != null ? named(it) : best(it);
        Account acc = a == null ? null : Catalogs.accounts().get(a);
        return acc != null && total.equals(acc.parent()) && it.options.get(0).kind() == RowMapping.Kind.ACCOUNT
                && it.options.get(0).score() >= StatementSpreader.WEAK_LABEL;
    }

    private static void readSide(List<Item> items, Business b, boolean first, Item total, List<Item> lines, boolean components,
                             String other, String account, Map<String, List<Item>> rollups) {
        List<Item> rolled = rollups.get(account);
        if (total != null) {
            if (components && !first && lines.isEmpty()) {
                // a later business printed as one line: part of the その他 component
                rolled.add(replace(items, total, new Option(RowMapping.Kind.PART_OF, other, CONFIDENCE, WHY_OTHER)));
            } else {
                rolled.add(replace(items, total, new Option(RowMapping.Kind.IGNORED, account, CONFIDENCE, WHY_TOTAL)));
            }
        }
        List<Item> newLines = new ArrayList<>();
        for (Item it : lines) {
            boolean own = first && components && component(it, account) && !other.equals(best(it));
            if (own || !components) {
                newLines.add(it); // read as usual
            } else {
                // the その他 component's own line, a line naming no component (本部費), a later business's lines
                newLines.add(replace(items, it, new Option(RowMapping.Kind.PART_OF, other, CONFIDENCE, WHY_OTHER)));
            }
        }
        if (total == null) {
            rolled.addAll(newLines);
        }
    }

    private static Item replace(List<Item> items, Item it, Option o) {
        Item fixed = new Item(it.row, it.reading, it.sectionAccount, it.sectionPath, List.of(o), true, false);
        fixed.unit = it.unit;
        items.set(items.indexOf(it), fixed);
        return fixed;
    }

    static String whyJa(Option o) {
        return switch (o.why()) {
            case WHY_PROFIT -> "事業別の利益（事業利益の内訳、勘定科目ではない。各事業の利益の計が事業利益と一致）";
            case WHY_TOTAL -> "事業別の計（医業収益・医業費用は各事業の計の合計）";
            case WHY_OTHER -> "他の事業または内訳科目にない行（その他の科目の一部として集計）";
            default -> null;
        };
    }

    static String whyEn(Option o) {
        return switch (o.why()) {
            case WHY_PROFIT -> "a business's own profit (part of 事業利益, no chart account; the businesses' profits add up to it)";
            case WHY_TOTAL -> "a business's own total (医業収益 / 医業費用 are the sum of every business's)";
            case WHY_OTHER -> "another business, or a line naming no component: part of the その他 account";
            default -> null;
        };
    }
}
