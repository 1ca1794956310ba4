package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.Text;

/**
 * Arithmetic inside one document and year: the balance sheet balances ({@code BS_IMBALANCE}), every
 * stated BS subtotal is the signed sum of its components as accounts.csv defines them
 * ({@code SUBTOTAL_MISMATCH}), and every PL line with parts, from the revenue and expense
 * breakdowns down to net income, is what its parts give ({@code PL_CASCADE_MISMATCH}).
 *
 * <p>A component that was not stated is replaced by the sum of its own components when all of those
 * were stated (a layout without 有形固定資産合計 still checks 固定資産合計); otherwise the check is
 * skipped, because a figure that was not found is not a mismatch. A document's own figures share
 * its unit and a 千円 document is rounded so its sums are exact in 千円, so sums compare exactly in
 * the document's unit.
 *
 * <p>Below the chart: a printed account total with its printed detail lines (材料費 with 医薬品費,
 * 診療材料費 … above 材料費計) must equal their sum too; the same codes report it, for the account whose
 * parts do not add up. Only rows mapped with confidence (both the total and every part at least
 * {@code minConfidence}) are checked: a doubtful mapping is the reader's problem, not the applicant's
 * (docs/decisions/013-statement-spreading.md).
 */
final class StatementArithmeticRule {
    private static final String TOTAL_ASSETS = "total_assets";
    private static final String TOTAL_LNA = "total_liabilities_and_net_assets";

    /** accounts.csv's parent → components, read once. */
    private static final Map<String, List<Account>> CHILDREN = Catalogs.accounts().values().stream()
            .collect(java.util.stream.Collectors.toMap(Account::code, a -> Catalogs.childrenOf(a.code())));

    /** Where a memo account is included (accounts.csv: "memo: included in equipment_costs"). */
    private static final Map<String, String> MEMO_HOME = memoHomes();

    private final double minConfidence;

