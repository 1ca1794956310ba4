package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.shinsa.models.Account;
import jp.shinsa.models.Applicant;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.SubsidyRequest;

/**
 * A made-up application in which every document agrees: statements of FY2024 (optionally with the
 * FY2023 column), an input sheet of FY2022–2024, a BS comparison of FY2023/2024 with its 増減, an
 * application form for the emergency program and a quote that numbers, orders and names its lines
 * its own way. Amounts are whole thousands except cash and reserves, which carry the same offset
 * (so a 千円 copy rounds consistently, as the contract's documents do). Each {@code with…} method
 * plants one departure.
 */
final class ApplicationFixture {
    static final String STATEMENTS = "決算書_令和6年度.pdf";
    static final String INPUT_SHEET = "決算状況入力シート.xlsx";
    static final String COMPARISON = "BS実績比較.xlsx";
    static final String FORM = "補助金交付申請書.xlsx";
    static final String QUOTE = "御見積書_東都医科.pdf";
    static final Program EMERGENCY = Catalogs.program("emergency").orElseThrow();
    static final List<String> INPUT_SHEET_ACCOUNTS = List.of("cash_and_deposits", "current_assets", "fixed_assets",
            "total_assets", "short_term_borrowings", "current_liabilities", "long_term_borrowings", "fixed_liabilities",
            "total_liabilities", "net_assets", "medical_revenue", "medical_expenses", "medical_profit",
            "ordinary_profit", "net_income", "depreciation");
    static final int YEAR = 2024;

    private record Key(String file, String account, int year) {
    }

    private final Map<Integer, Map<String, Long>> latent;
    private final Map<DocumentType, Long> units = new EnumMap<>(DocumentType.class);
    private final Map<Key, Long> overrides = new HashMap<>();
    private final Set<Key> removed = new java.util.HashSet<>();
    private final Map<String, Long> deltaOverrides = new HashMap<>();
    private final Set<DocumentType> omitted = EnumSet.noneOf(DocumentType.class);
    private final List<String> unreadable = new ArrayList<>();
    private final Map<Integer, Long> itemAmounts = new HashMap<>();
    private final Map<Integer, Long> quotePrices = new HashMap<>();
    private final Map<DocumentType, Double> confidences = new EnumMap<>(DocumentType.class);
    private boolean priorYearInStatements;
    private Long total;
    private Long requested;
    private String program = "emergency";

    private ApplicationFixture(Map<Integer, Map<String, Long>> latent) {
        this.latent = latent;
    }

    static ApplicationFixture aBalancedApplication() {
        return aBalancedApplication(42, 400);
    }

    /** Random but consistent statements; {@code offset} (1–999, not 500) is carried by cash and reserves. */
    static ApplicationFixture aBalancedApplication(long seed, long offset) {
        return new ApplicationFixture(financials(new Random(seed), offset));
    }

    // ---- what the documents state

    long value(String account, int year) {
        return latent.get(year).get(account);
    }

