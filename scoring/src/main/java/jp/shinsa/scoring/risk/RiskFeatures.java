package jp.shinsa.scoring.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.Figure;

/**
 * The risk features of one applicant for its latest fiscal year, each with where its inputs came
 * from. Computed alike from an extracted application ({@link #of(ExtractedApplication)}) and from one
 * row of past applicants ({@link #ofAccounts}), so a model trained on past applicants scores live
 * applications.
 *
 * <p>Missing values are explicit: a feature whose inputs are absent (or whose denominator is zero)
 * has a null value, and models see it as missing (NaN) — never as zero.
 *
 * @param fiscalYear the latest fiscal year with figures, or 0 when there are none
 * @param values     every {@link RiskFeature}, in enum order
 */
public record RiskFeatures(int fiscalYear, Map<RiskFeature, Value> values) {

    /**
     * @param value  the feature's value, or null when it cannot be computed
     * @param source the files and years its inputs came from ("決算書.pdf FY2024; 入力シート.xlsx FY2023"),
     *               null when the value is missing
     */
    public record Value(Double value, String source) {
        static final Value MISSING = new Value(null, null);
    }

    /** Preferred sources of a figure, best first: the statements, then the input sheet (earlier years). */
    private static final List<DocumentType> PREFERENCE = List.of(DocumentType.FINANCIAL_STATEMENTS,
            DocumentType.INPUT_SHEET, DocumentType.BS_COMPARISON);

    public RiskFeatures {
        Map<RiskFeature, Value> copy = new EnumMap<>(RiskFeature.class);
        for (RiskFeature f : RiskFeature.values()) {
            copy.put(f, values == null ? Value.MISSING : values.getOrDefault(f, Value.MISSING));
        }
        values = Collections.unmodifiableMap(copy);
    }

    public Double value(RiskFeature feature) {
        return values.get(feature).value();
    }

    public String source(RiskFeature feature) {
        return values.get(feature).source();
    }