    StatementArithmeticRule(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    private static Map<String, String> memoHomes() {
        Map<String, String> out = new java.util.HashMap<>();
        java.util.regex.Pattern home = java.util.regex.Pattern.compile("included in ([a-z_]+)");
        for (Account a : Catalogs.accounts().values()) {
            java.util.regex.Matcher m = home.matcher(a.labelEn());
            if (a.parent() == null && m.find()) {
                out.put(a.code(), m.group(1));
            }
        }
        return out;
    }

    /** A value computed from stated figures, with the figures it used. */
    private record Resolved(long value, List<Figure> figures) {
    }

    /**
     * @param doubtful where a printed total against its printed detail lines whose total or a line is mapped
     *                 with doubt goes: what the check would say, to be reported only as "confirm these rows'
     *                 accounts" (never an alarm)
     */
    List<Violation> check(FigureIndex index, List<Violation> doubtful) {
        List<Violation> out = new ArrayList<>();
        for (ExtractedDocument doc : index.documents()) {
            Map<FigureIndex.Key, Figure> figures = index.figures(doc.file());
            Set<Integer> years = new TreeSet<>();
            figures.keySet().forEach(k -> years.add(k.fiscalYear()));
            for (int year : years) {
                checkYear(doc, figures, year, out);
            }
            checkPrintedParts(doc, figures, out, doubtful);
        }
        return out;
    }

    private void checkYear(ExtractedDocument doc, Map<FigureIndex.Key, Figure> figures, int year, List<Violation> out) {
        Resolved assets = resolve(TOTAL_ASSETS, figures, year);
        Resolved claims = resolve(TOTAL_LNA, figures, year);
        Figure statedAssets = figures.get(new FigureIndex.Key(TOTAL_ASSETS, year));
        Figure statedClaims = figures.get(new FigureIndex.Key(TOTAL_LNA, year));
        if (assets != null && claims != null && (statedAssets != null || statedClaims != null)
                && differs(assets.value(), claims.value(), unitOf(assets, claims))) {
            out.add(imbalance(doc, year, assets, claims));
        }
        for (Account parent : Catalogs.accounts().values()) {
            Figure stated = figures.get(new FigureIndex.Key(parent.code(), year));
            List<Account> children = CHILDREN.get(parent.code());
            if (stated == null || children.isEmpty()) {
                continue;
            }
            long sum = 0;
            List<Figure> used = new ArrayList<>();
            boolean complete = true;
            for (Account child : children) {
                Resolved r = resolve(child.code(), figures, year);
                if (r == null) {
                    complete = false;
                    break;
                }
                sum += child.sign() * r.value();
                used.addAll(r.figures());
            }
            long unit = Math.max(stated.unit(), used.stream().mapToLong(Figure::unit).max().orElse(1));
            if (complete && differs(stated.value(), sum, unit)) {
                out.add(partsMismatch(doc, parent, stated, sum, used));
            }
        }
    }

    /** A printed total against its printed detail lines, where every row of it is confidently mapped. */
    private void checkPrintedParts(ExtractedDocument doc, Map<FigureIndex.Key, Figure> figures, List<Violation> out,
                                   List<Violation> doubtfulOut) {
        Map<String, List<StatementRow>> parts = new java.util.LinkedHashMap<>();
        Set<String> doubtful = new java.util.HashSet<>();
        for (StatementRow r : doc.rows()) {
            if (!r.heading() && r.mapping().kind() == RowMapping.Kind.PART_OF && r.mapping().account() != null) {
                parts.computeIfAbsent(r.mapping().account(), k -> new ArrayList<>()).add(r);
                if (r.mapping().confidence() < minConfidence) {
                    doubtful.add(r.mapping().account());
                }
            }
        }
        // a memo line printed among the parts of its home account is one of them (減価償却費 in 設備関係費)
        for (StatementRow r : doc.rows()) {
            String home = r.mapping().kind() == RowMapping.Kind.ACCOUNT ? MEMO_HOME.get(r.mapping().account()) : null;
            if (home != null && parts.containsKey(home) && parts.get(home).get(0).section().equals(r.section())) {
                parts.get(home).add(r);
                if (r.mapping().confidence() < minConfidence) {
                    doubtful.add(home);
                }
            }
        }
        for (var p : parts.entrySet()) {
            Account account = Catalogs.account(p.getKey()).orElse(null);
            if (account == null) {
                continue;
            }
            Set<Integer> years = new TreeSet<>();
            p.getValue().forEach(r -> years.addAll(r.values().keySet()));
            for (int year : years) {
                Figure stated = figures.get(new FigureIndex.Key(p.getKey(), year));
                if (stated == null || !stated.derivedFrom().isEmpty() || p.getValue().stream().anyMatch(r -> !r.values().containsKey(year))) {
                    continue;
                }
                boolean doubt = doubtful.contains(p.getKey()) || stated.confidence() < minConfidence;
                long sum = p.getValue().stream().mapToLong(r -> r.values().get(year)).sum();
                if (differs(stated.value(), sum, stated.unit())) {
                    (doubt ? doubtfulOut : out).add(printedPartsMismatch(doc, account, stated, sum, p.getValue()));
                }
            }
        }
    }

    private static Violation printedPartsMismatch(ExtractedDocument doc, Account account, Figure stated, long sum,
                                                  List<StatementRow> parts) {
        FindingCode code = account.isBalanceSheet() ? FindingCode.SUBTOTAL_MISMATCH : FindingCode.PL_CASCADE_MISMATCH;
        long diff = stated.value() - sum;
        String labels = parts.stream().map(StatementRow::label).collect(java.util.stream.Collectors.joining("、"));
        Text msg = new Text(
                Wording.docJa(doc.type(), doc.file()) + "の" + Wording.yearJa(stated.fiscalYear()) + "「" + stated.label() + "」"
                        + Wording.yenJa(stated.value()) + "が内訳行（" + labels + "）の合計 " + Wording.yenJa(sum)
                        + "と一致しません（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(doc.type(), doc.file()) + ", " + Wording.yearEn(stated.fiscalYear()) + ": " + account.labelEn()
                        + " " + Wording.yenEn(stated.value()) + " differs from the sum of its printed detail lines ("
                        + labels + "), " + Wording.yenEn(sum) + " (difference " + Wording.yenEn(diff) + ").");
        Set<Ref> refs = new LinkedHashSet<>();
        refs.add(FigureIndex.ref(stated));
        List<SourceLocation> evidence = new ArrayList<>();
        evidence.add(stated.location());
        for (StatementRow r : parts) {
            SourceLocation at = r.locationOf(stated.fiscalYear());
            evidence.add(at != null ? at : r.location());
        }
        return new Violation(code, account.code(), stated.fiscalYear(), doc.type(), doc.file(), sum, stated.value(),
                msg, evidence, refs, null);
    }

    private static Resolved resolve(String account, Map<FigureIndex.Key, Figure> figures, int year) {
        Figure stated = figures.get(new FigureIndex.Key(account, year));
        if (stated != null) {
            return new Resolved(stated.value(), List.of(stated));
        }
        List<Account> children = CHILDREN.getOrDefault(account, List.of());
        if (children.isEmpty()) {
            return null;
        }
        long sum = 0;
        List<Figure> used = new ArrayList<>();
        for (Account child : children) {
            Resolved r = resolve(child.code(), figures, year);
            if (r == null) {
                return null;
            }
            sum += child.sign() * r.value();
            used.addAll(r.figures());
        }
        return new Resolved(sum, used);
    }

    private static long unitOf(Resolved a, Resolved b) {
        return java.util.stream.Stream.concat(a.figures().stream(), b.figures().stream())
                .mapToLong(Figure::unit).max().orElse(1);
    }

    /** Exact in the document's unit: a difference smaller than one unit is rounding. */
    static boolean differs(long stated, long computed, long unit) {
        return Math.abs(stated - computed) >= Math.max(1, unit);
    }

    private static Violation imbalance(ExtractedDocument doc, int year, Resolved assets, Resolved claims) {
        long diff = claims.value() - assets.value();
        Text msg = new Text(
                Wording.docJa(doc.type(), doc.file()) + "の" + Wording.yearJa(year) + "貸借対照表が一致しません：資産合計 "
                        + Wording.yenJa(assets.value()) + "、負債及び純資産合計 " + Wording.yenJa(claims.value())
                        + "（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(doc.type(), doc.file()) + ", " + Wording.yearEn(year)
                        + ": the balance sheet does not balance: total assets " + Wording.yenEn(assets.value())
                        + ", total liabilities and net assets " + Wording.yenEn(claims.value())
                        + " (difference " + Wording.yenEn(diff) + ").");
        Set<Ref> refs = new LinkedHashSet<>();
        List<SourceLocation> evidence = new ArrayList<>();
        for (Figure f : claims.figures()) {
            refs.add(FigureIndex.ref(f));
            evidence.add(f.location());
        }
        for (Figure f : assets.figures()) {
            refs.add(FigureIndex.ref(f));
            evidence.add(f.location());
        }
        return new Violation(FindingCode.BS_IMBALANCE, null, year, doc.type(), doc.file(), assets.value(),
                claims.value(), msg, evidence, refs, null);
    }

    private static Violation partsMismatch(ExtractedDocument doc, Account parent, Figure stated, long sum,
                                           List<Figure> used) {
        boolean pl = !parent.isBalanceSheet();
        FindingCode code = pl ? FindingCode.PL_CASCADE_MISMATCH : FindingCode.SUBTOTAL_MISMATCH;
        long diff = stated.value() - sum;
        String partsJa = pl ? "その構成項目から計算した額" : "内訳の合計";
        String partsEn = pl ? "what its parts give" : "the sum of its components";
        Text msg = new Text(
                Wording.docJa(doc.type(), doc.file()) + "の" + Wording.yearJa(stated.fiscalYear()) + "「"
                        + parent.labelJa() + "」" + Wording.yenJa(stated.value()) + "が" + partsJa + " "
                        + Wording.yenJa(sum) + "と一致しません（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(doc.type(), doc.file()) + ", " + Wording.yearEn(stated.fiscalYear()) + ": "
                        + parent.labelEn() + " " + Wording.yenEn(stated.value()) + " differs from " + partsEn + ", "
                        + Wording.yenEn(sum) + " (difference " + Wording.yenEn(diff) + ").");
        Set<Ref> refs = new LinkedHashSet<>();
        List<SourceLocation> evidence = new ArrayList<>();
        refs.add(FigureIndex.ref(stated));
        evidence.add(stated.location());
        for (Figure f : used) {
            refs.add(FigureIndex.ref(f));
            evidence.add(f.location());
        }
        return new Violation(code, parent.code(), stated.fiscalYear(), doc.type(), doc.file(), sum, stated.value(),
                msg, evidence, refs, null);
    }
}