    static String fileOf(DocumentType type) {
        return switch (type) {
            case FINANCIAL_STATEMENTS -> STATEMENTS;
            case INPUT_SHEET -> INPUT_SHEET;
            case BS_COMPARISON -> COMPARISON;
            case APPLICATION_FORM -> FORM;
            case QUOTE -> QUOTE;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    /** The accounts a document of this type states for a year (before any removal). */
    Set<String> accountsOf(DocumentType type, int year) {
        Set<String> out = new java.util.LinkedHashSet<>();
        switch (type) {
            case FINANCIAL_STATEMENTS -> {
                if (year == YEAR || (year == YEAR - 1 && priorYearInStatements)) {
                    out.addAll(Catalogs.accounts().keySet());
                }
            }
            case INPUT_SHEET -> {
                if (year >= YEAR - 2 && year <= YEAR) {
                    out.addAll(INPUT_SHEET_ACCOUNTS);
                }
            }
            case BS_COMPARISON -> {
                if (year == YEAR || year == YEAR - 1) {
                    Catalogs.accounts().values().stream().filter(Account::isBalanceSheet).forEach(a -> out.add(a.code()));
                }
            }
            default -> {
            }
        }
        return out;
    }

    long unitOf(DocumentType type) {
        return units.getOrDefault(type, 1L);
    }

    // ---- departures

    ApplicationFixture withFigure(DocumentType type, String account, int year, long value) {
        overrides.put(new Key(fileOf(type), account, year), value);
        return this;
    }

    ApplicationFixture withoutFigure(DocumentType type, String account, int year) {
        removed.add(new Key(fileOf(type), account, year));
        return this;
    }

    ApplicationFixture withDelta(String account, long value) {
        deltaOverrides.put(account, value);
        return this;
    }

    /** States the document in this unit (e.g. 1,000 for 千円), rounding half up as printed. */
    ApplicationFixture withUnit(DocumentType type, long unit) {
        units.put(type, unit);
        return this;
    }

    /** Every figure of the document read with this confidence (as from a poor scan). */
    ApplicationFixture withConfidence(DocumentType type, double confidence) {
        confidences.put(type, confidence);
        return this;
    }

    ApplicationFixture withPriorYearInStatements() {
        priorYearInStatements = true;
        return this;
    }

    ApplicationFixture withoutDocument(DocumentType type) {
        omitted.add(type);
        return this;
    }

    ApplicationFixture withUnreadableFile(String file) {
        unreadable.add(file);
        return this;
    }

    ApplicationFixture withItemAmount(int no, long amount) {
        itemAmounts.put(no, amount);
        return this;
    }

    ApplicationFixture withTotal(long value) {
        total = value;
        return this;
    }

    ApplicationFixture withRequested(long value) {
        requested = value;
        return this;
    }

    /** The quote's price for the application's item {@code no} (the quote numbers it differently). */
    ApplicationFixture withQuoteUnitPrice(int no, long price) {
        quotePrices.put(no, price);
        return this;
    }

    ApplicationFixture withProgram(String code) {
        program = code;
        return this;
    }

    // ---- the application form's items

    record Item(int no, String name, String spec, String maker, long quantity, long unitPrice, String quoteName) {
    }

    static final List<Item> ITEMS = List.of(
            new Item(1, "人工呼吸器", "RV-800（成人・小児兼用）", "大和メディカル", 2, 4_800_000, "人工呼吸器 RV-800"),
            new Item(2, "除細動器", "DF-21 AED機能付", "北辰医療機器", 1, 2_310_000, "除細動器（AED機能付）"),
            new Item(3, "生体情報モニタ", "BM-500", "北辰医療機器", 3, 1_150_000, "ベッドサイドモニタ BM-500"));

    long itemsTotal() {
        return ITEMS.stream().mapToLong(i -> i.quantity() * i.unitPrice()).sum();
    }

    // ---- building

    ExtractedApplication build() {
        List<ExtractedDocument> docs = new ArrayList<>();
        Applicant applicant = new Applicant("医療法人社団テスト会", "テスト病院", "東京都", 200);
        for (DocumentType type : List.of(DocumentType.FINANCIAL_STATEMENTS, DocumentType.INPUT_SHEET,
                DocumentType.BS_COMPARISON)) {
            if (omitted.contains(type)) {
                continue;
            }
            String file = fileOf(type);
            long unit = unitOf(type);
            List<Figure> figures = new ArrayList<>();
            Map<String, Map<Integer, Long>> printed = new LinkedHashMap<>();
            int row = 1;
            for (int year = YEAR - 2; year <= YEAR; year++) {
                for (String account : accountsOf(type, year)) {
                    Key k = new Key(file, account, year);
                    if (removed.contains(k)) {
                        continue;
                    }
                    long v = overrides.containsKey(k) ? overrides.get(k) : round(value(account, year), unit);
                    printed.computeIfAbsent(account, a -> new HashMap<>()).put(year, v);
                    figures.add(new Figure(file, type, account, year, v, Catalogs.account(account).orElseThrow().labelJa(),
                            unit, confidences.getOrDefault(type, 1.0), SourceLocation.ofCell(file, "Sheet1", "C" + row++)));
                }
            }
            List<ComparisonDelta> deltas = new ArrayList<>();
            if (type == DocumentType.BS_COMPARISON) {
                for (var e : printed.entrySet()) {
                    Long cur = e.getValue().get(YEAR);
                    Long prior = e.getValue().get(YEAR - 1);
                    if (cur != null && prior != null) {
                        long d = deltaOverrides.getOrDefault(e.getKey(), cur - prior);
                        deltas.add(new ComparisonDelta(file, e.getKey(), d, unit, SourceLocation.ofCell(file, "Sheet1", "E" + row++)));
                    }
                }
            }
            docs.add(new ExtractedDocument(file, type, 1, false, null, unit, figures, deltas, List.of(), null, null,
                    applicant, List.of(), ""));
        }
        if (!omitted.contains(DocumentType.APPLICATION_FORM)) {
            List<RequestedItem> items = new ArrayList<>();
            long sum = 0;
            for (Item i : ITEMS) {
                long amount = itemAmounts.getOrDefault(i.no(), i.quantity() * i.unitPrice());
                sum += amount;
                items.add(new RequestedItem(i.no(), i.name(), i.spec(), i.maker(), i.quantity(), i.unitPrice(), amount,
                        "救急患者の受入体制の強化のため", SourceLocation.ofCell(FORM, "申請書", "B" + (10 + i.no()))));
            }
            long stated = total != null ? total : itemsTotal();
            Program p = Catalogs.program(program).orElse(EMERGENCY);
            long req = requested != null ? requested : p.subsidyFor(stated);
            SubsidyRequest money = new SubsidyRequest(stated, p.capYen(), p.rate(), req, SourceLocation.ofCell(FORM, "申請書", "G20"));
            docs.add(new ExtractedDocument(FORM, DocumentType.APPLICATION_FORM, 1, false, null, 1, List.of(), List.of(),
                    items, money, program, applicant, List.of(), ""));
        }
        if (!omitted.contains(DocumentType.QUOTE)) {
            List<RequestedItem> lines = new ArrayList<>();
            int no = 1;
            // the vendor lists the items in reverse order, with its own names and an extra service line
            for (int k = ITEMS.size() - 1; k >= 0; k--) {
                Item i = ITEMS.get(k);
                long price = quotePrices.getOrDefault(i.no(), i.unitPrice());
                lines.add(new RequestedItem(no, i.quoteName(), i.spec().split("（")[0], i.maker(), i.quantity(), price,
                        price * i.quantity(), null, SourceLocation.ofBox(QUOTE, 1, 50, 200 + 20 * no, 300, 14)));
                no++;
            }
            lines.add(new RequestedItem(no, "搬入・設置調整費", null, null, 1L, 180_000L, 180_000L, null,
                    SourceLocation.ofBox(QUOTE, 1, 50, 200 + 20 * no, 300, 14)));
            docs.add(new ExtractedDocument(QUOTE, DocumentType.QUOTE, 1, false, null, 1, List.of(), List.of(), lines,
                    null, null, applicant, List.of(), ""));
        }
        for (String file : unreadable) {
            docs.add(ExtractedDocument.unreadable(file, "encrypted PDF"));
        }
        return new ExtractedApplication("APP-TEST", docs);
    }

    static long round(long yen, long unit) {
        if (unit <= 1) {
            return yen;
        }
        return Math.floorDiv(yen + unit / 2, unit) * unit;
    }

    // ---- consistent financials

    private static Map<Integer, Map<String, Long>> financials(Random r, long offset) {
        Map<Integer, Map<String, Long>> out = new LinkedHashMap<>();
        long capital = thousands(r, 10_000_000, 100_000_000);
        long reserves = thousands(r, 500_000_000, 5_000_000_000L) + offset;
        for (int year = YEAR - 2; year <= YEAR; year++) {
            Map<String, Long> v = new LinkedHashMap<>();
            v.put("inpatient_revenue", thousands(r, 2_000_000_000L, 9_000_000_000L));
            v.put("outpatient_revenue", thousands(r, 500_000_000, 3_000_000_000L));
            v.put("other_medical_revenue", thousands(r, 50_000_000, 600_000_000));
            long revenue = v.get("inpatient_revenue") + v.get("outpatient_revenue") + v.get("other_medical_revenue");
            v.put("medical_revenue", revenue);
            long[] shares = {18, 52, 6, 7, 14};
            String[] costs = {"material_costs", "personnel_costs", "outsourcing_costs", "equipment_costs", "other_medical_expenses"};
            long expenses = 0;
            for (int i = 0; i < costs.length; i++) {
                long c = Math.floorDiv(revenue * shares[i] / 100 + thousands(r, 0, revenue / 20), 1000) * 1000;
                v.put(costs[i], c);
                expenses += c;
            }
            v.put("medical_expenses", expenses);
            v.put("medical_profit", revenue - expenses);
            v.put("non_operating_revenue", thousands(r, 10_000_000, 200_000_000));
            v.put("non_operating_expenses", thousands(r, 10_000_000, 200_000_000));
            v.put("ordinary_profit", v.get("medical_profit") + v.get("non_operating_revenue") - v.get("non_operating_expenses"));
            v.put("extraordinary_gains", r.nextBoolean() ? 0 : thousands(r, 0, 50_000_000));
            v.put("extraordinary_losses", r.nextBoolean() ? 0 : thousands(r, 0, 50_000_000));
            v.put("pretax_profit", v.get("ordinary_profit") + v.get("extraordinary_gains") - v.get("extraordinary_losses"));
            v.put("income_taxes", Math.max(0, Math.floorDiv(v.get("pretax_profit") * 30 / 100, 1000) * 1000));
            v.put("net_income", v.get("pretax_profit") - v.get("income_taxes"));
            v.put("depreciation", Math.floorDiv(v.get("equipment_costs") * 6 / 10, 1000) * 1000);
            v.put("interest_expense", Math.floorDiv(v.get("non_operating_expenses") / 2, 1000) * 1000);

            if (year > YEAR - 2) {
                reserves += v.get("net_income");
            }
            for (String a : List.of("medical_receivables", "medicines", "medical_supplies", "other_current_assets",
                    "buildings", "medical_equipment", "land", "other_tangible_assets", "intangible_fixed_assets",
                    "other_fixed_assets", "accounts_payable", "short_term_borrowings", "current_portion_long_term_debt",
                    "other_current_liabilities", "long_term_borrowings", "retirement_benefit_provision",
                    "other_fixed_liabilities")) {
                v.put(a, thousands(r, 20_000_000, 3_000_000_000L));
            }
            v.put("allowance_doubtful", -thousands(r, 1_000_000, 10_000_000));
            v.put("capital", capital);
            v.put("reserves", reserves);
            long cash;
            while (true) {
                long liabilities = 0;
                for (String a : List.of("accounts_payable", "short_term_borrowings", "current_portion_long_term_debt",
                        "other_current_liabilities", "long_term_borrowings", "retirement_benefit_provision",
                        "other_fixed_liabilities")) {
                    liabilities += v.get(a);
                }
                long otherAssets = 0;
                for (String a : List.of("medical_receivables", "medicines", "medical_supplies", "other_current_assets",
                        "allowance_doubtful", "buildings", "medical_equipment", "land", "other_tangible_assets",
                        "intangible_fixed_assets", "other_fixed_assets")) {
                    otherAssets += v.get(a);
                }
                cash = liabilities + capital + reserves - otherAssets;
                if (cash > 100_000_000) {
                    break;
                }
                // keep cash positive: borrow the gap
                v.put("long_term_borrowings", v.get("long_term_borrowings") + Math.floorDiv(200_000_000 - cash, 1000) * 1000 + 1000);
            }
            v.put("cash_and_deposits", cash);
            rollUp(v);
            out.put(year, v);
        }
        return out;
    }

    /** Fills every BS subtotal from its components (accounts.csv), deepest first. */
    private static void rollUp(Map<String, Long> v) {
        for (String parent : List.of("current_assets", "tangible_fixed_assets", "fixed_assets", "total_assets",
                "current_liabilities", "fixed_liabilities", "total_liabilities", "net_assets",
                "total_liabilities_and_net_assets")) {
            long sum = 0;
            for (Account c : Catalogs.childrenOf(parent)) {
                sum += c.sign() * v.get(c.code());
            }
            v.put(parent, sum);
        }
    }

    private static long thousands(Random r, long min, long max) {
        long span = Math.max(1, (max - min) / 1000);
        return min / 1000 * 1000 + (Math.floorMod(r.nextLong(), span)) * 1000;
    }
}