    /** Values in the order of {@code featureCodes} (codes of {@link RiskFeature}); NaN where missing. */
    public double[] vector(List<String> featureCodes) {
        double[] out = new double[featureCodes.size()];
        for (int i = 0; i < out.length; i++) {
            String code = featureCodes.get(i);
            Double v = RiskFeature.ofCode(code).map(this::value).orElse(null);
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    /** Features from the best available figure per account and year of an extracted application. */
    public static RiskFeatures of(ExtractedApplication application) {
        Objects.requireNonNull(application, "application");
        Map<Integer, Map<String, Sourced>> years = new TreeMap<>();
        Comparator<Figure> best = Comparator.<Figure>comparingInt(f -> rank(f.documentType()))
                .thenComparing(Comparator.comparingDouble(Figure::confidence).reversed());
        List<Figure> figures = new ArrayList<>(application.figures());
        figures.sort(best);
        for (Figure f : figures) {
            if (rank(f.documentType()) >= PREFERENCE.size()) {
                continue;
            }
            years.computeIfAbsent(f.fiscalYear(), y -> new TreeMap<>())
                    .putIfAbsent(f.account(), new Sourced(f.value(), f.file() + " FY" + f.fiscalYear()));
        }
        return compute(years);
    }

    /**
     * Features from one year of account figures (codes of accounts.csv, whole yen), as in a row of
     * past-applicants.csv. Absent accounts are missing.
     */
    public static RiskFeatures ofAccounts(Map<String, Long> accounts, int fiscalYear, String source) {
        Map<String, Sourced> year = new TreeMap<>();
        accounts.forEach((k, v) -> {
            if (v != null) {
                year.put(k, new Sourced(v, source));
            }
        });
        Map<Integer, Map<String, Sourced>> years = new TreeMap<>();
        years.put(fiscalYear, year);
        return compute(years);
    }

    private static int rank(DocumentType type) {
        int i = PREFERENCE.indexOf(type);
        return i < 0 ? PREFERENCE.size() : i;
    }

    private record Sourced(long value, String source) {
    }

    /** Accounts of one year, looked up by code; every lookup records its source. */
    private static final class Year {
        final Map<String, Sourced> figures;
        final Set<String> used = new LinkedHashSet<>();

        Year(Map<String, Sourced> figures) {
            this.figures = figures == null ? Map.of() : figures;
        }

        Double get(String account) {
            Sourced s = figures.get(account);
            if (s == null) {
                return null;
            }
            used.add(s.source());
            return (double) s.value();
        }

        /** Total assets, or current + fixed assets when only the parts are given. */
        Double totalAssets() {
            Double t = get("total_assets");
            return t != null ? t : sum(get("current_assets"), get("fixed_assets"));
        }

        Double netAssets() {
            Double n = get("net_assets");
            if (n != null) {
                return n;
            }
            Double l = get("total_liabilities");
            if (l == null) {
                l = sum(get("current_liabilities"), get("fixed_liabilities"));
            }
            Double t = totalAssets();
            return l == null || t == null ? null : t - l;
        }

        /** Short- plus long-term borrowings; one alone counts when the other is absent. */
        Double borrowings() {
            Double s = get("short_term_borrowings");
            Double l = get("long_term_borrowings");
            if (s == null && l == null) {
                return null;
            }
            return (s == null ? 0 : s) + (l == null ? 0 : l);
        }

        String sources() {
            return used.isEmpty() ? null : String.join("; ", used);
        }
    }

    private static Double sum(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    private static Double ratio(Double num, Double den) {
        if (num == null || den == null || den == 0) {
            return null;
        }
        return num / den;
    }

    private static Double positiveRatio(Double num, Double den) {
        return den == null || den <= 0 ? null : ratio(num, den);
    }

    private static RiskFeatures compute(Map<Integer, Map<String, Sourced>> years) {
        Map<RiskFeature, Value> out = new EnumMap<>(RiskFeature.class);
        // The latest year with a revenue or a balance sheet; later years with stray figures do not count.
        int latest = years.entrySet().stream()
                .filter(e -> e.getValue().containsKey("medical_revenue") || e.getValue().containsKey("total_assets")
                        || e.getValue().containsKey("net_assets"))
                .mapToInt(Map.Entry::getKey).max().orElse(0);
        if (latest == 0) {
            return new RiskFeatures(0, out);
        }
        put(out, RiskFeature.EQUITY_RATIO, years.get(latest), y -> positiveRatio(y.netAssets(), y.totalAssets()));
        put(out, RiskFeature.CURRENT_RATIO, years.get(latest), y -> {
            Double r = positiveRatio(y.get("current_assets"), y.get("current_liabilities"));
            return r == null ? null : Math.min(r, RiskFeature.MAX_CURRENT_RATIO);
        });
        put(out, RiskFeature.BORROWINGS_TO_REVENUE, years.get(latest),
                y -> positiveRatio(y.borrowings(), y.get("medical_revenue")));
        put(out, RiskFeature.DEBT_REDEMPTION_YEARS, years.get(latest), RiskFeatures::redemptionYears);
        put(out, RiskFeature.MEDICAL_PROFIT_MARGIN, years.get(latest), y -> {
            Double p = y.get("medical_profit");
            if (p == null) {
                Double r = y.get("medical_revenue");
                Double e = y.get("medical_expenses");
                p = r == null || e == null ? null : r - e;
            }
            return positiveRatio(p, y.get("medical_revenue"));
        });
        put(out, RiskFeature.ORDINARY_PROFIT_MARGIN, years.get(latest),
                y -> positiveRatio(y.get("ordinary_profit"), y.get("medical_revenue")));
        put(out, RiskFeature.NET_PROFIT_MARGIN, years.get(latest),
                y -> positiveRatio(y.get("net_income"), y.get("medical_revenue")));
        put(out, RiskFeature.CASH_TO_TOTAL_ASSETS, years.get(latest),
                y -> positiveRatio(y.get("cash_and_deposits"), y.totalAssets()));
        put(out, RiskFeature.INTEREST_BURDEN, years.get(latest),
                y -> positiveRatio(y.get("interest_expense"), y.get("medical_revenue")));
        put(out, RiskFeature.NEGATIVE_NET_ASSETS, years.get(latest), y -> {
            Double n = y.netAssets();
            return n == null ? null : (n < 0 ? 1.0 : 0.0);
        });
        if (years.containsKey(latest - 1)) {
            Year now = new Year(years.get(latest));
            Year before = new Year(years.get(latest - 1));
            Double growth = ratio(now.get("medical_revenue"), before.get("medical_revenue"));
            if (growth != null && before.get("medical_revenue") > 0) {
                Set<String> src = new LinkedHashSet<>(now.used);
                src.addAll(before.used);
                out.put(RiskFeature.REVENUE_GROWTH, new Value(growth - 1, String.join("; ", src)));
            }
        }
        // Years of loss among the latest three years that report a net income (one year for a past
        // applicants row: a 0/1 there; see docs/decisions/005-risk-explanation.md).
        int losses = 0;
        int counted = 0;
        Set<String> src = new LinkedHashSet<>();
        for (int y = latest; y > latest - 3; y--) {
            Year year = new Year(years.get(y));
            Double ni = year.get("net_income");
            if (ni == null) {
                Double op = year.get("ordinary_profit");
                ni = op;
            }
            if (ni != null) {
                counted++;
                losses += ni < 0 ? 1 : 0;
                src.addAll(year.used);
            }
        }
        if (counted > 0) {
            out.put(RiskFeature.LOSS_YEARS, new Value((double) losses, String.join("; ", src)));
        }
        return new RiskFeatures(latest, out);
    }

    private static Double redemptionYears(Year y) {
        Double debt = y.borrowings();
        Double cash = y.get("cash_and_deposits");
        Double op = y.get("ordinary_profit");
        Double dep = y.get("depreciation");
        if (debt == null || op == null) {
            return null;
        }
        // Without a cash figure the gross debt is used (more cautious); without depreciation, the
        // ordinary profit alone.
        double netDebt = debt - (cash == null ? 0 : cash);
        double flow = op + (dep == null ? 0 : dep);
        if (netDebt <= 0) {
            return 0.0;
        }
        if (flow <= 0) {
            return RiskFeature.MAX_REDEMPTION_YEARS;
        }
        return Math.min(netDebt / flow, RiskFeature.MAX_REDEMPTION_YEARS);
    }

    private interface Formula {
        Double apply(Year y);
    }

    private static void put(Map<RiskFeature, Value> out, RiskFeature f, Map<String, Sourced> figures, Formula formula) {
        Year y = new Year(figures);
        Double v = formula.apply(y);
        if (v != null && !v.isNaN() && !v.isInfinite()) {
            out.put(f, new Value(v, y.sources()));
        }
    }
}
