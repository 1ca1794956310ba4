package jp.shinsa.ingest.spread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.shinsa.ingest.extract.AccountMatcher;
import jp.shinsa.models.Account;
import jp.shinsa.models.AccountCandidate;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.PrintedPart;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.TaughtMapping;
import jp.shinsa.models.Text;
import jp.shinsa.models.UnmappedRow;

/**
 * Maps a statement's kept rows to account figures ("spreading"), from the rows alone, so that the
 * workbench can run it again on a stored extraction after an examiner mapped a row.
 * <p>
 * Evidence, combined per row (docs/decisions/013-statement-spreading.md): a taught wording first;
 * the section the row stands in (a row under 流動負債 can only be a current liability, a row under a
 * heading that names a chart leaf such as 材料費 is a part of it); the label read with its qualifiers
 * ({@link RowLabel}); character n-gram similarity to every known wording of every account; and the
 * arithmetic: the assignment of the uncertain rows is the one under which most identities hold
 * (subtotal = Σ children in every year, the PL cascade, assets = liabilities + net assets, a total
 * printed beside its parts = their sum). The search is bounded ({@link #MAX_EVALUATIONS}). A row whose
 * best account wins by its label alone and by less than {@link #TIE_MARGIN} is uncertain: its figures
 * carry a confidence below 0.5, which scoring shows as "confirm this row's account", not as an alarm.
 */
public final class StatementSpreader {
    /** Evaluations of an assignment per document: bounds the search whatever the statement. */
    static final int MAX_EVALUATIONS = 20_000;
    /** Sections with more free rows than this get no pair moves (their count grows with the square). */
    static final int PAIR_GROUP = 6;
    /** A label win smaller than this, with no identity to tell, leaves the mapping uncertain. */
    static final double TIE_MARGIN = 0.1;
    /** Figures below this confidence rest on an uncertain mapping. */
    public static final double UNCERTAIN = 0.5;
    private static final double HOLD = 2;
    private static final double FAIL = 2;
    private static final double DUPLICATE = 1.5;
    /** A label score must beat this to be worth a figure without arithmetic behind it. */
    static final double PRIOR_FLOOR = 0.6;
    /** A label score from which the row is always mapped (never left unmapped by the search). */
    static final double NAMES_ACCOUNT = 0.9;

    private static final AccountMatcher MATCHER = new AccountMatcher();
    private static final Map<String, Account> CHART = Catalogs.accounts();
    private static final Map<String, List<String>> CHILDREN = new HashMap<>();

    static {
        for (Account a : CHART.values()) {
            if (a.parent() != null && !a.parent().isBlank()) {
                CHILDREN.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a.code());
            }
        }
    }

    /** Where a memo account is included, from accounts.csv ("memo: included in equipment_costs"). */
    private static final Map<String, String> MEMO_HOME = new HashMap<>();

    static {
        java.util.regex.Pattern home = java.util.regex.Pattern.compile("included in ([a-z_]+)");
        for (Account a : CHART.values()) {
            java.util.regex.Matcher m = home.matcher(a.labelEn());
            if (m.find() && CHART.containsKey(m.group(1))) {
                MEMO_HOME.put(a.code(), m.group(1));
            }
        }
    }

    private StatementSpreader() {
    }

    /**
     * Label matches by (OCR?, label): labels repeat across documents and applications (headings,
     * titles, the same chart on every statement), and a label that is no key costs a similarity pass
     * over every key. Bounded: cleared when it grows past {@link #CACHE_SIZE}.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<AccountMatcher.Match>> MATCHES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, List<AccountCandidate>> CANDIDATES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_SIZE = 20_000;

    /** True when the label names, exactly, an account of the chart with lines under it (a section's total). */
    static boolean namesTotal(String label) {
        Optional<AccountMatcher.Match> m = match(label, false);
        return m.isPresent() && m.get().exact() && (CHILDREN.containsKey(m.get().account()) || isGrand(m.get().account()));
    }

    private static Optional<AccountMatcher.Match> match(String label, boolean ocr) {
        if (MATCHES.size() > CACHE_SIZE) {
            MATCHES.clear();
        }
        return MATCHES.computeIfAbsent((ocr ? "1" : "0") + label, k -> ocr ? MATCHER.matchOcr(label) : MATCHER.match(label));
    }

    /**
     * Whether the sentence-embedding model is consulted for rows whose n-gram evidence is weak
     * (system property {@code shinsa.spread.embeddings}, default off: it did not help on the tuned
     * variants, docs/decisions/020-statement-spreading-detail.md).
     */
    static final boolean EMBEDDINGS = Boolean.getBoolean("shinsa.spread.embeddings");
    /** Below this best n-gram score a row's label evidence is weak. */
    static final double WEAK_LABEL = 0.6;
    /**
     * Label score of "a detail line beside the named accounts of its section" (未収金 under 流動資産 as
     * part of その他の流動資産): below a label that resembles a named account (≥ 0.45 after the 0.9
     * discount), above a line the section lacks.
     */
    static final double SIBLING_PART = 0.4;
    /** Label score of a reading offered only because its section lacks that line (the arithmetic must confirm it). */
    static final double GAP = 0.3;
    private static final java.util.concurrent.ConcurrentHashMap<String, List<AccountCandidate>> MEANINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static List<AccountCandidate> meanings(String label) {
        if (MEANINGS.size() > CACHE_SIZE) {
            MEANINGS.clear();
        }
        return MEANINGS.computeIfAbsent(label, k -> MATCHER.meaningCandidates(label, 0.3, 8));
    }

    private static List<AccountCandidate> candidates(String label) {
        if (CANDIDATES.size() > CACHE_SIZE) {
            CANDIDATES.clear();
        }
        return CANDIDATES.computeIfAbsent(label, k -> MATCHER.candidates(label, 0.3, 12));
    }

    /** What the rows of one document give. */
    public record Spread(List<Figure> figures, List<ComparisonDelta> deltas, List<StatementRow> rows,
                         List<UnmappedRow> unmapped) {
    }

    /**
     * The document with its figures, 増減 values, rows and unmapped rows derived again from its rows
     * (taught wordings first). A document without rows is returned as it is.
     */
    public static ExtractedDocument remap(ExtractedDocument doc, LearnedMappings learned) {
        return remap(doc, learned, PeerFigures.NONE);
    }

    /** {@link #remap(ExtractedDocument, LearnedMappings)} with the figures of the application's other statements as evidence. */
    public static ExtractedDocument remap(ExtractedDocument doc, LearnedMappings learned, PeerFigures peers) {
        if (doc.rows().isEmpty()) {
            return doc;
        }
        Spread s = spread(doc.file(), doc.type(), doc.unit(), doc.ocr(), doc.rows(), learned, peers);
        return doc.withStatement(s.figures(), s.deltas(), s.rows(), s.unmapped());
    }

    /**
     * An application's documents with their statements spread again: the 決算書 that {@code again}
     * selects, then every BS実績比較 with the 決算書's figures as evidence, then every input sheet with the
     * figures of both ({@link PeerFigures}). The reader uses it once all files are read; the workbench after an
     * examiner taught a row, so that a sheet is read from the statements as they now stand.
     */
    public static List<ExtractedDocument> remapApplication(List<ExtractedDocument> docs,
                                                           java.util.function.Function<ExtractedDocument, LearnedMappings> learned,
                                                           java.util.function.Predicate<ExtractedDocument> again) {
        List<ExtractedDocument> out = new ArrayList<>(docs);
        // the statements, then the documents that copy them, in that order (PeerFigures#copiedBy)
        spreadInOrder(out, List.of(DocumentType.FINANCIAL_STATEMENTS, DocumentType.BS_COMPARISON, DocumentType.INPUT_SHEET),
                learned, again);
        // the 決算書 again where its copies read surely a wording it left in doubt (PeerFigures#wordingsFor),
        // and then the copies again with the 決算書's figures as they now stand
        boolean changed = false;
        for (int i = 0; i < out.size(); i++) {
            ExtractedDocument d = out.get(i);
            if (d.type() != DocumentType.FINANCIAL_STATEMENTS || d.rows().isEmpty()) {
                continue;
            }
            PeerFigures wordings = PeerFigures.wordingsFor(d, out);
            boolean doubtful = d.rows().stream().anyMatch(r -> !r.values().isEmpty() && r.mapping().confidence() < UNCERTAIN
                    && wordings.wording(LearnedMappings.wordingKey(r.label())) != null);
            if (doubtful) {
                out.set(i, remap(d, learned.apply(d), wordings));
                changed = true;
            }
        }
        if (changed) {
            spreadInOrder(out, List.of(DocumentType.BS_COMPARISON, DocumentType.INPUT_SHEET), learned, d -> true);
        }
        return out;
    }

    /**
     * Spreads in place, type by type in the order given, each document of {@code out} that has rows with
     * the figures of the documents it copies ({@link PeerFigures#forDocument}) as they stand by then:
     * when there are such figures, or when {@code again} selects it.
     */
    private static void spreadInOrder(List<ExtractedDocument> out, List<DocumentType> types,
                                      java.util.function.Function<ExtractedDocument, LearnedMappings> learned,
                                      java.util.function.Predicate<ExtractedDocument> again) {
        for (DocumentType type : types) {
            for (int i = 0; i < out.size(); i++) {
                ExtractedDocument d = out.get(i);
                if (d.type() != type || d.rows().isEmpty()) {
                    continue;
                }
                PeerFigures peers = PeerFigures.forDocument(d, out);
                if (!peers.isEmpty() || again.test(d)) {
                    out.set(i, remap(d, learned.apply(d), peers));
                }
            }
        }
    }

    /**
     * Whether a mapping rests on the figures of another document (so it is no evidence back for that
     * document): its reason begins as {@link #build} words such a reading.
     */
    static boolean restsOnPeers(RowMapping m) {
        return m.reason().en().startsWith(SAME_AMOUNT_EN) || m.reason().en().startsWith(SAME_WORDING_EN);
    }

    /** How the reason of a reading resting on another document's amounts begins (and the same wording too). */
    private static final String SAME_AMOUNT_EN = "the same amount";
    private static final String SAME_WORDING_EN = "the same wording and ";

    // ------------------------------------------------------------------ model of one document

    /** One way to read a value row. kind UNMAPPED has no account. */
    record Option(RowMapping.Kind kind, String account, double score, String why) {
        double prior() {
            return switch (kind) {
                case ACCOUNT -> score - PRIOR_FLOOR;
                case PART_OF -> score - PRIOR_FLOOR;
                default -> 0;
            };
        }
    }

    /** A value row being mapped. */
    static final class Item {
        final StatementRow row;
        final RowLabel reading;
        final String sectionAccount;
        final List<String> sectionPath;
        final List<Option> options;
        /** No other reading is offered; {@link #indirectForms} may still offer the acquisition-cost one. */
        boolean fixed;
        final boolean taught;
        long unit = 1;
        int choice;
        /** Where another document printed the amounts of an account this row was offered for them ({@link #sameFigures}). */
        final Map<String, PeerFigures.Source> sameAs = new HashMap<>();

        Item(StatementRow row, RowLabel reading, String sectionAccount, List<String> sectionPath, List<Option> options,
             boolean fixed, boolean taught) {
            this.row = row;
            this.reading = reading;
            this.sectionAccount = sectionAccount;
            this.sectionPath = sectionPath;
            this.options = new ArrayList<>(options);
            this.fixed = fixed;
            this.taught = taught;
        }

        private Map<Integer, Long> signed;

        Option chosen() {
            return options.get(choice);
        }

        /** The row's values as an account's figure (a deduction's positive value subtracted), computed once. */
        Map<Integer, Long> signedValues() {
            if (signed == null) {
                Map<Integer, Long> v = new TreeMap<>();
                for (var y : row.values().entrySet()) {
                    v.put(y.getKey(), reading.contra() && y.getValue() > 0 ? -y.getValue() : y.getValue());
                }
                signed = v;
            }
            return signed;
        }

        long value(int year) {
            long v = row.values().get(year);
            return reading.contra() && v > 0 && chosen().kind() != RowMapping.Kind.UNMAPPED ? -v : v;
        }
    }

    record Section(String account, String label, int indent) {
    }

    /** Spreads one document's rows. */
    public static Spread spread(String file, DocumentType type, long unit, boolean ocr, List<StatementRow> rows,
                                LearnedMappings learned) {
        return spread(file, type, unit, ocr, rows, learned, PeerFigures.NONE);
    }

    /** Spreads one document's rows, with the figures of the application's other statements as evidence. */
    public static Spread spread(String file, DocumentType type, long unit, boolean ocr, List<StatementRow> rows,
                                LearnedMappings learned, PeerFigures peers) {
        List<Item> items = new ArrayList<>();
        Map<Integer, StatementRow> headings = new LinkedHashMap<>();
        Map<String, StatementRow> headingOf = new HashMap<>();
        List<StatementRow> outRows = new ArrayList<>(rows.size());
        List<Section> stack = new ArrayList<>();
        // the indentation of the first line under each detail block's heading
        Map<Section, Integer> partIndent = new java.util.IdentityHashMap<>();
        String kind = null;
        int statementStart = 0;
        boolean indents = rows.stream().filter(x -> !x.heading()).map(StatementRow::indent).distinct().count() > 1;
        Map<Integer, StatementRow> unnamedBlocks = unnamedBlocks(rows, ocr, unit);
        // totals printed so far in this statement (有形固定資産合計): their blocks are closed
        java.util.Set<String> closed = new java.util.HashSet<>();
        for (StatementRow r : rows) {
            if (r.heading()) {
                String c = jp.shinsa.ingest.text.JapaneseText.compact(r.label());
                String title = statementKind(c);
                if (title != null) {
                    stack.clear();
                    closed.clear();
                    kind = title;
                    statementStart = items.size();
                } else if (!unnamedBlocks.containsKey(r.index())) {
                    Optional<AccountMatcher.Match> m = match(RowLabel.scoped(r.label()), ocr);
                    if (m.isEmpty() && !stack.isEmpty()) {
                        // a heading inside a detail block (業務委託費 after the lines of 職員給与費) heads no part of
                        // it: it is compared with the lines of the block's own section
                        String within = leaf(top(stack)) && CHART.containsKey(top(stack)) ? CHART.get(top(stack)).parent() : top(stack);
                        m = nearestHeading(r.label(), within, kind);
                    } else if (m.isEmpty() && items.size() > statementStart) {
                        // outside every section, once the statement's lines have begun (not its title lines:
                        // the corporation's name, the date)
                        m = nearestHeading(r.label(), null, kind);
                    }
                    if (m.isEmpty() && !stack.isEmpty()) {
                        // a heading with a word only one line of its section has (附属病院収益（外来） over the
                        // outpatient clinics' lines) heads that line's block
                        m = distinctLine(RowLabel.read(r.label()), top(stack), kind)
                                .map(a -> new AccountMatcher.Match(a, DISTINCT_WORD, false));
                    }
                    if (m.isPresent() && permittedKind(m.get().account(), kind) && !memo(m.get().account())
                            && !gainsAndLosses(c, m.get().account())) {
                        String a = m.get().account();
                        while (!stack.isEmpty() && !isAncestorOrSelf(stack.get(stack.size() - 1).account(), a)) {
                            stack.remove(stack.size() - 1);
                        }
                        if (!stack.isEmpty() && stack.get(stack.size() - 1).account().equals(a)) {
                            stack.remove(stack.size() - 1);
                        }
                        stack.add(new Section(a, r.label(), r.indent()));
                        headingOf.putIfAbsent(a, r);
                    } else if (m.isEmpty() && !stack.isEmpty() && leaf(top(stack)) && !items.isEmpty()
                            && top(stack).equals(items.get(items.size() - 1).sectionAccount)
                            && !blockTotalFollows(rows, r.index(), top(stack), ocr)) {
                        // a heading after a detail block's lines, with no total line of the block after it: a
                        // leaf's block has no sub-headings, so this one ends it (V 医業外の支出 after the lines of
                        // 医業外収益), whatever it heads; sub-headings (常勤 / 非常勤) come before the block's total
                        stack.remove(stack.size() - 1);
                    }
                }
                StatementRow h = r.withSection(path(stack)).withMapping(new RowMapping(RowMapping.Kind.IGNORED, null, 1,
                        List.of(), new Text("見出し（数値なし）", "heading (no value)"), false));
                headings.put(r.index(), h);
                outRows.add(h);
                continue;
            }
            if (indents && !stack.isEmpty() && leaf(top(stack))) {
                // a detail block whose lines were indented under its heading ends at a line printed at the
                // heading's indentation or left of it
                Section block = stack.get(stack.size() - 1);
                Integer parts = partIndent.get(block);
                if (parts == null) {
                    partIndent.put(block, r.indent());
                } else if (parts > block.indent() && r.indent() <= block.indent()) {
                    stack.remove(stack.size() - 1);
                }
            }
            RowLabel reading = RowLabel.read(r.label());
            if (unnamedBlocks.containsKey(r.index()) && learned.find(type, LearnedMappings.wordingKey(r.label())).isEmpty()) {
                // a line of a block whose heading names no account, summed exactly by the block's own total
                // line: the total carries the account, this line is its detail (mapped after the search)
                items.add(new Item(r, reading, top(stack), path(stack), List.of(new Option(RowMapping.Kind.IGNORED, null, 1,
                        UNNAMED_BLOCK)), true, false));
                outRows.add(null);
                continue;
            }
            Optional<TaughtMapping> t = learned.find(type, LearnedMappings.wordingKey(r.label()));
            if (t.isPresent()) {
                TaughtMapping tm = t.get();
                Option o = tm.kind() == RowMapping.Kind.IGNORED ? new Option(RowMapping.Kind.IGNORED, null, 1, "taught")
                        : new Option(tm.kind(), tm.account(), 1, "taught");
                items.add(new Item(r, reading, top(stack), path(stack), List.of(o), true, true));
                outRows.add(null);
                continue;
            }
            Optional<AccountMatcher.Match> exact = match(reading.base(), ocr);
            String strong = exact.filter(AccountMatcher.Match::exact).map(AccountMatcher.Match::account).orElse(null);
            if (strong != null && reading.currentPortion() && strong.equals("long_term_borrowings")) {
                strong = "current_portion_long_term_debt";
            }
            if (strong != null && (reading.currentPortion() && strong.equals("current_portion_long_term_debt")
                    || reading.longPortion() && strong.equals("long_term_borrowings")) && reading.otherQualifier() == null
                    && !reading.memo() && !reading.contra() && reading.portionInName()) {
                // the qualifier is part of the account's own name (1年以内返済予定長期借入金): it agrees
                reading = reading.withoutPortion();
            }
            // a row whose label names its account closes the sections it does not belong to, except
            // a detail block (a heading naming a chart leaf: 材料費, その他の流動資産) it is indented into,
            // where its name may be a part's (未収金, 診療材料費): the arithmetic decides. A total or
            // profit line (an account with components: 経常利益, 流動負債合計) is never a part of a leaf.
            boolean inBlock = !stack.isEmpty() && leaf(top(stack))
                    && (!indents || r.indent() > stack.get(stack.size() - 1).indent());
            // a total line (計, 合計) of another account is never a part either (設備関係費計 after a 給与費 block)
            boolean summary = strong != null && (CHILDREN.containsKey(strong) || isGrand(strong) || strong.equals("net_income")
                    || reading.total() && !strong.equals(top(stack)));
            // the block's own name again inside the block, not as its total (その他の医業収益 as the last line
            // of the その他の医業収益 block): the block's total printed without 計, or its remainder line, a
            // part. Only the arithmetic can tell, so the row is free and the block stays open.
            boolean ownName = inBlock && strong != null && strong.equals(top(stack)) && !reading.total() && !reading.qualified();
            if (inBlock && !indents && strong != null && !reading.qualified() && nextSibling(strong, top(stack))) {
                // a flat block ends at a line that names, exactly, a line the chart prints after the block's
                // own under the same total (外来診療収益 after the lines of 入院診療収益): no indentation says
                // otherwise, and the next line of the statement is not a part of the one before
                stack.remove(stack.size() - 1);
                inBlock = false;
            }
            if (inBlock && !indents && strong == null && readsOutside(reading, top(stack), kind, r, blockLines(items, stack))) {
                // a flat block ends at a line whose wording reads as an account printed after the block
                // outside it (a wording of 医業費用's total after the parts of 経費): never a part of the leaf
                stack.remove(stack.size() - 1);
            } else if (!stack.isEmpty() && leaf(top(stack)) && strong == null && otherTotal(reading, top(stack), kind)) {
                // a total line (…合計) whose wording comes nearest to another account than the block's: the
                // parts of a leaf have no totals of their own (医業外支出合計 after 医業外収益's lines)
                stack.remove(stack.size() - 1);
            }
            if (strong != null && !reading.qualified() && !(inBlock && !permitted(strong, top(stack)) && !summary)) {
                int keep = stack.size();
                while (keep > 0 && !permitted(strong, stack.get(keep - 1).account())) {
                    keep--;
                }
                if (keep > 0 || !stack.isEmpty() && permitted(strong, null)) {
                    while (stack.size() > keep) {
                        stack.remove(stack.size() - 1);
                    }
                }
            }
            String section = top(stack);
            List<String> sectionPath = path(stack);
            List<Option> options = ownName ? new ArrayList<>(List.of(new Option(RowMapping.Kind.ACCOUNT, strong, 0.9, "label names its block"),
                    new Option(RowMapping.Kind.PART_OF, strong, 0.7, "detail line named like its block")))
                    : options(reading, exact.orElse(null), strong, section, kind, ocr);
            // the total line of a block whose heading names no account
            boolean blockTotal = unnamedBlocks.containsValue(r);
            if (blockTotal && section != null && CHILDREN.containsKey(section)) {
                // the total line of a block printed inside a section is one of the section's lines, whatever
                // its wording resembles (権利資産計 contains 資産計): each is a reading the arithmetic can confirm
                List<Option> widened = new ArrayList<>(options);
                addGapReadings(widened, section, kind);
                withUnmapped(widened);
                options = widened;
            }
            options = namedInBracket(options, reading, strong, section, kind, ocr);
            options = afterClosedTotals(options, closed);
            // a row no reading fits is not fixed: its place in the statement may still give it one
            boolean fixed = options.size() == 1 && options.get(0).kind() != RowMapping.Kind.UNMAPPED;
            items.add(new Item(r, reading, section, sectionPath, options, fixed, false));
            if (fixed && reading.total() && options.get(0).kind() == RowMapping.Kind.ACCOUNT
                    && CHILDREN.containsKey(options.get(0).account())) {
                closed.add(options.get(0).account());
            }
            outRows.add(null);
            // the total of a section closes it; not the total line of a block whose heading named no account
            // when its wording only faintly resembles the section's (入院医業収益 … 入院医業収益計 closes its own
            // block: the lines after it are still 医業収益's)
            Option best = options.get(0);
            boolean ownBlockTotal = blockTotal && best.score() < WEAK_LABEL;
            if (best.kind() == RowMapping.Kind.ACCOUNT && !ownBlockTotal && !ownName) {
                for (int i = stack.size() - 1; i >= 0; i--) {
                    if (stack.get(i).account().equals(best.account())) {
                        while (stack.size() > i) {
                            stack.remove(stack.size() - 1);
                        }
                        break;
                    }
                }
            }
            if (!indents && reading.total() && strong == null && !blockTotal && !stack.isEmpty() && !leaf(top(stack))
                    && top(stack).equals(section) && items.size() >= 2 && section.equals(items.get(items.size() - 2).sectionAccount)
                    && nearestIsSection(reading, section)) {
                // without indentation, a total line (…計) naming no account after lines of a section, its wording
                // nearer to the section's total than to any of its lines, is the section's total (サービス活動費用計
                // after the lines of 医業費用; not 設備関係経費計, a block's): the section ends with it
                stack.remove(stack.size() - 1);
            }
            if (indents && !stack.isEmpty() && !leaf(top(stack))) {
                // a section whose lines were indented under its heading ends with the first line printed at the
                // heading's indentation or left of it, whatever its wording: that line is the section's total
                // (サービス活動費用計 under 医業費用), or the first line after it
                Section open = stack.get(stack.size() - 1);
                Integer lines = partIndent.putIfAbsent(open, r.indent());
                if (lines != null && lines > open.indent() && r.indent() <= open.indent()) {
                    stack.remove(stack.size() - 1);
                }
            }
        }
        for (Item it : items) {
            it.unit = unit;
        }
        closedBlockParts(items);
        sameFigures(items, peers);
        sameWordings(items, peers);
        memoHomes(items);
        List<Together> together = new ArrayList<>(indirectForms(items));
        placeBySlots(items);
        ofWhichLines(items);
        siblingReadings(items);
        together.addAll(linesOfOneAccount(items));
        // an income statement printed per business (本来業務 / 附帯業務 / 収益業務): its rows read by that structure
        Map<String, List<Item>> rollups = BusinessSections.read(items);
        Search search = new Search(items, rollups);
        search.together.addAll(together);
        search.run();
        Spread spread = build(file, type, unit, ocr, items, outRows, headingOf, search);
        return rollups.isEmpty() ? spread : rolledUp(spread, file, type, unit, rollups);
    }

    /**
     * A heading 「…損益」 that reads as a line without components (Ⅲ 特別損益 → 特別利益, Ⅱ 事業外損益 → 事業外収益,
     * through the label key's 損益 → 利益) heads the gains <i>and</i> the losses printed under it: it is no
     * detail block of the one account (docs/decisions/024-business-sections.md). A 損益 heading of an account
     * with components (事業損益 → 事業利益 = 事業収益 − 事業費用) is that account's section as before.
     */
    static boolean gainsAndLosses(String compactLabel, String account) {
        return compactLabel.contains("損益") && leaf(account);
    }

    private static final String UNNAMED_BLOCK = "detail of a block whose total line is printed";
    /**
     * The lines of a detail block whose heading names its account and whose total line (the account's
     * name with 計) is printed after them are that block's parts: leaving one unread is no reading,
     * even where that would make the block add up (a part typed wrong, all the others zero). The
     * "unmapped" option is taken from them, so the search reads them as parts and a sum they miss is
     * the statement's finding.
     */
    static void closedBlockParts(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String block = it.sectionAccount;
            if (block == null || !leaf(block) || it.options.stream().noneMatch(o -> o.kind() == RowMapping.Kind.PART_OF
                    && block.equals(o.account()) && o.why().equals("detail line of its section"))) {
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) {
                Item x = items.get(j);
                Option top = x.options.get(0);
                if (x.fixed && x.reading.total() && top.kind() == RowMapping.Kind.ACCOUNT && block.equals(top.account())) {
                    // the total line (which closes the block, so it may stand outside its section)
                    it.options.removeIf(o -> o.kind() == RowMapping.Kind.UNMAPPED);
                    break;
                }
                if (!block.equals(x.sectionAccount)) {
                    break;
                }
            }
        }
    }

    /**
     * A heading inside a section whose wording names none of the chart's accounts outright but comes
     * clearly nearest to one line of that section (職員人件費 under 医業費用: 人件費 is 給与費's, nothing else
     * there resembles it): the heading of that line's detail block, as a row's faint likeness at its place
     * is wording evidence ({@link #nearestWording}). At least {@link #HEADING_NEAREST} alike, ahead of
     * every other line of the section by {@link #NEAREST_MARGIN} and more.
     */
    static Optional<AccountMatcher.Match> nearestHeading(String label, String section, String kind) {
        // inside a section, among its lines; outside every section, among the statement's lines
        if (section == null ? kind == null : !CHILDREN.containsKey(section)) {
            return Optional.empty();
        }
        RowLabel reading = RowLabel.read(label);
        // a qualifier is evidence for a heading as for a row: 1年以内償還予定 names the current portion
        List<AccountCandidate> within = candidates(reading.base()).stream()
                .filter(c -> leaf(c.account()) && permitted(c.account(), section) && !c.account().equals(section)
                        && permittedKind(c.account(), kind) && !memo(c.account()))
                .map(c -> new AccountCandidate(c.account(), Math.min(1, c.score() + portionEvidence(reading, c.account()))))
                .sorted((x, y) -> Double.compare(y.score(), x.score()))
                .toList();
        if (within.isEmpty() || within.get(0).score() < HEADING_NEAREST
                || within.size() > 1 && within.get(1).score() > within.get(0).score() - NEAREST_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new AccountMatcher.Match(within.get(0).account(), within.get(0).score(), false));
    }

    /** Whether {@code account} is a leaf the chart prints after {@code block} under the same total. */
    static boolean nextSibling(String account, String block) {
        Account a = CHART.get(account);
        Account b = CHART.get(block);
        return a != null && b != null && !memo(account) && leaf(account) && a.parent() != null && a.parent().equals(b.parent())
                && ORDER.get(account) > ORDER.get(block);
    }

    /** What a current-portion qualifier (1年以内返済予定, 1年以内償還予定) adds to a likeness to the current portion. */
    static final double CURRENT_PORTION_EVIDENCE = 0.3;

    /** What the label's qualifier adds to its likeness to {@code account}: a current-portion qualifier to the current portion. */
    private static double portionEvidence(RowLabel reading, String account) {
        return reading.currentPortion() && account.equals("current_portion_long_term_debt") ? CURRENT_PORTION_EVIDENCE : 0;
    }

    /** How alike a heading must be to the line it comes nearest to ({@link #nearestHeading}). */
    static final double HEADING_NEAREST = 0.6;

    /** A heading whose wording resembles an account less than this names none (権利資産 only contains 資産). */
    private static final double NAMES_HEADING = 0.8;

    /**
     * Blocks whose heading names no account (a wording nobody listed: 無形資産 over 借地権, ソフトウェア …)
     * but whose end is printed as the heading's own total line (無形資産計, 無形資産合計): when that line is,
     * in every year, the sum of the lines between, those lines are its detail and the total line alone
     * is read (by its wording, its place, the arithmetic). Returns each detail line's index → the total
     * line (the heading's index is in the map too: it opens no section). A block whose lines do not add
     * up to its total is left as it is.
     */
    static Map<Integer, StatementRow> unnamedBlocks(List<StatementRow> rows, boolean ocr, long unit) {
        Map<Integer, StatementRow> out = new HashMap<>();
        String kind = null;
        for (int i = 0; i < rows.size(); i++) {
            StatementRow h = rows.get(i);
            String title = h.heading() ? statementKind(jp.shinsa.ingest.text.JapaneseText.compact(h.label())) : null;
            if (title != null) {
                kind = title;
            }
            // numbering is no part of the name: Ⅶ 臨時的収益 closes with 臨時的収益計
            String stem = AccountMatcher.unnumbered(RowLabel.read(h.label()).base());
            Optional<AccountMatcher.Match> named = match(RowLabel.scoped(h.label()), ocr);
            // a name of the other statement names nothing here (薬品診療材料費 in an income statement is no 医薬品)
            boolean names = named.isPresent() && (named.get().exact() || named.get().similarity() >= NAMES_HEADING)
                    && permittedKind(named.get().account(), kind);
            if (!h.heading() || stem.length() < 2 || names) {
                continue;
            }
            List<StatementRow> lines = new ArrayList<>();
            for (int j = i + 1; j < rows.size(); j++) {
                StatementRow r = rows.get(j);
                if (r.heading()) {
                    break;
                }
                String c = AccountMatcher.unnumbered(RowLabel.read(r.label()).base());
                if (c.startsWith(stem) && c.length() > stem.length() && c.substring(stem.length()).matches("(?:の)?(?:合計|小計|総計|計)")) {
                    if (lines.size() >= 2 && (addsUp(lines, r, unit) || closedBlock(lines, r, ocr))) {
                        // a line naming a memo account (支払利息 among 医業外費用's parts) stays readable as it
                        lines.stream().filter(x -> !namesMemo(RowLabel.read(x.label()), ocr)).forEach(x -> out.put(x.index(), r));
                        out.put(h.index(), r);
                    }
                    break;
                }
                lines.add(r);
            }
        }
        return out;
    }

    /**
     * Whether lines that do not add up to their block's total line are still that block's detail by its
     * structure: every line and the total print amounts for the same years, and none of the lines is
     * itself a total (計) or an "of which" line (うち), which a sum would count twice. A line naming a memo account
     * (減価償却費 among 設備関係費's lines) stays readable as that account, as in a block that adds up. A printed
     * block whose parts miss its total is a finding about the statement (a part typed wrong), not a reason to
     * read its parts as something else.
     */
    private static boolean closedBlock(List<StatementRow> lines, StatementRow total, boolean ocr) {
        if (total.values().isEmpty()) {
            return false;
        }
        for (StatementRow r : lines) {
            RowLabel reading = RowLabel.read(r.label());
            if (!r.values().keySet().equals(total.values().keySet()) || reading.total() || reading.memo()) {
                return false;
            }
        }
        return true;
    }

    /** The statement a title heading opens (貸借対照表 and BS実績比較: BS; 損益計算書: PL), or null for any other heading. */
    static String statementKind(String compactTitle) {
        if (compactTitle.contains("貸借対照表") || compactTitle.contains("実績比較")) {
            return "BS";
        }
        return compactTitle.contains("損益計算書") ? "PL" : null;
    }

    /** Whether the row's wording names a memo account outright (減価償却費, 支払利息). */
    private static boolean namesMemo(RowLabel reading, boolean ocr) {
        Optional<AccountMatcher.Match> m = match(reading.base(), ocr);
        return m.isPresent() && m.get().exact() && memo(m.get().account());
    }

    private static boolean addsUp(List<StatementRow> lines, StatementRow total, long unit) {
        if (total.values().isEmpty()) {
            return false;
        }
        for (var y : total.values().entrySet()) {
            long sum = 0;
            for (StatementRow r : lines) {
                Long v = r.values().get(y.getKey());
                if (v == null) {
                    return false;
                }
                sum += v;
            }
            long tolerance = unit == 1 ? 0 : unit * (lines.size() + 1) / 2;
            if (Math.abs(sum - y.getValue()) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows read by a weak wording (below {@link #WEAK_LABEL}, not fixed, not taught) or as the line
     * their section lacks, as an account the
     * chart prints after the account of a sibling row printed below it (same parent account, same
     * section): 入院医業収益 read as その他の医業収益 above その他の診療収益 read as 入院診療収益. The sums hold
     * either way, so the order is the evidence, and it says the readings may be swapped.
     */
    static java.util.Set<Item> againstTheOrder(List<Item> items) {
        java.util.Set<Item> out = new java.util.HashSet<>();
        List<Item> read = items.stream().filter(it -> it.chosen().kind() == RowMapping.Kind.ACCOUNT && CHART.containsKey(it.chosen().account()))
                .toList();
        for (int i = 0; i < read.size(); i++) {
            Item a = read.get(i);
            for (int j = i + 1; j < read.size(); j++) {
                Item b = read.get(j);
                if (!reversedOrder(a, b)) {
                    continue;
                }
                for (Item x : List.of(a, b)) {
                    if (weakWording(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code a}, printed above {@code b}, is read as a sibling of {@code b}'s account (same parent
     * account, same section) that the chart prints after it.
     */
    private static boolean reversedOrder(Item a, Item b) {
        Option oa = a.chosen();
        Option ob = b.chosen();
        if (oa.kind() != RowMapping.Kind.ACCOUNT || ob.kind() != RowMapping.Kind.ACCOUNT || !CHART.containsKey(oa.account())
                || !CHART.containsKey(ob.account())) {
            return false;
        }
        String pa = CHART.get(oa.account()).parent();
        return pa != null && pa.equals(CHART.get(ob.account()).parent()) && java.util.Objects.equals(a.sectionAccount, b.sectionAccount)
                && ORDER.get(oa.account()) > ORDER.get(ob.account());
    }

    private static boolean weakWording(Item it) {
        Option o = it.chosen();
        return !it.fixed && !it.taught && o.score() < WEAK_LABEL
                && (o.why().equals("similar wording") || o.why().equals("similar meaning") || o.why().equals("fills a gap"));
    }

    /** Detail line item → the item of its block's total line. */
    private static Map<Item, Item> unnamedBlocksOf(List<Item> items) {
        Map<Item, Item> out = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.chosen().why().equals(UNNAMED_BLOCK)) {
                continue;
            }
            for (int j = i + 1; j < items.size(); j++) {
                if (!items.get(j).chosen().why().equals(UNNAMED_BLOCK)) {
                    out.put(it, items.get(j));
                    break;
                }
            }
        }
        return out;
    }

    /** The detail lines of unnamed blocks, mapped as parts of whatever their total line was read as. */
    private static void blockParts(List<Item> items, Map<Item, RowMapping> mappings, Map<Item, Item> totalOf) {
        for (var e : totalOf.entrySet()) {
            RowMapping total = mappings.get(e.getValue());
            String label = e.getValue().row.label();
            boolean read = total != null && total.kind() == RowMapping.Kind.ACCOUNT;
            Text reason = new Text("「" + label + "」で合計される内訳行" + (read ? "" : "（合計行の科目は未決定）"),
                    "a detail line summed by its block's total line \"" + label + "\"" + (read ? "" : " (whose account is not decided)"));
            mappings.put(e.getKey(), read
                    ? new RowMapping(RowMapping.Kind.PART_OF, total.account(), total.confidence(), total.candidates(), reason, false)
                    : new RowMapping(RowMapping.Kind.IGNORED, null, 1, List.of(), reason, false));
        }
    }

    /** Score of a reading resting on the same amounts printed for that account in another document. */
    static final double SAME_FIGURES = 0.85;
    /** Score of each reading when the amounts are those of several accounts in another document. */
    static final double SHARED_FIGURES = 0.6;

    /**
     * A row whose amounts are, in every year both print, those another statement of the application
     * gives an account ({@link PeerFigures}: the input sheet is the applicant's copy of the 決算書) is
     * offered that account, above a label that merely resembles another one (a little more where its own
     * wording resembles it too). Amounts that two accounts share (経常利益 and 税引前当期純利益 without
     * 特別損益) are no evidence for either. A row whose label names its account is not touched: a figure
     * that differs from the statement there is a finding, not doubt.
     */
    static void sameFigures(List<Item> items, PeerFigures peers) {
        if (peers.isEmpty()) {
            return;
        }
        // an account a row names by its label is printed there: an equal amount elsewhere (資産合計 and
        // 負債及び純資産合計) says nothing about another row
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Item it : items) {
            if (it.fixed || it.taught) {
                it.options.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT).forEach(o -> named.add(o.account()));
            }
        }
        for (Item it : items) {
            if (it.fixed || it.taught || it.row.values().isEmpty()) {
                continue;
            }
            Map<String, PeerFigures.Source> same = sameFiguresFor(it, peers, named, true);
            // amounts two accounts share (資産合計 and 負債及び純資産合計, 経常利益 without 特別損益) tell neither:
            // both are offered just above the prior floor, the wording picks one, and the row stays uncertain
            double base = same.size() == 1 ? SAME_FIGURES : SHARED_FIGURES;
            String why = SAME_FIGURES_WHY;
            if (same.size() == 1) {
                String only = same.keySet().iterator().next();
                Map<String, PeerFigures.Source> spoilers = peers.alsoDoubtful(it.signedValues(), it.unit, only);
                spoilers.keySet().removeIf(a -> !permitted(a, it.sectionAccount) || named.contains(a));
                if (!spoilers.isEmpty()) {
                    // the other document also prints these amounts on a line it could not read surely: they
                    // may be that line's account as well, so they tell neither (decision 028, item 12); the
                    // one printed with this row's very wording is offered too, a little above
                    base = SHARED_FIGURES;
                    for (var sp : spoilers.entrySet()) {
                        if (sameWording(it, sp.getValue())) {
                            readAs(it, sp.getKey(), SHARED_FIGURES + 0.05, SAME_FIGURES_WHY, sp.getValue());
                        }
                    }
                }
            }
            if (same.isEmpty()) {
                // the same amount in one year and another in the next: most likely the account with a
                // figure that disagrees (a finding to confirm, the reading stays below 0.5)
                same = sameFiguresFor(it, peers, named, false);
                if (same.size() != 1) {
                    doubtfulFigures(it, peers, named);
                    continue;
                }
                base = SHARED_FIGURES;
                why = SOME_FIGURES_WHY;
                // printed with the very wording the other document's confident reading has: the applicant's
                // own name for that account, so the one year that differs is a figure to check, not doubt
                // about the row (decision 028, item 3)
                PeerFigures.Source source = same.values().iterator().next();
                if (sameWording(it, source)) {
                    base = SAME_FIGURES;
                    why = SAME_WORDING_WHY;
                }
            }
            for (var m : same.entrySet()) {
                String account = m.getKey();
                double label = it.options.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account()))
                        .mapToDouble(Option::score).max().orElse(0);
                double s = Math.min(0.95, base + 0.1 * label);
                if (label >= s) {
                    continue;
                }
                readAs(it, account, s, why, m.getValue());
            }
            it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /** Whether the other document printed the row's very wording (the same taught-mapping key) on that line. */
    private static boolean sameWording(Item it, PeerFigures.Source source) {
        return LearnedMappings.wordingKey(source.label()).equals(LearnedMappings.wordingKey(it.row.label()));
    }

    /** Score of a reading resting on the amounts of a line another document read as that account in doubt. */
    static final double DOUBTFUL_FIGURES = 0.62;

    /**
     * A row whose amounts no sure figure of another document has, but one line that document read in doubt
     * (its wording not understood, its place alone), in every year, or in some year with the row's very
     * wording: that line's account, when nothing else offers it, just above the prior floor; the reading stays as doubtful
     * as the other document's ({@link #build} caps it below 0.5). The applicant copies a line it named its
     * own way into the sheet under the same name and amounts (企業債 for 長期借入金); whether that line is
     * the account is the one question for a person, not two.
     */
    static void doubtfulFigures(Item it, PeerFigures peers, java.util.Set<String> named) {
        boolean every = true;
        Map<String, PeerFigures.Source> found = peers.doubtfulMatching(it.signedValues(), it.unit, true);
        if (found.isEmpty()) {
            found = peers.doubtfulMatching(it.signedValues(), it.unit, false);
            every = false;
        }
        found.keySet().removeIf(a -> !permitted(a, it.sectionAccount) || named.contains(a));
        if (found.size() != 1) {
            return;
        }
        var only = found.entrySet().iterator().next();
        if (!every && !sameWording(it, only.getValue())) {
            return;
        }
        if (it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && only.getKey().equals(o.account()))) {
            // the row's own evidence for the account (its wording, its place) stands as it is: the other
            // document's doubt adds nothing to it
            return;
        }
        readAs(it, only.getKey(), DOUBTFUL_FIGURES, every ? DOUBTFUL_FIGURES_WHY : DOUBTFUL_SOME_WHY, only.getValue());
        it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
    }

    private static final String DOUBTFUL_FIGURES_WHY = "same figures as a doubtful line of another document";
    private static final String DOUBTFUL_SOME_WHY = "same wording and a same figure as a doubtful line of another document";

    /**
     * A 決算書 row printed with a wording its copies read surely as an account ({@link PeerFigures#wordingsFor})
     * is offered that account as strongly as the same amounts would (the applicant's own name for it),
     * unless its label already reads so or names another account. Only its section may refuse it.
     */
    static void sameWordings(List<Item> items, PeerFigures peers) {
        for (Item it : items) {
            if (it.fixed || it.taught || it.row.values().isEmpty()) {
                continue;
            }
            PeerFigures.Wording w = peers.wording(LearnedMappings.wordingKey(it.row.label()));
            if (w == null || !permitted(w.account(), it.sectionAccount)) {
                continue;
            }
            double label = it.options.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT && w.account().equals(o.account()))
                    .mapToDouble(Option::score).max().orElse(0);
            if (label >= SAME_FIGURES) {
                continue;
            }
            readAs(it, w.account(), SAME_FIGURES, PEER_WORDING_WHY, new PeerFigures.Source(w.file(), null, it.row.label(), Map.of(), 1));
            it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /**
     * Replaces the row's readings as {@code account} by one resting on another document ({@code source},
     * which its reason names). The caller sorts the options.
     */
    private static void readAs(Item it, String account, double score, String why, PeerFigures.Source source) {
        it.options.removeIf(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account()));
        it.options.add(new Option(RowMapping.Kind.ACCOUNT, account, score, why));
        it.sameAs.put(account, source);
    }

    private static final String PEER_WORDING_WHY = "same wording read surely in another document";

    /** The accounts the row's amounts agree with in another document ({@link PeerFigures#matching}) that the row may be. */
    private static Map<String, PeerFigures.Source> sameFiguresFor(Item it, PeerFigures peers, java.util.Set<String> named,
                                                                  boolean everyYear) {
        Map<String, PeerFigures.Source> same = peers.matching(it.signedValues(), it.unit, everyYear);
        same.keySet().removeIf(a -> !permitted(a, it.sectionAccount) || named.contains(a));
        return same;
    }

    private static final String SAME_FIGURES_WHY = "same figures as another document";
    private static final String SOME_FIGURES_WHY = "same figure in some year as another document";
    private static final String SAME_WORDING_WHY = "same wording and a same figure as another document";

    /** Position of each account in accounts.csv, which lists a statement's lines in the order they are printed. */
    private static final Map<String, Integer> ORDER = new HashMap<>();

    static {
        for (String code : CHART.keySet()) {
            ORDER.put(code, ORDER.size());
        }
    }

    /** Why a row whose weak wording its place confirms is read so ({@link #offer}): not a place alone. */
    static final String WORDING_AND_PLACE = "similar wording at its place";

    /** Label readings below this take no part in the chart order of a statement ({@link #orderChain}). */
    static final double CHAIN_FLOOR = 0.45;

    /**
     * The rows that fix the statement's order for {@link #placeBySlots}, with the account at their place.
     * A row read as an account by its label (≥ {@link #WEAK_LABEL}) is such an anchor, unless the order
     * of the statement reads it otherwise: {@link #orderChain} chooses, over every row's label readings,
     * the readings that follow the chart's printing order with the most label evidence. A row whose best
     * wording breaks that order (a wording read best as 法人税 or 当期純利益 above the lines that name them) while a
     * weaker reading of it fits the order is no anchor: it is {@code demoted}, a row whose place the
     * accounts around it tell, like a row without label evidence. A row the order leaves out altogether
     * (a 固定性配列法 balance sheet, printed out of the chart's order) stays an anchor, as before. The
     * detail lines of a block whose heading names their account stand at that account's place.
     */
    static void places(List<Item> items, Map<Item, String> at, java.util.Set<Item> demoted) {
        Map<Item, Option> chain = orderChain(items);
        for (Item it : items) {
            if (!anchor(it)) {
                Option p = it.options.get(0);
                if (p.kind() == RowMapping.Kind.PART_OF && p.account().equals(it.sectionAccount) && p.score() >= WEAK_LABEL
                        && CHART.containsKey(p.account())) {
                    // a detail line under a heading that names its account stands at that account's place
                    at.put(it, p.account());
                }
                continue;
            }
            Option o = chain.get(it);
            if (o != null && !it.fixed && !it.taught && o.score() < WEAK_LABEL && !o.account().equals(it.options.get(0).account())) {
                demoted.add(it);
            } else {
                at.put(it, o != null && o.score() >= WEAK_LABEL ? o.account() : it.options.get(0).account());
            }
        }
    }

    /**
     * The readings of a statement's rows (at most one each, accounts of one statement in the chart's
     * printing order, every account once) whose label scores add up to the most: a longest-path over
     * the rows in document order, for the balance sheet and the income statement apart. Only a row's
     * label readings count (≥ {@link #CHAIN_FLOOR}; not its gap readings, not memo accounts). Rows ×
     * readings squared comparisons per statement (a few hundred thousand at most), computed once.
     */
    static Map<Item, Option> orderChain(List<Item> items) {
        Map<Item, Option> out = new java.util.IdentityHashMap<>();
        for (String statement : new String[] {"BS", "PL"}) {
            List<Item> rows = new ArrayList<>();
            List<List<Option>> readings = new ArrayList<>();
            for (Item it : items) {
                List<Option> r = new ArrayList<>();
                for (Option o : it.options) {
                    if (o.kind() == RowMapping.Kind.ACCOUNT && o.score() >= CHAIN_FLOOR && CHART.containsKey(o.account())
                            && !memo(o.account()) && CHART.get(o.account()).statement().equals(statement)
                            && !o.why().equals("fills a gap") && !o.why().equals("its place in the statement")) {
                        r.add(o);
                    }
                }
                if (!r.isEmpty()) {
                    rows.add(it);
                    readings.add(r);
                }
            }
            int n = rows.size();
            double[][] best = new double[n][];
            int[][] fromRow = new int[n][];
            int[][] fromOpt = new int[n][];
            double top = 0;
            int topRow = -1;
            int topOpt = -1;
            for (int i = 0; i < n; i++) {
                List<Option> ri = readings.get(i);
                best[i] = new double[ri.size()];
                fromRow[i] = new int[ri.size()];
                fromOpt[i] = new int[ri.size()];
                for (int c = 0; c < ri.size(); c++) {
                    int order = ORDER.get(ri.get(c).account());
                    double b = 0;
                    int fr = -1;
                    int fo = -1;
                    for (int j = 0; j < i; j++) {
                        List<Option> rj = readings.get(j);
                        for (int d = 0; d < rj.size(); d++) {
                            if (ORDER.get(rj.get(d).account()) < order && best[j][d] > b) {
                                b = best[j][d];
                                fr = j;
                                fo = d;
                            }
                        }
                    }
                    best[i][c] = b + ri.get(c).score();
                    fromRow[i][c] = fr;
                    fromOpt[i][c] = fo;
                    if (best[i][c] > top) {
                        top = best[i][c];
                        topRow = i;
                        topOpt = c;
                    }
                }
            }
            for (int i = topRow, c = topOpt; i >= 0; ) {
                Item it = rows.get(i);
                Option o = readings.get(i).get(c);
                if (!out.containsKey(it) || out.get(it).score() < o.score()) {
                    out.put(it, o);
                }
                int pi = fromRow[i][c];
                c = fromOpt[i][c];
                i = pi;
            }
        }
        return out;
    }

    /**
     * A run of rows without label evidence at the start of a section (nothing read above it in that
     * section), up to the first row read as one of the section's lines: the section's lines the chart
     * prints before that row and no row names are their places, when there are as many (現金及び預金 as
     * the first line of 流動資産 in a wording no key resembles). The same offer as {@link #placeBySlots}.
     */
    static void placeAtSectionStarts(List<Item> items, Map<Item, String> at, java.util.Set<Item> demoted,
                                     java.util.Set<String> named) {
        int i = 0;
        while (i < items.size()) {
            Item first = items.get(i);
            String section = first.sectionAccount;
            boolean starts = section != null && CHILDREN.containsKey(section)
                    && (i == 0 || !section.equals(items.get(i - 1).sectionAccount)) && !at.containsKey(first)
                    && (weak(first) || demoted.contains(first));
            if (!starts) {
                i++;
                continue;
            }
            List<Item> run = new ArrayList<>();
            int j = i;
            while (j < items.size() && section.equals(items.get(j).sectionAccount) && !at.containsKey(items.get(j))
                    && (weak(items.get(j)) || demoted.contains(items.get(j)) || transparent(items.get(j)))) {
                if (weak(items.get(j)) || demoted.contains(items.get(j))) {
                    run.add(items.get(j));
                }
                j++;
            }
            if (j < items.size() && section.equals(items.get(j).sectionAccount) && at.containsKey(items.get(j))
                    && CHILDREN.get(section).contains(at.get(items.get(j)))) {
                int b = ORDER.get(at.get(items.get(j)));
                List<String> before = CHILDREN.get(section).stream()
                        .filter(c -> ORDER.get(c) < b && !named.contains(c) && !memo(c))
                        .sorted(java.util.Comparator.comparingInt(ORDER::get)).toList();
                if (before.size() == run.size()) {
                    for (int k = 0; k < run.size(); k++) {
                        offerPlace(run.get(k), before.get(k), demoted);
                    }
                } else if (before.size() == 1 && run.size() > 1 && leaf(before.get(0))) {
                    // more unread lines than the one account missing before the first line read: that
                    // account's lines printed flat, as between two lines read ({@link #placeBySlots})
                    for (Item it : run) {
                        offerFlatPart(it, before.get(0));
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    /**
     * The last line of a section that a later heading closes, worded as a total (…計, …合計) but like no
     * account, where no row names the section's own account and the places around it gave it none: that
     * account, at the place a statement prints it (借方合計 closing 資産の部 before 負債の部). The same offer as
     * {@link #placeBySlots}; the arithmetic confirms it or not.
     */
    static void placeAtSectionEnds(List<Item> items, Map<Item, String> at, java.util.Set<Item> demoted,
                                   java.util.Set<String> named) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String section = it.sectionAccount;
            if (section == null || !CHILDREN.containsKey(section) || named.contains(section) || at.containsKey(it)
                    || !it.reading.total() || !(weak(it) || demoted.contains(it))) {
                continue;
            }
            boolean last = i + 1 < items.size();
            for (int j = i + 1; j < items.size() && last; j++) {
                last = !section.equals(items.get(j).sectionAccount);
            }
            boolean placed = it.options.stream().anyMatch(o -> o.score() >= SLOT);
            if (last && !placed) {
                offerPlace(it, section, demoted);
            }
        }
    }

    /**
     * Where a run of rows without label evidence stands: between two rows read as accounts A and B
     * (above and below, memo lines skipped), the chart lists the accounts that are printed between A and
     * B. When as many of them are missing from the document as there are such rows, each row is offered
     * the missing account at its place (in chart order), with score {@link #SLOT}: above the prior floor,
     * so a line the arithmetic cannot place (a 0 in 臨時損失) still gets its account, but not a confident
     * one (without an identity that holds its confidence stays below 0.5).
     */
    static void placeBySlots(List<Item> items) {
        Map<Item, String> at = new java.util.IdentityHashMap<>();
        java.util.Set<Item> demoted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        places(items, at, demoted);
        java.util.Set<String> named = new java.util.HashSet<>(at.values());
        // a memo line a row names outright (減価償却費) is no place left for another row
        java.util.Set<String> memosNamed = new java.util.HashSet<>(named);
        for (Item it : items) {
            Option o = it.options.get(0);
            if (it.fixed && o.kind() == RowMapping.Kind.ACCOUNT && memo(o.account())) {
                memosNamed.add(o.account());
            }
        }
        placeAtSectionStarts(items, at, demoted, named);
        int i = 0;
        while (i < items.size()) {
            if (!at.containsKey(items.get(i))) {
                i++;
                continue;
            }
            List<Item> run = new ArrayList<>();
            String statementOfA = CHART.get(at.get(items.get(i))).statement();
            int j = i + 1;
            while (j < items.size() && !at.containsKey(items.get(j)) && sameStatement(items.get(j), statementOfA)
                    && (weak(items.get(j)) || demoted.contains(items.get(j)) || transparent(items.get(j)))) {
                if (weak(items.get(j)) || demoted.contains(items.get(j))) {
                    run.add(items.get(j));
                }
                j++;
            }
            // the end of the statement is a place too: after its last line read, the chart's lines after it
            boolean end = j >= items.size() || !sameStatement(items.get(j), statementOfA)
                    || at.containsKey(items.get(j)) && !CHART.get(at.get(items.get(j))).statement().equals(statementOfA);
            if (!run.isEmpty() && (end || at.containsKey(items.get(j)))) {
                String a = at.get(items.get(i));
                String b = end ? null : at.get(items.get(j));
                String statement = CHART.get(a).statement();
                List<String> between = new ArrayList<>();
                if (b == null || CHART.get(b).statement().equals(statement)) {
                    for (String c : CHART.keySet()) {
                        int o = ORDER.get(c);
                        if (o > ORDER.get(a) && (b == null || o < ORDER.get(b)) && CHART.get(c).statement().equals(statement) && !memo(c)
                                && !named.contains(c)) {
                            between.add(c);
                        }
                    }
                }
                // the same places with the memo lines the statement does not name, each right after the
                // account the chart includes it in (借入金利息 under 医業外費用: 支払利息)
                List<String> withMemos = new ArrayList<>(memosOf(a, memosNamed));
                for (String c : between) {
                    withMemos.add(c);
                    withMemos.addAll(memosOf(c, memosNamed));
                }
                if (between.size() == run.size()) {
                    for (int k = 0; k < run.size(); k++) {
                        offerPlace(run.get(k), between.get(k), demoted);
                    }
                } else if (withMemos.size() == run.size()) {
                    for (int k = 0; k < run.size(); k++) {
                        Item it = run.get(k);
                        // an "of which" line is within the line before it in every year
                        if (!memo(withMemos.get(k)) || within(it, items.get(items.indexOf(it) - 1))) {
                            offerPlace(it, withMemos.get(k), demoted);
                        }
                    }
                    if (between.size() == 1 && leaf(between.get(0))) {
                        // or the one account's lines printed flat, the last no "of which" line: the sums decide
                        for (Item it : run) {
                            offerFlatPart(it, between.get(0));
                        }
                    }
                } else if (between.size() == 1 && run.size() > 1 && leaf(between.get(0))) {
                    // more unread lines than the one account missing at their place: that account's lines
                    // printed flat, with no heading and no total (設備関係費 as 減価償却費, 賃借料, 修繕費 …)
                    for (Item it : run) {
                        offerFlatPart(it, between.get(0));
                    }
                } else if (between.size() > 1 && run.size() > between.size() && !byHeadings(items, run, between, demoted)) {
                    splitRun(run, between, demoted);
                }
            }
            i = j;
        }
        placeAtSectionEnds(items, at, demoted, named);
    }

    /** Whether a row stands in a section of {@code statement} (a row outside every section may be of any). */
    private static boolean sameStatement(Item it, String statement) {
        return it.sectionAccount == null || CHART.get(it.sectionAccount) == null
                || CHART.get(it.sectionAccount).statement().equals(statement);
    }

    /**
     * Where a detail block ends when neither indentation nor the arithmetic tells
     * (a line after the block changes no sum whether it is a part of the block or its own account of
     * the same total): a row of the block whose label resembles a sibling of the block's account (業務委託費
     * after a 給与費 block: 委託費, a component of 医業費用 like 給与費) that no other row names, is offered
     * that account, and its reading as a part drops below that label evidence. Without arithmetic to
     * confirm either, the two stay within {@link #TIE_MARGIN}: the row is uncertain.
     */
    static void siblingReadings(List<Item> items) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Item it : items) {
            if (anchor(it)) {
                named.add(it.options.get(0).account());
            }
        }
        for (Item it : items) {
            String block = it.sectionAccount;
            if (it.fixed || it.taught || !leaf(block) || CHART.get(block) == null || parentOf(CHART.get(block)) == null) {
                continue;
            }
            int part = -1;
            for (int c = 0; c < it.options.size(); c++) {
                Option o = it.options.get(c);
                if (o.kind() == RowMapping.Kind.PART_OF && o.account().equals(block)) {
                    part = c;
                }
            }
            if (part < 0) {
                continue;
            }
            String parent = parentOf(CHART.get(block));
            AccountCandidate sibling = null;
            for (AccountCandidate c : candidates(it.reading.base())) {
                Account a = CHART.get(c.account());
                if (a != null && parent.equals(parentOf(a)) && !c.account().equals(block) && !named.contains(c.account())
                        && 0.9 * c.score() >= WEAK_LABEL && (sibling == null || c.score() > sibling.score())) {
                    sibling = c;
                }
            }
            if (sibling == null) {
                continue;
            }
            double s = 0.9 * sibling.score();
            Option p = it.options.get(part);
            it.options.set(part, new Option(p.kind(), p.account(), Math.min(p.score(), s - TIE_MARGIN / 2), p.why()));
            String account = sibling.account();
            it.options.removeIf(o -> o.kind() == RowMapping.Kind.ACCOUNT && o.account().equals(account));
            it.options.add(new Option(RowMapping.Kind.ACCOUNT, account, s, "similar wording"));
            it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /**
     * Whether a line worded as a total (計, 合計) names, faintly but nearest, an account other than the
     * block's and outside it: no part of the leaf block, which has no totals of its own.
     */
    static boolean otherTotal(RowLabel reading, String block, String kind) {
        if (!reading.total() || reading.memo()) {
            return false;
        }
        List<AccountCandidate> c = candidates(reading.base()).stream().filter(x -> permittedKind(x.account(), kind)).toList();
        if (c.isEmpty() || c.get(0).score() < CHAIN_FLOOR) {
            return false;
        }
        double top = c.get(0).score();
        boolean blocksOwn = isAncestorOrSelf(block, c.get(0).account()) && (c.size() == 1 || c.get(1).score() <= top - NEAREST_MARGIN);
        // the block's own total, worded loosely, stays in it; a tie with another account says it may not be
        return !blocksOwn && c.stream().filter(x -> x.score() >= top - 1e-9).anyMatch(x -> !isAncestorOrSelf(block, x.account()));
    }

    /**
     * Whether a line inside a flat detail block (no indentation to tell) reads, by its best n-gram
     * candidate (worth a figure: ≥ {@link #WEAK_LABEL} after the 0.9 discount), as a line the chart
     * prints after the block and outside it: the block's own enclosing total (医業費用 after a 経費
     * block), at least as large as the block's lines above it in every year, or a later line of an
     * enclosing section (法人税… after a 特別損失 block). Such a line is no part of the block, as an exact
     * name of a total is not (decision 020, item 3); a sibling of the block's account is left to
     * {@link #siblingReadings} (the arithmetic cannot tell it from a part), and a total further up (資産合計
     * inside その他の資産) would skip the totals between, so it is no evidence.
     */
    static boolean readsOutside(RowLabel reading, String block, String kind, StatementRow row, List<Item> lines) {
        Account b = CHART.get(block);
        if (reading.memo() || b == null) {
            return false;
        }
        // an enclosing total includes the block: it is at least as large as the block's lines so far in
        // every year (a part whose wording contains the short key 資産 of 資産合計 is no total)
        Map<Integer, Long> sum = new HashMap<>();
        for (Item it : lines) {
            it.row.values().forEach((y, v) -> sum.merge(y, Math.abs(v), Long::sum));
        }
        boolean smaller = sum.entrySet().stream().anyMatch(e -> row.values().containsKey(e.getKey())
                && Math.abs(row.values().get(e.getKey())) < e.getValue());
        List<AccountCandidate> c = candidates(reading.base());
        if (c.isEmpty() || 0.9 * c.get(0).score() < WEAK_LABEL) {
            return false;
        }
        // the candidates as good as the best: none may lie in the block or beside it (a tie with a part's
        // reading says nothing), and one must be a line that may follow the block
        String parent = parentOf(b);
        boolean follows = false;
        for (AccountCandidate x : c) {
            if (x.score() < c.get(0).score() - 1e-9) {
                break;
            }
            Account a = CHART.get(x.account());
            if (a == null || isAncestorOrSelf(block, x.account()) || java.util.Objects.equals(parentOf(a), parent)) {
                return false;
            }
            // the block's own total, or a later line of an enclosing section (税引前… or 法人税… after a
            // 特別損失 block) — not a total further up, which would skip the totals between
            String up = parentOf(a);
            boolean later = !memo(x.account()) && a.statement().equals(b.statement()) && permittedKind(x.account(), kind)
                    && ORDER.get(x.account()) > ORDER.get(block) && up != null && isAncestorOrSelf(up, block)
                    && (x.account().equals(parent) ? !smaller : !isAncestorOrSelf(x.account(), block));
            follows |= later;
        }
        return follows;
    }

    /** The value rows read so far under the innermost section of {@code stack} (the open block's lines). */
    private static List<Item> blockLines(List<Item> items, List<Section> stack) {
        List<String> path = path(stack);
        List<Item> out = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0 && items.get(i).sectionPath.equals(path); i--) {
            out.add(items.get(i));
        }
        return out;
    }

    /** Why a row is offered the memo account of the line it stands under ({@link #ofWhichLines}). */
    static final String OF_WHICH = "of which, under its line";

    /**
     * An "of which" line (うち …, 内 …) whose wording names no account: it is a part of the line right
     * above it (other うち lines skipped), so it can only be a memo account the chart includes in that
     * line's account (accounts.csv: 支払利息 "included in" 医業外費用) — one no row names, and only when
     * the line is within the line above in every year. Offered with score {@link #SLOT}: its wording was
     * not understood, so the reading stays below 0.5 like a place (a person confirms it). A memo account
     * takes part in no identity, so the arithmetic can neither confirm nor refute it.
     */
    static void ofWhichLines(List<Item> items) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Item it : items) {
            Option o = it.options.get(0);
            if (o.kind() == RowMapping.Kind.ACCOUNT && o.score() >= WEAK_LABEL) {
                named.add(o.account());
            }
        }
        for (int i = 1; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.fixed || it.taught || !it.reading.memo() || it.row.values().isEmpty()
                    || it.options.stream().anyMatch(o -> o.account() != null && o.score() >= WEAK_LABEL)) {
                continue;
            }
            int k = i - 1;
            while (k > 0 && items.get(k).reading.memo()) {
                k--;
            }
            Item whole = items.get(k);
            if (whole.reading.memo() || !within(it, whole)) {
                continue;
            }
            for (Option o : List.copyOf(whole.options)) {
                if (o.kind() != RowMapping.Kind.ACCOUNT || o.score() < WEAK_LABEL) {
                    continue;
                }
                for (String m : memosOf(o.account(), named)) {
                    if (permitted(m, it.sectionAccount)
                            && it.options.stream().noneMatch(x -> x.kind() == RowMapping.Kind.ACCOUNT && m.equals(x.account()))) {
                        it.options.add(new Option(RowMapping.Kind.ACCOUNT, m, SLOT, OF_WHICH));
                    }
                }
            }
            it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /**
     * A statement prints a total after its lines: once 有形固定資産合計 is printed (read surely, worded as a
     * total), no later line of the statement is one of its lines. Readings of such an account that rest on
     * a likeness alone (建物建替特定預金 after 有形固定資産合計 resembles 建物) are dropped; a wording that names
     * the account outright is kept. What is left always includes leaving the row unread.
     */
    static List<Option> afterClosedTotals(List<Option> options, java.util.Set<String> closed) {
        if (closed.isEmpty()) {
            return options;
        }
        List<Option> out = new ArrayList<>(options.size());
        for (Option o : options) {
            if (o.account() == null || o.score() >= NAMES_ACCOUNT || !insideClosed(o.account(), closed)) {
                out.add(o);
            }
        }
        if (out.size() == options.size()) {
            return options;
        }
        withUnmapped(out);
        return out;
    }

    /** The top of the chart above {@code account}: 資産合計, 負債及び純資産合計, 当期純利益 (or the account itself). */
    private static String root(String account) {
        String a = account;
        while (CHART.containsKey(a) && CHART.containsKey(parentOf(CHART.get(a)))) {
            a = parentOf(CHART.get(a));
        }
        return a;
    }

    private static boolean insideClosed(String account, java.util.Set<String> closed) {
        String parent = CHART.containsKey(account) ? parentOf(CHART.get(account)) : null;
        return closed.stream().anyMatch(c -> isAncestorOrSelf(c, parent));
    }

    /**
     * Whether a line naming {@code block} outright (its total, 給与費計) comes after row {@code from} before any
     * line naming a total of the chart (医業費用合計, 経常利益): the heading at {@code from} is then a sub-heading
     * inside the block.
     */
    static boolean blockTotalFollows(List<StatementRow> rows, int from, String block, boolean ocr) {
        for (StatementRow x : rows) {
            if (x.index() <= from || x.heading()) {
                continue;
            }
            Optional<AccountMatcher.Match> m = match(RowLabel.read(x.label()).base(), ocr);
            if (m.isEmpty() || !m.get().exact()) {
                continue;
            }
            if (m.get().account().equals(block)) {
                return true;
            }
            if (CHILDREN.containsKey(m.get().account())) {
                return false;
            }
        }
        return false;
    }

    /** Why a row is offered the account its bracket names ({@link #namedInBracket}). */
    static final String BRACKET_NAMES_WHY = "named in its bracket";

    /**
     * A label that names no account, with a bracket that names one exactly (棚卸資産（医薬品）: inventories, of
     * medicines): the bracket says what the line is, as a qualifier does, so the row is offered that account
     * (0.75, worth a figure; the arithmetic still decides). Only where the label itself names none: 土地（事業用）
     * and 貸倒引当金（医業未収金） stay the account their own name says.
     */
    static List<Option> namedInBracket(List<Option> options, RowLabel reading, String strong, String section, String kind,
                                       boolean ocr) {
        if (strong != null || reading.otherQualifier() == null || reading.otherQualifier().contains(",")) {
            return options;
        }
        Optional<AccountMatcher.Match> m = match(reading.otherQualifier(), ocr);
        if (m.isEmpty() || !m.get().exact()) {
            return options;
        }
        String a = m.get().account();
        if (!leaf(a) || !allowed(a, section, reading) || !permittedKind(a, kind)
                || options.stream().anyMatch(o -> a.equals(o.account()) && o.score() >= BRACKET_NAMES)) {
            return options;
        }
        List<Option> out = new ArrayList<>(options);
        offerReading(out, a, BRACKET_NAMES, BRACKET_NAMES_WHY);
        withUnmapped(out);
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
        return out;
    }

    /**
     * Score of a reading by a word only one line of the section has ({@link AccountMatcher#distinctive}): a weak
     * wording (below {@link #WEAK_LABEL}), which the place and the sums must confirm: a detail line of the その他
     * line may hold a sibling's word (特別修繕引当金 among the other fixed liabilities).
     */
    static final double DISTINCT_WORD = 0.55;
    /**
     * Whether the label's wording comes at least as near to the section's own account as to any of its lines
     * (near to none: サービス活動費用計 under 医業費用).
     */
    private static boolean nearestIsSection(RowLabel reading, String section) {
        double own = 0;
        double line = 0;
        for (AccountCandidate c : candidates(reading.base())) {
            if (c.account().equals(section)) {
                own = Math.max(own, c.score());
            } else if (section.equals(CHART.get(c.account()).parent())) {
                line = Math.max(line, c.score());
            }
        }
        return own >= line;
    }

    /** The lines of {@code section} a statement of {@code kind} prints. */
    private static List<String> linesOf(String section, String kind) {
        return CHILDREN.get(section).stream().filter(c -> permittedKind(c, kind)).toList();
    }

    /**
     * The row's reading as {@code account} on one kind of wording evidence, in place of a weaker reading of the
     * row as that account; nothing where some reading of it as that account is already as strong.
     */
    private static void offerReading(List<Option> out, String account, double score, String why) {
        if (out.stream().anyMatch(o -> account.equals(o.account()) && o.score() >= score)) {
            return;
        }
        out.removeIf(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account()));
        out.add(new Option(RowMapping.Kind.ACCOUNT, account, score, why));
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
    }

    /**
     * The one line of {@code section} a word of the label tells apart from its siblings ({@link
     * AccountMatcher#distinctive}), the bracket's words first: they are what a label that names only its section
     * adds to tell the lines apart (附属病院収益（外来）).
     */
    static Optional<String> distinctLine(RowLabel reading, String section, String kind) {
        if (section == null || !CHILDREN.containsKey(section)) {
            return Optional.empty();
        }
        List<String> lines = linesOf(section, kind);
        String whole = reading.base() + (reading.otherQualifier() == null ? "" : reading.otherQualifier());
        Optional<String> only = reading.otherQualifier() == null ? Optional.empty()
                : MATCHER.distinctive(reading.otherQualifier(), whole, lines);
        return only.isPresent() ? only : MATCHER.distinctive(whole, lines);
    }

    /**
     * A label that lists items (及び, 並びに, ・, 、) and ends in "and others" (ほか, 他, 等, など): a catch-all
     * line, the section's その他 line.
     */
    private static final java.util.regex.Pattern ITEMS_AND_OTHERS =
            java.util.regex.Pattern.compile("^(?=.*(?:及び|および|並びに|・|、)).{2,}?(?:ほか|他|等|など)$");
    static final double ITEMS_AND_OTHERS_SCORE = 0.6;
    static final String ITEMS_AND_OTHERS_WHY = "items listed and others: the section's other line";

    /** Score of a reading as the one line of the section whose name the label abbreviates ({@link AccountMatcher#abbreviated}). */
    static final double ABBREVIATION = 0.6;
    static final String ABBREVIATION_WHY = "an abbreviation of the account's name";

    /** Why a row is offered the one line of its section its words tell apart. */
    static final String DISTINCT_WORD_WHY = "a word only that line of its section has";

    /** Score of a reading named by the label's bracket alone ({@link #namedInBracket}). */
    static final double BRACKET_NAMES = 0.75;

    /** Why a row is offered the account that includes the memo line printed under it ({@link #memoHomes}). */
    static final String MEMO_HOME_WHY = "includes the memo line under it";

    /**
     * The converse of {@link #ofWhichLines}: a line read as a memo account (減価償却費, 支払利息), set under
     * the line above it (indented deeper, or written as うち) and within it in every year, says what that
     * line is: the account the chart includes the memo in (accounts.csv: 減価償却費 "included in"
     * 設備関係費). 設備関連経費 over ※減価償却費 is 設備関係費, however much its wording resembles 経費. Offered
     * with score {@link #SLOT} to a line that is not read surely; the arithmetic still decides. Before the
     * places are drawn ({@link #placeBySlots}): the order chain then sees the line at that account's place.
     */
    static void memoHomes(List<Item> items) {
        for (int i = 1; i < items.size(); i++) {
            Item it = items.get(i);
            Option top = it.options.get(0);
            if (top.kind() != RowMapping.Kind.ACCOUNT || !memo(top.account()) || top.score() < WEAK_LABEL
                    || !wording(top) || it.row.values().isEmpty()) {
                continue;
            }
            String home = MEMO_HOME.get(top.account());
            Item above = items.get(i - 1);
            // right under it: no heading between them (a memo line heading a block's parts is the block's)
            boolean under = above.row.index() == it.row.index() - 1 && (it.row.indent() > above.row.indent() || it.reading.memo());
            if (home == null || !under || above.fixed || above.taught || above.row.values().isEmpty() || !within(it, above)
                    || !permitted(home, above.sectionAccount)
                    || above.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && home.equals(o.account())
                    && o.score() >= SLOT)) {
                continue;
            }
            above.options.removeIf(o -> o.kind() == RowMapping.Kind.ACCOUNT && home.equals(o.account()));
            above.options.add(new Option(RowMapping.Kind.ACCOUNT, home, SLOT, MEMO_HOME_WHY));
            above.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /** Why the line of an asset with deductions under it is offered as a part of that asset ({@link #indirectForms}). */
    static final String INDIRECT_GROSS = "acquisition cost, less the deductions under it";
    /** Why a deduction line is offered as a part of the asset above it ({@link #indirectForms}). */
    static final String INDIRECT_DEDUCTION = "a deduction from the asset above";

    /**
     * The indirect form of a fixed asset (間接控除): the asset's line carries its acquisition cost, and the
     * lines set under it carry what is taken off (減価償却累計額 △, 減損損失累計額 △), the net printed nowhere.
     * A line whose wording reads best as a fixed asset leaf (faintly will do: 医療器械・器具備品), followed by lines
     * with negative amounts that are set under it (indented
     * deeper, written as a deduction, or worded like the same asset) and whose wording reads as no other
     * account, with a net of at least zero in every year: the line is offered as a part of its
     * asset, and each deduction too, so that the asset is the net. Whether it is, the arithmetic decides
     * (有形固定資産合計 adds up with the net, not with the acquisition cost); the search tries the line and its
     * deductions together ({@link Search}), since no one of them alone changes a sum.
     */
    static List<Together> indirectForms(List<Item> items) {
        List<Together> out = new ArrayList<>();
        for (int i = 0; i + 1 < items.size(); i++) {
            Item g = items.get(i);
            Option top = g.options.get(0);
            if (g.taught || top.kind() != RowMapping.Kind.ACCOUNT || top.score() < SIBLING_PART || !wording(top) || !leaf(top.account())
                    || !isAncestorOrSelf("fixed_assets", top.account()) || g.row.values().isEmpty()) {
                continue;
            }
            String a = top.account();
            List<Item> deductions = new ArrayList<>();
            for (int j = i + 1; j < items.size() && items.get(j).row.index() == items.get(j - 1).row.index() + 1
                    && deduction(items.get(j), g, a); j++) {
                deductions.add(items.get(j));
            }
            if (deductions.isEmpty() || !netNotNegative(g, deductions)) {
                continue;
            }
            g.fixed = false;
            List<Item> group = new ArrayList<>(List.of(g));
            group.addAll(deductions);
            out.add(new Together(group, a));
            g.options.add(new Option(RowMapping.Kind.PART_OF, a, Math.min(top.score(), NAMES_ACCOUNT), INDIRECT_GROSS));
            for (Item d : deductions) {
                d.options.add(new Option(RowMapping.Kind.PART_OF, a, DETAIL_PART, INDIRECT_DEDUCTION));
                withUnmapped(d.options);
                d.options.sort((x, y) -> Double.compare(y.score(), x.score()));
            }
            i += deductions.size();
        }
        return out;
    }

    /** Adds leaving the row unread to its readings, when they do not offer it yet. */
    private static void withUnmapped(List<Option> options) {
        if (options.stream().noneMatch(o -> o.kind() == RowMapping.Kind.UNMAPPED)) {
            options.add(new Option(RowMapping.Kind.UNMAPPED, null, 0, "none"));
        }
    }

    /** Rows the search reads as parts of one account together, or not at all ({@link Search}). */
    record Together(List<Item> items, String account) {
    }

    /**
     * Several lines in a row whose wordings each read, not surely, as the same leaf account that no other line
     * names outright (法人税等調整額 and 過年度法人税等 both resemble 法人税等), with the unread lines right before
     * or after them: the account printed as its lines, with no total (法人税、住民税及び事業税 beside its
     * adjustments; 次期繰越活動増減差額 after two lines like 積立金). Each
     * is offered as a part of it ({@link #FLAT_PART}); the search tries the lines together, with and without
     * the unread ones, and the arithmetic decides.
     */
    static List<Together> linesOfOneAccount(List<Item> items) {
        List<Together> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String a = sameWordingAccount(items.get(i));
            if (a == null || !leaf(a)) {
                continue;
            }
            int j = i + 1;
            while (j < items.size() && a.equals(sameWordingAccount(items.get(j))) && adjacent(items.get(j - 1), items.get(j))) {
                j++;
            }
            if (j - i < 2 || namedOutright(items, a)) {
                continue;
            }
            List<Item> lines = new ArrayList<>(items.subList(i, j));
            int k = i;
            while (k > 0 && weak(items.get(k - 1)) && adjacent(items.get(k - 1), items.get(k))
                    && java.util.Objects.equals(items.get(k - 1).sectionAccount, items.get(i).sectionAccount)) {
                k--;
            }
            // and the unread lines after them (次期繰越活動増減差額 after two lines like 積立金)
            int m = j;
            while (m < items.size() && weak(items.get(m)) && adjacent(items.get(m - 1), items.get(m))
                    && java.util.Objects.equals(items.get(m).sectionAccount, items.get(i).sectionAccount)) {
                m++;
            }
            List<Item> wide = new ArrayList<>(items.subList(k, m));
            for (Item it : wide) {
                if (!hasPart(it, a) && permitted(a, it.sectionAccount)) {
                    it.options.add(new Option(RowMapping.Kind.PART_OF, a, FLAT_PART, FLAT_PART_WHY));
                    it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
                }
            }
            if (lines.stream().allMatch(it -> hasPart(it, a))) {
                out.add(new Together(lines, a));
            }
            if ((k < i || m > j) && wide.stream().allMatch(it -> hasPart(it, a))) {
                out.add(new Together(wide, a));
            }
            i = m - 1;
        }
        return out;
    }

    /** The leaf account a free row's wording reads as best, when it reads as one at all but not surely. */
    private static String sameWordingAccount(Item it) {
        // a total line (設備関連経費計) closes a block of its own: it is no flat line of another account
        Option top = it.options.get(0);
        return !it.fixed && !it.taught && !it.reading.total() && top.kind() == RowMapping.Kind.ACCOUNT && wording(top) && top.score() >= WEAK_LABEL
                && top.score() < NAMES_ACCOUNT && !memo(top.account()) && !it.row.values().isEmpty() ? top.account() : null;
    }

    private static boolean adjacent(Item a, Item b) {
        return b.row.index() == a.row.index() + 1;
    }

    private static boolean namedOutright(List<Item> items, String account) {
        return items.stream().anyMatch(it -> it.options.get(0).kind() == RowMapping.Kind.ACCOUNT
                && account.equals(it.options.get(0).account()) && it.options.get(0).score() >= NAMES_ACCOUNT);
    }

    private static boolean hasPart(Item it, String account) {
        return it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.PART_OF && account.equals(o.account()));
    }

    /** Score of a detail line read as a part of its section's account ("detail line of its section"). */
    private static final double DETAIL_PART = 0.7;

    private static boolean deduction(Item d, Item gross, String account) {
        if (d.taught || d.row.values().isEmpty() || d.reading.memo()) {
            return false;
        }
        for (var y : d.signedValues().entrySet()) {
            if (y.getValue() >= 0 || !gross.row.values().containsKey(y.getKey())) {
                return false;
            }
        }
        // a line whose wording reads as an account of its own (貸倒引当金) is that account, not a deduction
        Option top = d.options.get(0);
        if (top.kind() == RowMapping.Kind.ACCOUNT && top.score() >= WEAK_LABEL && wording(top) && !account.equals(top.account())) {
            return false;
        }
        boolean worded = d.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account()) && wording(o));
        // no fixed asset is negative: a line negative in every year, right under one, with no reading of its own
        // worth a figure, is a deduction from it however it is printed (構築物等減価償却累計額 in a CSV without
        // indentation or △)
        boolean ownReading = top.kind() == RowMapping.Kind.ACCOUNT && top.score() >= WEAK_LABEL;
        return d.row.indent() > gross.row.indent() || d.reading.contra() || worded || !ownReading;
    }

    private static boolean netNotNegative(Item gross, List<Item> deductions) {
        for (var y : gross.signedValues().entrySet()) {
            long net = y.getValue();
            for (Item d : deductions) {
                net += d.signedValues().getOrDefault(y.getKey(), 0L);
            }
            if (net < 0) {
                return false;
            }
        }
        return true;
    }

    /** The memo accounts the chart includes in {@code account} that no row names. */
    private static List<String> memosOf(String account, java.util.Set<String> named) {
        List<String> out = new ArrayList<>();
        for (var m : MEMO_HOME.entrySet()) {
            if (m.getValue().equals(account) && !named.contains(m.getKey())) {
                out.add(m.getKey());
            }
        }
        return out;
    }

    /** Whether the row's value is at most the other row's in every year the other prints. */
    private static boolean within(Item part, Item whole) {
        for (var y : part.row.values().entrySet()) {
            Long w = whole.row.values().get(y.getKey());
            if (w == null || Math.abs(y.getValue()) > Math.abs(w)) {
                return false;
            }
        }
        return true;
    }

    /** Score of a reading that rests on where the row stands in the statement ({@link #placeBySlots}). */
    static final double SLOT = 0.65;

    /**
     * A run with more unread lines than places between its anchors, where some lines' faint wordings come
     * nearest to one of those places each, in the chart's order (診療用材料品 to 診療材料): those lines split the
     * run, and each stretch between them is placed as a run of its own, as many lines as places, or several
     * lines where one account is missing (that account's parts printed flat: the lines of その他の流動資産
     * after 診療材料).
     */
    private static void splitRun(List<Item> run, List<String> between, java.util.Set<Item> demoted) {
        List<Integer> cuts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int k = 0; k < run.size(); k++) {
            Item it = run.get(k);
            for (Option o : it.options) {
                int at = o.kind() == RowMapping.Kind.ACCOUNT && wording(o) && o.score() >= CHAIN_FLOOR && nearestWording(it, o)
                        ? between.indexOf(o.account()) : -1;
                if (at >= 0 && (slots.isEmpty() || at > slots.get(slots.size() - 1))) {
                    cuts.add(k);
                    slots.add(at);
                    break;
                }
            }
        }
        if (cuts.isEmpty()) {
            return;
        }
        int fromRow = 0;
        int fromSlot = 0;
        for (int c = 0; c <= cuts.size(); c++) {
            int toRow = c < cuts.size() ? cuts.get(c) : run.size();
            int toSlot = c < cuts.size() ? slots.get(c) : between.size();
            List<Item> stretch = run.subList(fromRow, toRow);
            List<String> places = between.subList(fromSlot, toSlot);
            if (!stretch.isEmpty() && places.size() == stretch.size()) {
                for (int k = 0; k < stretch.size(); k++) {
                    offerPlace(stretch.get(k), places.get(k), demoted);
                }
            } else if (stretch.size() > 1 && places.size() == 1 && leaf(places.get(0))) {
                stretch.forEach(it -> offerFlatPart(it, places.get(0)));
            }
            if (c < cuts.size()) {
                offerPlace(run.get(toRow), between.get(toSlot), demoted);
                fromRow = toRow + 1;
                fromSlot = toSlot + 1;
            }
        }
    }

    /**
     * A run with more unread lines than places, that its structure divides into as many groups as there are
     * places: a heading printed inside it (a line with no amount: 特別費用 over 固定資産除却損 …) opens a group,
     * and so does a change of indentation (医業外の支出's lines indented, then 経常増減差額, 特別収入, 特別支出 at the
     * statement's level). Lines at the run's own level that no heading opened are one place each; the lines of
     * a group under a heading or indented deeper are one place together. Each group takes one place, in
     * order — a single line that account, several lines its parts printed flat. Returns whether it did.
     */
    private static boolean byHeadings(List<Item> items, List<Item> run, List<String> between, java.util.Set<Item> demoted) {
        java.util.Set<Integer> valueRows = new java.util.HashSet<>();
        for (Item it : items) {
            valueRows.add(it.row.index());
        }
        int top = run.stream().mapToInt(it -> it.row.indent()).min().orElse(0);
        List<List<Item>> groups = new ArrayList<>();
        boolean opened = false;
        for (int k = 0; k < run.size(); k++) {
            Item it = run.get(k);
            boolean heading = false;
            if (k > 0) {
                for (int x = run.get(k - 1).row.index() + 1; x < it.row.index() && !heading; x++) {
                    heading = !valueRows.contains(x);
                }
            }
            boolean newGroup = k == 0 || heading || it.row.indent() != run.get(k - 1).row.indent()
                    || it.row.indent() == top && !opened;
            if (heading) {
                opened = true;
            } else if (newGroup && k > 0 && it.row.indent() != run.get(k - 1).row.indent()) {
                opened = false;
            }
            if (newGroup) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(it);
        }
        if (groups.size() != between.size()) {
            return false;
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Item> group = groups.get(g);
            if (group.size() > 1 && !leaf(between.get(g))) {
                return false;
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Item> group = groups.get(g);
            if (group.size() == 1) {
                offerPlace(group.get(0), between.get(g), demoted);
            } else {
                String account = between.get(g);
                group.forEach(it -> offerFlatPart(it, account));
            }
        }
        return true;
    }

    /** Score of a line read as a part of the one account missing at its place ({@link #placeBySlots}). */
    static final double FLAT_PART = 0.62;
    static final String FLAT_PART_WHY = "a line of the account missing at its place, printed flat";

    private static void offerFlatPart(Item it, String account) {
        if (!permitted(account, it.sectionAccount) || it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.PART_OF
                && account.equals(o.account()) && o.score() >= FLAT_PART)) {
            return;
        }
        it.options.add(new Option(RowMapping.Kind.PART_OF, account, FLAT_PART, FLAT_PART_WHY));
        it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
    }

    /**
     * {@link #offer}, except to a demoted row ({@link #places}) whose own wording already reads as the
     * account at its place: the place then only confirms the order, and the wording stays its evidence.
     */
    private static void offerPlace(Item it, String account, java.util.Set<Item> demoted) {
        if (demoted.contains(it) && it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && account.equals(o.account()))) {
            return;
        }
        offer(it, account);
    }

    private static void offer(Item it, String account) {
        if (!allowed(account, it.sectionAccount, it.reading)) {
            return;
        }
        // a wording that already reads weakly as the account at its place stays evidence, raised to a
        // place's score: wording and place together are not a place alone (decision 020, fourth pass)
        boolean said = it.options.stream().anyMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && o.account().equals(account)
                && o.score() < SLOT && (o.score() >= SIBLING_PART || nearestWording(it, o)) && wording(o));
        it.options.removeIf(o -> o.kind() == RowMapping.Kind.ACCOUNT && o.account().equals(account) && o.score() < SLOT);
        if (it.options.stream().noneMatch(o -> o.kind() == RowMapping.Kind.ACCOUNT && o.account().equals(account))) {
            it.options.add(new Option(RowMapping.Kind.ACCOUNT, account, SLOT, said ? WORDING_AND_PLACE : "its place in the statement"));
            it.options.sort((x, y) -> Double.compare(y.score(), x.score()));
        }
    }

    /**
     * Whether {@code o} is the reading the row's wording comes nearest to among the accounts its section
     * allows, ahead of every other by a clear margin: a weak likeness (設備資金借入金 to 長期借入金, 0.4)
     * that no other account of the section shares still says which one the wording means.
     */
    private static boolean nearestWording(Item it, Option o) {
        return it.options.stream().filter(x -> x != o && x.kind() == RowMapping.Kind.ACCOUNT && wording(x))
                .allMatch(x -> x.score() <= o.score() - NEAREST_MARGIN);
    }

    /** How far the nearest wording must stand ahead of the next one ({@link #nearestWording}). */
    static final double NEAREST_MARGIN = 0.1;

    /** Whether a reading rests on the row's wording (not on a gap, a place or an "of which" line alone). */
    private static boolean wording(Option o) {
        return !o.why().equals("fills a gap") && !o.why().equals("its place in the statement") && !o.why().equals(OF_WHICH)
                && !o.why().equals(MEMO_HOME_WHY);
    }

    /** A row read as an account by its label (not a memo line): a fixed point of the statement's order. */
    private static boolean anchor(Item it) {
        Option o = it.options.get(0);
        return o.kind() == RowMapping.Kind.ACCOUNT && o.score() >= WEAK_LABEL && !memo(o.account()) && CHART.containsKey(o.account());
    }

    /** A row whose label gives no reading worth a figure (free, not taught, best reading below {@link #WEAK_LABEL}). */
    private static boolean weak(Item it) {
        return !it.fixed && !it.taught && !it.reading.memo() && it.options.get(0).score() < WEAK_LABEL && !it.row.values().isEmpty();
    }

    /** A memo line (減価償却費, うち …) stands inside the order without taking a place in it. */
    private static boolean transparent(Item it) {
        Option o = it.options.get(0);
        return o.kind() == RowMapping.Kind.IGNORED || o.kind() == RowMapping.Kind.ACCOUNT && memo(o.account())
                || it.reading.memo() && !it.fixed;
    }

    private static boolean isGrand(String account) {
        return account.equals("total_assets") || account.equals("total_liabilities_and_net_assets");
    }

    private static String top(List<Section> stack) {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1).account();
    }

    private static List<String> path(List<Section> stack) {
        return stack.stream().map(Section::label).toList();
    }

    private static boolean permittedKind(String account, String kind) {
        Account a = CHART.get(account);
        return kind == null || a == null || a.statement().equals(kind);
    }

    static boolean isAncestorOrSelf(String ancestor, String account) {
        for (String a = account; a != null && !a.isEmpty(); ) {
            if (a.equals(ancestor)) {
                return true;
            }
            Account acc = CHART.get(a);
            a = acc == null ? null : parentOf(acc);
        }
        return false;
    }

    private static String parentOf(Account a) {
        return a.parent() == null || a.parent().isBlank() ? null : a.parent();
    }

    /** Memo accounts (減価償却費, 支払利息) stand anywhere in an income statement. */
    static boolean memo(String account) {
        Account a = CHART.get(account);
        return a != null && parentOf(a) == null && !account.equals("net_income") && !isGrand(account);
    }

    /** May a row in the section of account {@code section} (null: none) be {@code account}? */
    static boolean permitted(String account, String section) {
        if (section == null) {
            return true;
        }
        if (isAncestorOrSelf(section, account)) {
            return true;
        }
        Account s = CHART.get(section);
        return memo(account) && s != null && !s.isBalanceSheet();
    }

    /**
     * May a row read as {@code reading} in the section of {@code section} be {@code account}: what the
     * section permits, and for a total line (計, 合計) also the account of an enclosing section, whose
     * total it may be (有形固定資産の合計 after a その他の有形固定資産 block that printed no total of its own).
     */
    static boolean allowed(String account, String section, RowLabel reading) {
        return permitted(account, section) || reading.total() && section != null && isAncestorOrSelf(account, section);
    }

    /** A chart account without children that is no memo line: a heading naming it opens a detail block. */
    static boolean leaf(String account) {
        return account != null && !CHILDREN.containsKey(account) && !memo(account);
    }

    /** The account a detail line under a section is part of: a chart leaf itself, or its その他 child. */
    static String partTarget(String section) {
        if (section == null) {
            return null;
        }
        List<String> children = CHILDREN.get(section);
        if (children == null) {
            return memo(section) ? null : section;
        }
        return children.stream().filter(c -> c.startsWith("other_")).findFirst().orElse(null);
    }

    /** Every component of {@code section} not yet among {@code out}, as a line the section lacks ({@link #GAP}). */
    private static void addGapReadings(List<Option> out, String section, String kind) {
        for (String c : CHILDREN.get(section)) {
            if (out.stream().noneMatch(o -> c.equals(o.account())) && permittedKind(c, kind)) {
                out.add(new Option(RowMapping.Kind.ACCOUNT, c, GAP, "fills a gap"));
            }
        }
    }

    private static List<Option> options(RowLabel reading, AccountMatcher.Match match, String strong, String section,
                                        String kind, boolean ocr) {
        List<Option> out = new ArrayList<>();
        double ocrFactor = ocr ? 0.95 : 1;
        if (strong != null && permitted(strong, section)) {
            if (reading.memo() && !memo(strong)) {
                // うち X under a total printed above: a part already counted there
                return List.of(new Option(RowMapping.Kind.IGNORED, strong, 0.9, "memo"));
            }
            if (!reading.qualified() || reading.contra() && !reading.currentPortion() && reading.otherQualifier() == null
                    || reading.memo() && memo(strong)) {
                return List.of(new Option(RowMapping.Kind.ACCOUNT, strong, 0.97 * ocrFactor, "label"));
            }
            out.add(new Option(RowMapping.Kind.ACCOUNT, strong, 0.9, "label with qualifier"));
        } else if (strong != null) {
            // a name printed on the other side of the balance sheet (出資金 under 資産の部: an investment, not
            // the capital) is a faint reading, as one printed in the other statement
            boolean near = permittedKind(strong, kind) && (section == null || root(section).equals(root(strong)));
            out.add(new Option(RowMapping.Kind.ACCOUNT, strong, near ? 0.75 : 0.45, "label outside its section"));
        } else if (match != null && allowed(match.account(), section, reading) && permittedKind(match.account(), kind)) {
            out.add(new Option(RowMapping.Kind.ACCOUNT, match.account(), Math.min(0.95, 0.9 * match.similarity() + 0.1), "similar label"));
        }
        for (AccountCandidate c : candidates(reading.base())) {
            if (out.size() >= 5) {
                break;
            }
            if (!allowed(c.account(), section, reading) || !permittedKind(c.account(), kind)
                    || out.stream().anyMatch(o -> o.account() != null && o.account().equals(c.account()))) {
                continue;
            }
            double s = c.score() * 0.9;
            // a qualifier that says total or current portion is evidence too
            Account a = CHART.get(c.account());
            if (reading.total() && CHILDREN.containsKey(c.account())) {
                s = Math.min(1, s + 0.1);
            }
            s = Math.min(1, s + portionEvidence(reading, c.account()));
            if (a != null) {
                out.add(new Option(RowMapping.Kind.ACCOUNT, c.account(), s, "similar wording"));
            }
        }
        if (strong == null && !reading.total() && section != null && CHILDREN.containsKey(section)) {
            // a word that only one line of the section has (外来 in 附属病院収益（外来）) tells the siblings apart
            String one = distinctLine(reading, section, kind).orElse(null);
            // news only where the wording did not already read best as that line, nor as the section's own total
            // or one further up (有形回定資産厨, an OCR of 有形固定資産計, holds 有形 as only その他の有形固定資産 does)
            String bestSoFar = out.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT)
                    .max(java.util.Comparator.comparingDouble(Option::score)).map(Option::account).orElse(null);
            boolean already = bestSoFar != null && (bestSoFar.equals(one) || isAncestorOrSelf(bestSoFar, section));
            if (one != null && !already && allowed(one, section, reading)) {
                offerReading(out, one, DISTINCT_WORD, DISTINCT_WORD_WHY);
            }
        }
        String catchAll = strong == null && section != null && CHILDREN.containsKey(section)
                && ITEMS_AND_OTHERS.matcher(jp.shinsa.ingest.text.JapaneseText.compact(reading.base())).matches() ? partTarget(section) : null;
        if (catchAll != null && leaf(catchAll) && allowed(catchAll, section, reading)) {
            // 構築物及び車両運搬具ほか, 未収入金・前払費用ほか: some items listed, and "and others": the section's その他 line
            offerReading(out, catchAll, ITEMS_AND_OTHERS_SCORE, ITEMS_AND_OTHERS_WHY);
        }
        if (strong == null && section != null && CHILDREN.containsKey(section)) {
            // an abbreviation of one line's name (長借 for 長期借入金 among the fixed liabilities)
            String abbreviated = MATCHER.abbreviated(reading.base(), linesOf(section, kind)).orElse(null);
            if (abbreviated != null && allowed(abbreviated, section, reading)) {
                offerReading(out, abbreviated, ABBREVIATION, ABBREVIATION_WHY);
            }
        }
        double bestLabel = out.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT).mapToDouble(Option::score).max().orElse(0);
        if (EMBEDDINGS && strong == null && bestLabel < WEAK_LABEL) {
            // weak n-gram evidence: what the embedding model says the wording means, a little discounted
            for (AccountCandidate c : meanings(reading.base())) {
                if (!permitted(c.account(), section) || !permittedKind(c.account(), kind)) {
                    continue;
                }
                double s = 0.8 * c.score();
                int at = -1;
                for (int i = 0; i < out.size(); i++) {
                    if (c.account().equals(out.get(i).account())) {
                        at = i;
                    }
                }
                if (at < 0 && out.size() < 7) {
                    out.add(new Option(RowMapping.Kind.ACCOUNT, c.account(), s, "similar meaning"));
                } else if (at >= 0 && out.get(at).score() < s) {
                    out.set(at, new Option(RowMapping.Kind.ACCOUNT, c.account(), s, "similar meaning"));
                }
            }
        }
        String part = partTarget(section);
        String labelBest = out.stream().filter(o -> o.kind() == RowMapping.Kind.ACCOUNT)
                .max(java.util.Comparator.comparingDouble(Option::score)).map(Option::account).orElse(null);
        if (part != null && !reading.total() && (part.equals(section) || !part.equals(labelBest))) {
            // under a heading that names the account itself the block is strong evidence; beside the
            // named accounts of a section (未収金 under 流動資産) it is a guess the arithmetic must confirm,
            // weaker than a label that resembles a named account; a row whose label reads as the その他
            // account itself is that account, not a part of it
            out.add(new Option(RowMapping.Kind.PART_OF, part, part.equals(section) ? DETAIL_PART : SIBLING_PART, "detail line of its section"));
        }
        if (section != null && bestLabel < WEAK_LABEL && CHILDREN.containsKey(section)) {
            // a wording with no label evidence may still fill a line its section lacks: every component
            // of the section is a reading the arithmetic alone can confirm (拠出金 beside 剰余金 under 純資産)
            addGapReadings(out, section, kind);
        }
        out.sort((x, y) -> Double.compare(y.score(), x.score()));
        // A label that all but names an account is not dropped to dodge an identity: a gap may be a
        // line the statement does not print. The arithmetic then only decides its confidence.
        if (out.isEmpty() || out.get(0).kind() != RowMapping.Kind.ACCOUNT || out.get(0).score() < NAMES_ACCOUNT) {
            out.add(new Option(RowMapping.Kind.UNMAPPED, null, 0, "none"));
        }
        return out;
    }

    // ------------------------------------------------------------------ the arithmetic

    /** Values of an assignment and the identities that hold under it. */
    static final class Evaluation {
        final Map<String, Map<Integer, Long>> printed = new HashMap<>();
        final Map<String, Item> printedBy = new HashMap<>();
        final Map<String, List<Item>> parts = new LinkedHashMap<>();
        final Map<String, Map<Integer, Long>> value = new HashMap<>();
        final Map<Item, Integer> held = new HashMap<>();
        final Map<Item, Integer> failed = new HashMap<>();
        /** Failures of "a printed total = the sum of its printed parts" alone (a part may be misprinted). */
        final Map<Item, Integer> partsFailed = new HashMap<>();
        boolean explain;
        long unit = 1;
        double score;
        /** Identities that fail under this assignment, decidable or not. */
        int fails;
        /** On a list of figures ({@link FigureList}) the accounts some row may be read as; null on a statement. */
        java.util.Set<String> offered;
    }

    /** @param offered {@link FigureList#offered} of {@code items}: fixed for a statement, so its search computes it once */
    static Evaluation evaluate(List<Item> items, java.util.Set<String> offered, boolean explain) {
        return evaluate(items, offered, Map.of(), explain);
    }

    /** @param rollups accounts printed only as a sum of rows that are no parts of them ({@link BusinessSections}) */
    static Evaluation evaluate(List<Item> items, java.util.Set<String> offered, Map<String, List<Item>> rollups, boolean explain) {
        Evaluation e = new Evaluation();
        e.unit = items.isEmpty() ? 1 : items.get(0).unit;
        e.offered = offered;
        e.explain = explain;
        for (Item it : items) {
            Option o = it.chosen();
            if (o.kind() == RowMapping.Kind.ACCOUNT) {
                if (e.printedBy.containsKey(o.account())) {
                    if (!it.fixed) {
                        e.score -= DUPLICATE;
                    }
                    continue;
                }
                e.printedBy.put(o.account(), it);
                e.printed.put(o.account(), it.signedValues());
            } else if (o.kind() == RowMapping.Kind.PART_OF) {
                e.parts.computeIfAbsent(o.account(), k -> new ArrayList<>()).add(it);
            }
            e.score += it.fixed ? 0 : o.prior();
        }
        // memo accounts printed inside a section whose parts are summed (減価償却費 under 設備関係費), or among
        // the parts of their account printed flat (減価償却費 beside 賃借料 and 修繕費 in 設備関係費's place)
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Option o = it.chosen();
            if (o.kind() != RowMapping.Kind.ACCOUNT || !memo(o.account()) || e.printedBy.get(o.account()) != it) {
                continue;
            }
            String home = MEMO_HOME.get(o.account());
            boolean inside = it.sectionAccount != null && it.sectionAccount.equals(home);
            boolean among = flatPartOf(items, i - 1, home) || flatPartOf(items, i + 1, home);
            if ((inside || among) && e.parts.containsKey(home)) {
                e.parts.get(home).add(it);
            }
        }
        e.value.putAll(e.printed);
        for (var p : e.parts.entrySet()) {
            Map<Integer, Long> sum = sumOf(p.getValue());
            Map<Integer, Long> printed = e.printed.get(p.getKey());
            if (printed == null) {
                e.value.put(p.getKey(), sum);
            } else {
                // a total printed beside its parts: the two must agree
                for (var y : sum.entrySet()) {
                    Long v = printed.get(y.getKey());
                    if (v != null) {
                        List<Item> involved = new ArrayList<>(p.getValue());
                        involved.add(e.printedBy.get(p.getKey()));
                        boolean holds = Math.abs(v - y.getValue()) <= (e.unit == 1 ? 0 : e.unit * (p.getValue().size() + 1) / 2);
                        tally(e, involved, holds);
                        if (!holds && e.explain) {
                            involved.forEach(i -> e.partsFailed.merge(i, 1, Integer::sum));
                        }
                    }
                }
            }
        }
        for (var r : rollups.entrySet()) {
            if (!r.getValue().isEmpty()) {
                e.value.putIfAbsent(r.getKey(), sumOf(r.getValue()));
            }
        }
        for (var c : CHILDREN.entrySet()) {
            identity(e, c.getKey(), c.getValue());
        }
        // the balance sheet balances (with or without 負債及び純資産合計 printed)
        if (e.value.containsKey("total_liabilities_and_net_assets")) {
            identity(e, "total_assets", List.of("total_liabilities_and_net_assets"));
        } else {
            identity(e, "total_assets", List.of("total_liabilities", "net_assets"));
        }
        return e;
    }

    private static boolean flatPartOf(List<Item> items, int i, String account) {
        if (i < 0 || i >= items.size() || account == null) {
            return false;
        }
        Option o = items.get(i).chosen();
        return o.kind() == RowMapping.Kind.PART_OF && account.equals(o.account()) && o.why().equals(FLAT_PART_WHY);
    }

    static Map<Integer, Long> sumOf(List<Item> parts) {
        Map<Integer, Long> sum = new TreeMap<>();
        Map<Integer, Integer> count = new HashMap<>();
        for (Item it : parts) {
            for (var y : it.signedValues().entrySet()) {
                sum.merge(y.getKey(), y.getValue(), Long::sum);
                count.merge(y.getKey(), 1, Integer::sum);
            }
        }
        sum.keySet().removeIf(y -> count.get(y) != parts.size());
        return sum;
    }

    private static void identity(Evaluation e, String parent, List<String> children) {
        long unit = e.unit;
        Map<Integer, Long> p = e.value.get(parent);
        if (p == null) {
            return;
        }
        for (var y : p.entrySet()) {
            // a child not printed counts as zero (statements leave out empty lines), as long as one is printed
            long sum = 0;
            int known = 0;
            for (String c : children) {
                Map<Integer, Long> v = e.value.get(c);
                if (v == null || !v.containsKey(y.getKey())) {
                    continue;
                }
                known++;
                Account a = CHART.get(c);
                int sign = a == null || children.size() == 1 ? 1 : a.sign() < 0 ? -1 : 1;
                sum += sign * v.get(y.getKey());
            }
            if (known == 0 || children.size() == 1 && known < 1) {
                continue;
            }
            List<Item> involved = new ArrayList<>(children.size() + 1);
            addInvolved(e, parent, involved);
            for (String c : children) {
                addInvolved(e, c, involved);
            }
            // a 千円 statement rounds each line: every term may be half a unit off
            long tolerance = unit == 1 ? 0 : unit * (known + 1) / 2;
            boolean holds = Math.abs(sum - y.getValue()) <= tolerance;
            if (!holds && FigureList.leavesOut(e.offered, children)) {
                // a list of figures (an input sheet) leaves out lines it does not ask for, not only empty ones
                continue;
            }
            tally(e, involved, holds);
        }
    }

    private static void addInvolved(Evaluation e, String account, List<Item> involved) {
        Item it = e.printedBy.get(account);
        if (it != null) {
            involved.add(it);
        } else if (e.parts.containsKey(account)) {
            involved.addAll(e.parts.get(account));
        }
    }

    private static void tally(Evaluation e, List<Item> involved, boolean holds) {
        if (!holds) {
            e.fails++;
        }
        boolean decidable = false;
        for (Item i : involved) {
            if (!i.fixed) {
                decidable = true;
                break;
            }
        }
        if (decidable) {
            e.score += holds ? HOLD : -FAIL;
        }
        if (e.explain) {
            for (Item i : involved) {
                (holds ? e.held : e.failed).merge(i, 1, Integer::sum);
            }
        }
    }

    /** Coordinate ascent over the rows that are not fixed, with whole-section moves for detail lines. */
    static final class Search {
        final List<Item> items;
        final List<Item> free = new ArrayList<>();
        /** What the rows may be read as, when they are a list of figures: it does not change while the search moves. */
        final java.util.Set<String> offered;
        int evaluations;
        Evaluation best;

        /** Accounts printed only as the businesses' sums ({@link BusinessSections}). */
        final Map<String, List<Item>> rollups;
        /** Rows read as parts of one account together or not at all ({@link #indirectForms}, {@link #linesOfOneAccount}). */
        final List<Together> together = new ArrayList<>();

        Search(List<Item> items) {
            this(items, Map.of());
        }

        Search(List<Item> items, Map<String, List<Item>> rollups) {
            this.items = items;
            this.rollups = rollups;
            this.offered = FigureList.offered(items);
            for (Item it : items) {
                if (!it.fixed) {
                    free.add(it);
                }
            }
        }

        void run() {
            for (Item it : free) {
                it.choice = 0;
            }
            best = evaluate(false);
            evaluations = 1;
            boolean improved = true;
            while (improved && evaluations < MAX_EVALUATIONS) {
                improved = false;
                for (Item it : free) {
                    int keep = it.choice;
                    for (int c = 0; c < it.options.size() && evaluations < MAX_EVALUATIONS; c++) {
                        if (c == keep) {
                            continue;
                        }
                        it.choice = c;
                        if (better()) {
                            keep = c;
                            improved = true;
                        }
                    }
                    it.choice = keep;
                }
                improved |= sectionMoves();
                improved |= blockEndMoves();
                improved |= togetherMoves();
                if (!improved) {
                    // only where no cheaper move helps: the search is at a local best
                    improved = reclaimMoves();
                }
                if (!improved && best.fails > 0) {
                    improved = pairMoves();
                }
            }
            if (best.fails > 0) {
                undoDodges();
            }
            inChartOrder();
            best = evaluate(true);
        }

        /**
         * Two sibling rows read weakly (a faint wording, the line the section lacks) in reverse chart order
         * are swapped when the swap scores as well, or less by no more than a tie ({@link #TIE_MARGIN}): the
         * sums hold either way, faint wordings that close tell nothing, and a statement prints its lines in
         * the chart's order (業務委託料 after 薬品・材料費計 is 委託費 after 材料費; 入院医業収益 above その他の診療収益
         * is 入院診療収益). The readings stay doubtful (the margin between them is within a tie), but the likelier
         * one is shown.
         */
        private void inChartOrder() {
            for (int i = 0; i < free.size(); i++) {
                for (int j = i + 1; j < free.size() && evaluations < MAX_EVALUATIONS; j++) {
                    Item a = free.get(i);
                    Item b = free.get(j);
                    if (!reversedSiblings(a, b)) {
                        continue;
                    }
                    int ca = indexOf(a, b.chosen().account());
                    int cb = indexOf(b, a.chosen().account());
                    if (ca < 0 || cb < 0) {
                        continue;
                    }
                    int keepA = a.choice;
                    int keepB = b.choice;
                    a.choice = ca;
                    b.choice = cb;
                    Evaluation e = evaluate(false);
                    evaluations++;
                    if (e.fails <= best.fails && e.score >= best.score - TIE_MARGIN) {
                        best = e;
                    } else {
                        a.choice = keepA;
                        b.choice = keepB;
                    }
                }
            }
        }

        private static boolean reversedSiblings(Item a, Item b) {
            return weakWording(a) && weakWording(b) && reversedOrder(a, b);
        }

        private static int indexOf(Item it, String account) {
            for (int c = 0; c < it.options.size(); c++) {
                if (it.options.get(c).kind() == RowMapping.Kind.ACCOUNT && account.equals(it.options.get(c).account())) {
                    return c;
                }
            }
            return -1;
        }

        /**
         * A row left unread whose reading another row holds takes it back, the holder moved to each of its
         * other readings: from the reading where two rows print one account, moving one row at a time
         * reaches only the one where the stronger drops its reading (the identities hold while either prints
         * the amounts both share, 借方合計 and 貸方合計), never the one where the weaker takes another account.
         */
        private boolean reclaimMoves() {
            boolean improved = false;
            for (Item it : free) {
                if (it.chosen().kind() != RowMapping.Kind.UNMAPPED || evaluations >= MAX_EVALUATIONS) {
                    continue;
                }
                for (int c = 0; c < it.options.size() && it.chosen().kind() == RowMapping.Kind.UNMAPPED; c++) {
                    Option o = it.options.get(c);
                    if (o.kind() != RowMapping.Kind.ACCOUNT) {
                        continue;
                    }
                    Item holder = null;
                    for (Item h : free) {
                        if (h != it && h.chosen().kind() == RowMapping.Kind.ACCOUNT && h.chosen().account().equals(o.account())) {
                            holder = h;
                        }
                    }
                    if (holder == null) {
                        continue;
                    }
                    int keepIt = it.choice;
                    int keepHolder = holder.choice;
                    for (int ch = 0; ch < holder.options.size() && evaluations < MAX_EVALUATIONS; ch++) {
                        if (ch == keepHolder) {
                            continue;
                        }
                        it.choice = c;
                        holder.choice = ch;
                        if (better()) {
                            keepIt = c;
                            keepHolder = ch;
                            improved = true;
                        }
                    }
                    it.choice = keepIt;
                    holder.choice = keepHolder;
                }
            }
            return improved;
        }

        /** All free rows of one section to "part of" its target at once, or all away from it. */
        private boolean sectionMoves() {
            boolean improved = false;
            for (List<Item> group : freeBySection(it -> true)) {
                if (group.size() < 2 || evaluations >= MAX_EVALUATIONS) {
                    continue;
                }
                for (RowMapping.Kind k : new RowMapping.Kind[] {RowMapping.Kind.PART_OF, RowMapping.Kind.ACCOUNT}) {
                    int[] before = choices(group);
                    for (Item it : group) {
                        int c = choiceOf(it, k);
                        if (c >= 0) {
                            it.choice = c;
                        }
                    }
                    improved |= keepIfBetter(group, before);
                }
                if (evaluations < MAX_EVALUATIONS) {
                    improved |= distinctReadings(group);
                }
            }
            return improved;
        }

        /**
         * The rows of one section each to its best reading as an account that no other row reads as, the row that
         * loses most without its best reading first: three lines that each resemble その他の医業収益 most, one of
         * them by a word only it has, are read as the three lines of 医業収益 at once. One row at a time cannot get there: reading one line alone breaks the
         * section's sum that leaving all unread does not check.
         */
        private boolean distinctReadings(List<Item> group) {
            int[] before = choices(group);
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (Item it : items) {
                if (!group.contains(it) && it.chosen().kind() == RowMapping.Kind.ACCOUNT) {
                    taken.add(it.chosen().account());
                }
            }
            // the row that loses most by not getting its best reading chooses first (設備関係経費計 and 経費等計 both
            // resemble 経費 most, but only the first has a second reading, 設備関係費)
            List<Item> left = new ArrayList<>(group);
            while (!left.isEmpty()) {
                Item pick = null;
                int pickChoice = -1;
                double pickRegret = -1;
                double pickBest = -1;
                for (Item it : left) {
                    int first = -1;
                    double second = 0;
                    for (int c = 0; c < it.options.size(); c++) {
                        Option o = it.options.get(c);
                        if (o.kind() != RowMapping.Kind.ACCOUNT || o.account() == null || taken.contains(o.account())) {
                            continue;
                        }
                        if (first < 0 || o.score() > it.options.get(first).score()) {
                            if (first >= 0) {
                                second = Math.max(second, it.options.get(first).score());
                            }
                            first = c;
                        } else {
                            second = Math.max(second, o.score());
                        }
                    }
                    if (first < 0) {
                        continue;
                    }
                    double best = it.options.get(first).score();
                    if (best - second > pickRegret || best - second == pickRegret && best > pickBest) {
                        pick = it;
                        pickChoice = first;
                        pickRegret = best - second;
                        pickBest = best;
                    }
                }
                if (pick == null) {
                    break;
                }
                pick.choice = pickChoice;
                taken.add(pick.options.get(pickChoice).account());
                left.remove(pick);
            }
            if (java.util.Arrays.equals(before, choices(group))) {
                return false;
            }
            return keepIfBetter(group, before);
        }

        /**
         * Rows read together as parts of one account ({@link #together}): a fixed asset's line and the
         * deductions under it, lines of one account printed flat. Reading one of them alone as a part
         * changes no sum, or breaks one.
         */
        private boolean togetherMoves() {
            boolean improved = false;
            for (Together t : together) {
                List<Item> group = t.items();
                if (evaluations >= MAX_EVALUATIONS || group.stream().anyMatch(it -> it.fixed)) {
                    continue;
                }
                // with them, a row that dodged a sum by taking a reading another row holds (当期純利益 read as a
                // second 税引前当期純利益 while the taxes were unread) goes back to its own
                List<Item> moved = new ArrayList<>(group);
                for (Item it : free) {
                    if (!group.contains(it) && it.choice != 0 && duplicate(it)) {
                        moved.add(it);
                    }
                }
                int[] before = choices(moved);
                for (Item it : group) {
                    int c = partChoice(it, t.account());
                    if (c >= 0) {
                        it.choice = c;
                    }
                }
                if (java.util.Arrays.equals(before, choices(moved))) {
                    continue;
                }
                for (Item it : moved.subList(group.size(), moved.size())) {
                    it.choice = 0;
                }
                improved |= keepIfBetter(moved, before);
            }
            return improved;
        }

        /**
         * Where a detail block ends when nothing but the arithmetic shows it (no indentation, no total
         * printed): for each section's free rows in document order, the first k as parts and the rest
         * as their best account reading, for every k. One-row moves cannot find this: taking one row
         * out of a block that swallowed the lines after it breaks the identities of both.
         */
        private boolean blockEndMoves() {
            boolean improved = false;
            for (List<Item> group : freeBySection(it -> partTarget(it.sectionAccount) != null)) {
                if (group.size() < 2) {
                    continue;
                }
                for (int cut = 1; cut < group.size() && evaluations < MAX_EVALUATIONS; cut++) {
                    int[] before = choices(group);
                    boolean possible = true;
                    for (int g = 0; g < group.size() && possible; g++) {
                        int c = choiceOf(group.get(g), g < cut ? RowMapping.Kind.PART_OF : RowMapping.Kind.ACCOUNT);
                        if (c < 0 && g < cut) {
                            possible = false;
                        } else {
                            group.get(g).choice = c < 0 ? group.get(g).choice : c;
                        }
                    }
                    if (possible) {
                        improved |= keepIfBetter(group, before);
                    } else {
                        restore(group, before);
                    }
                }
            }
            return improved;
        }

        /**
         * Two rows of one section moved together, every pair of their readings: two lines a section
         * lacks (無形資産 and 投資等合計 under 固定資産) only add up when both are placed, so neither
         * one-row move is ever an improvement. Only while an identity fails, for sections of at most
         * {@link #PAIR_GROUP} free rows, within the evaluation bound.
         */
        private boolean pairMoves() {
            boolean improved = false;
            for (List<Item> group : freeBySection(it -> true)) {
                if (group.size() < 2 || group.size() > PAIR_GROUP) {
                    continue;
                }
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        Item a = group.get(i);
                        Item b = group.get(j);
                        int keepA = a.choice;
                        int keepB = b.choice;
                        for (int ca = 0; ca < a.options.size() && evaluations < MAX_EVALUATIONS; ca++) {
                            for (int cb = 0; cb < b.options.size() && evaluations < MAX_EVALUATIONS; cb++) {
                                if (ca == keepA || cb == keepB || a.options.get(ca).kind() == RowMapping.Kind.UNMAPPED
                                        || b.options.get(cb).kind() == RowMapping.Kind.UNMAPPED) {
                                    // placing two lines together, never dropping two to dodge an identity
                                    continue;
                                }
                                a.choice = ca;
                                b.choice = cb;
                                if (better()) {
                                    keepA = ca;
                                    keepB = cb;
                                    improved = true;
                                }
                            }
                        }
                        a.choice = keepA;
                        b.choice = keepB;
                    }
                }
            }
            return improved;
        }

        /**
         * A row left unmapped although a reading worth a figure exists (label or place above the prior
         * floor) gets that reading back when it makes no more identities fail than leaving the row out:
         * leaving it out only took it out of an identity that fails either way (a misprinted total), and
         * a failure the row cannot cure is no evidence against it. The reading then stays unconfirmed.
         */
        private void undoDodges() {
            for (Item it : free) {
                if (it.chosen().kind() != RowMapping.Kind.UNMAPPED || evaluations >= MAX_EVALUATIONS) {
                    continue;
                }
                int keep = it.choice;
                for (int c = 0; c < it.options.size(); c++) {
                    Option o = it.options.get(c);
                    if (o.kind() != RowMapping.Kind.ACCOUNT || o.prior() <= 0) {
                        continue;
                    }
                    it.choice = c;
                    Evaluation e = evaluate(false);
                    evaluations++;
                    if (e.fails <= best.fails) {
                        best = e;
                        keep = c;
                        break;
                    }
                }
                it.choice = keep;
            }
        }

        private Evaluation evaluate(boolean explain) {
            return StatementSpreader.evaluate(items, offered, rollups, explain);
        }

        /** Evaluates the current readings; when they raise the best score they become the best (true). */
        private boolean better() {
            Evaluation e = evaluate(false);
            evaluations++;
            if (e.score > best.score + 1e-9) {
                best = e;
                return true;
            }
            return false;
        }

        /** The group's readings kept when they raise the best score, else put back to {@code before}. */
        private boolean keepIfBetter(List<Item> group, int[] before) {
            if (better()) {
                return true;
            }
            restore(group, before);
            return false;
        }

        private static int[] choices(List<Item> group) {
            return group.stream().mapToInt(i -> i.choice).toArray();
        }

        private static void restore(List<Item> group, int[] choices) {
            for (int i = 0; i < group.size(); i++) {
                group.get(i).choice = choices[i];
            }
        }

        /** The free rows that stand in a section and pass {@code which}, grouped by section, in document order. */
        private java.util.Collection<List<Item>> freeBySection(java.util.function.Predicate<Item> which) {
            Map<String, List<Item>> bySection = new LinkedHashMap<>();
            for (Item it : free) {
                if (it.sectionAccount != null && which.test(it)) {
                    bySection.computeIfAbsent(it.sectionAccount + "|" + String.join("›", it.sectionPath), k -> new ArrayList<>()).add(it);
                }
            }
            return bySection.values();
        }

        /** Whether the row is read as an account another row is read as too. */
        private boolean duplicate(Item it) {
            Option o = it.chosen();
            return o.kind() == RowMapping.Kind.ACCOUNT && items.stream().anyMatch(x -> x != it
                    && x.chosen().kind() == RowMapping.Kind.ACCOUNT && o.account().equals(x.chosen().account()));
        }

        /** The row's highest reading as a part of {@code account}, or -1. */
        private static int partChoice(Item it, String account) {
            for (int c = 0; c < it.options.size(); c++) {
                if (it.options.get(c).kind() == RowMapping.Kind.PART_OF && account.equals(it.options.get(c).account())) {
                    return c;
                }
            }
            return -1;
        }

        private static int choiceOf(Item it, RowMapping.Kind kind) {
            for (int c = 0; c < it.options.size(); c++) {
                if (it.options.get(c).kind() == kind) {
                    return c;
                }
            }
            return -1;
        }

        /** Whether some other reading of this row makes fewer identities fail than the chosen one. */
        boolean discriminates(Item it) {
            int keep = it.choice;
            boolean fewer = false;
            for (int c = 0; c < it.options.size() && !fewer; c++) {
                if (c == keep) {
                    continue;
                }
                it.choice = c;
                fewer = evaluate(false).fails < best.fails;
            }
            it.choice = keep;
            return fewer;
        }

        /** How much the best assignment beats the best other reading of this row (∞ when none). */
        double margin(Item it) {
            int keep = it.choice;
            double bestOther = Double.NEGATIVE_INFINITY;
            String account = it.chosen().account();
            for (int c = 0; c < it.options.size(); c++) {
                Option o = it.options.get(c);
                if (c == keep || o.account() == null || o.account().equals(account)) {
                    continue;
                }
                it.choice = c;
                bestOther = Math.max(bestOther, evaluate(false).score);
            }
            it.choice = keep;
            return best.score - bestOther;
        }
    }

    // ------------------------------------------------------------------ output

    private static Spread build(String file, DocumentType type, long unit, boolean ocr, List<Item> items,
                                List<StatementRow> outRows, Map<String, StatementRow> headingOf, Search search) {
        Evaluation e = search.best;
        java.util.Set<Item> totals = totalsByArithmetic(items, e);
        Map<Item, Double> confidence = new HashMap<>();
        Map<Item, RowMapping> mappings = new HashMap<>();
        java.util.Set<Item> outOfOrder = againstTheOrder(items);
        for (Item it : items) {
            Option o = it.chosen();
            // a line the section lacks is no label evidence: it is listed only when it was chosen
            List<AccountCandidate> candidates = it.options.stream().filter(x -> x.account() != null)
                    .filter(x -> !x.why().equals("fills a gap") || x == o)
                    .map(x -> new AccountCandidate(x.account(), Math.max(0, Math.min(1, x.score())))).distinct().limit(5).toList();
            int held = e.held.getOrDefault(it, 0);
            int failed = e.failed.getOrDefault(it, 0);
            // a detail block whose heading names the account, with its total printed right after its
            // parts, is read by its structure: parts that do not add up to that total are a finding of
            // the statement (scoring's StatementArithmeticRule), not doubt about the rows
            boolean block = structuredBlock(it, items, e);
            if (block) {
                failed -= e.partsFailed.getOrDefault(it, 0);
            }
            // a part under a heading that names its account, whose failing identities fail under every
            // other reading of it as well (a misprinted line elsewhere in the same total): the failure
            // says nothing about this row, and its structure stands
            boolean headingBlock = !it.fixed && o.kind() == RowMapping.Kind.PART_OF && o.account().equals(it.sectionAccount);
            if (headingBlock && failed > 0 && !search.discriminates(it)) {
                failed = 0;
                block = true;
            } else if (!it.fixed && o.kind() != RowMapping.Kind.UNMAPPED && failed > 0 && !search.discriminates(it)) {
                // likewise any row: an identity that fails under every reading of it (leaving it out
                // included) is a misprint elsewhere, no evidence against this reading
                failed = 0;
            }
            double conf;
            Text reason;
            if (it.taught) {
                conf = 1;
                reason = new Text("審査担当者が教えた対応付けです", "mapped as an examiner taught");
            } else if (BusinessSections.whyJa(o) != null) {
                conf = o.score();
                reason = new Text(BusinessSections.whyJa(o) + section(it, true), BusinessSections.whyEn(o) + section(it, false));
            } else if (o.why().equals(UNNAMED_BLOCK)) {
                conf = 1;
                reason = new Text("", "");
            } else if (it.fixed) {
                conf = o.score();
                reason = new Text("科目名が一致" + section(it, true), "the label names the account" + section(it, false));
            } else if (o.kind() == RowMapping.Kind.UNMAPPED) {
                conf = 0;
                reason = new Text("どの勘定科目とも決められませんでした" + section(it, true),
                        "no account could be chosen" + section(it, false));
            } else {
                double margin = search.margin(it);
                // a line of zeros adds nothing to any sum: an identity that holds says nothing about it
                boolean zeros = it.row.values().values().stream().allMatch(v -> v == 0);
                boolean supported = held > 0 && failed == 0 && !zeros;
                conf = supported ? 0.6 + 0.35 * o.score() : o.score() >= 0.8 ? 0.55 + 0.3 * o.score() : 0.1 + 0.45 * o.score();
                if (block && failed == 0) {
                    conf = Math.max(conf, held > 0 ? 0.6 + 0.35 * o.score() : 0.7);
                    supported = held > 0;
                }
                boolean swappable = o.why().equals("fills a gap") && items.stream().anyMatch(x -> x != it
                        && x.chosen().why().equals("fills a gap") && java.util.Objects.equals(x.sectionAccount, it.sectionAccount));
                if (swappable) {
                    // two lines placed by the arithmetic alone in one section can be swapped: sums cannot tell
                    margin = 0;
                }
                if (margin < TIE_MARGIN) {
                    conf = Math.min(conf, 0.4);
                }
                // a reading resting on the row's place alone: its wording was not understood, so however
                // well the sums then hold, a person confirms it (and can teach the wording)
                boolean placeOnly = o.why().equals("its place in the statement") && !totals.contains(it) || o.why().equals(OF_WHICH);
                if (placeOnly) {
                    conf = Math.min(conf, 0.4);
                }
                // a weak wording read as a line the chart prints after a sibling read below it: sums cannot
                // tell siblings apart, and the order says the readings may be swapped
                boolean reversed = outOfOrder.contains(it);
                if (reversed) {
                    conf = Math.min(conf, 0.4);
                }
                // the amounts of a line another document could not read surely: as doubtful as that line
                boolean doubtfulPeer = o.why().equals(DOUBTFUL_FIGURES_WHY) || o.why().equals(DOUBTFUL_SOME_WHY);
                if (doubtfulPeer) {
                    conf = Math.min(conf, 0.4);
                }
                String arithJa = supported ? "、計算が合う（" + held + "件）" : failed > 0 ? "、計算が合わない箇所あり" : "、計算による裏付けなし";
                String arithEn = supported ? "; the arithmetic holds (" + held + " identities)" : failed > 0
                        ? "; some arithmetic fails" : "; no arithmetic to confirm it";
                String tieJa = doubtfulPeer ? "。そちらでもこの科目と確かには読めていないため要確認"
                        : margin < TIE_MARGIN ? "。他の科目でも同じく成り立つため不確か"
                        : placeOnly ? "。科目名からは判断できず位置のみによるため要確認"
                        : reversed ? "。同じ区分の行と表示順が逆で、入れ替わっている可能性があるため要確認" : "";
                String tieEn = doubtfulPeer ? ". It is not read surely as this account there either: to be confirmed"
                        : margin < TIE_MARGIN ? ". Another account fits as well: uncertain"
                        : placeOnly ? ". Only its place, not its wording, supports it: to be confirmed"
                        : reversed ? ". It stands in the reverse of the chart's order with a line of its section: the two may be swapped, to be confirmed" : "";
                boolean peerWording = o.why().equals(PEER_WORDING_WHY);
                boolean wordingToo = o.why().equals(SAME_WORDING_WHY) || o.why().equals(DOUBTFUL_SOME_WHY);
                boolean some = o.why().equals(SOME_FIGURES_WHY) || wordingToo;
                PeerFigures.Source same = o.why().equals(SAME_FIGURES_WHY) || some || peerWording || doubtfulPeer
                        ? it.sameAs.get(o.account()) : null;
                String whyJa;
                String whyEn;
                if (same == null) {
                    whyJa = whyJa(o);
                    whyEn = whyEn(o);
                } else if (peerWording) {
                    whyJa = "同じ科目名「" + same.label() + "」が" + same.file() + "でこの科目と確かに読めている";
                    whyEn = "the same wording 「" + same.label() + "」 reads surely as this account in " + same.file();
                } else {
                    whyJa = (wordingToo ? "同じ科目名で" : "") + (some ? "一部の年度で" : "") + "同じ金額が" + same.file() + "の「"
                            + same.label() + "」にある";
                    whyEn = (wordingToo ? SAME_WORDING_EN : "") + SAME_AMOUNT_EN + (some ? " in some year" : "s") + " as 「"
                            + same.label() + "」 in " + same.file();
                }
                reason = new Text(whyJa + section(it, true) + arithJa + tieJa, whyEn + section(it, false) + arithEn + tieEn);
            }
            confidence.put(it, conf);
            RowMapping m = o.kind() == RowMapping.Kind.UNMAPPED
                    ? new RowMapping(RowMapping.Kind.UNMAPPED, candidates.isEmpty() ? null : candidates.get(0).account(), 0,
                    candidates, reason, false)
                    : new RowMapping(o.kind(), o.account(), Math.max(0, Math.min(1, conf)), candidates, reason, it.taught);
            mappings.put(it, m);
        }
        blockParts(items, mappings, unnamedBlocksOf(items));
        List<Figure> figures = new ArrayList<>();
        List<ComparisonDelta> deltas = new ArrayList<>();
        List<UnmappedRow> unmapped = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> seenDelta = new java.util.HashSet<>();
        int k = 0;
        for (int i = 0; i < outRows.size(); i++) {
            if (outRows.get(i) != null) {
                continue;
            }
            Item it = items.get(k++);
            StatementRow r = it.row.withSection(it.sectionPath).withMapping(mappings.get(it));
            outRows.set(i, r);
            Option o = it.chosen();
            if (o.kind() == RowMapping.Kind.UNMAPPED) {
                Long first = r.values().isEmpty() ? r.delta() : r.values().values().iterator().next();
                unmapped.add(new UnmappedRow(file, r.label(), first, r.values().isEmpty() ? r.location()
                        : r.locationOf(r.values().keySet().iterator().next())));
                continue;
            }
            if (o.kind() != RowMapping.Kind.ACCOUNT) {
                continue;
            }
            for (int y : r.values().keySet()) {
                if (seen.add(o.account() + "@" + y)) {
                    figures.add(new Figure(file, type, o.account(), y, it.value(y), r.label(), unit, confidence.get(it),
                            r.locationOf(y)));
                }
            }
            if (r.delta() != null && seenDelta.add(o.account())) {
                long d = it.reading.contra() && r.delta() > 0 ? r.delta() : r.delta();
                deltas.add(new ComparisonDelta(file, o.account(), d, unit, r.deltaLocation() != null ? r.deltaLocation() : r.location()));
            }
        }
        // accounts printed only as their parts: derived, with the provenance of every part
        for (var p : e.parts.entrySet()) {
            String account = p.getKey();
            List<Item> parts = p.getValue();
            Map<Integer, Long> sum = sumOf(parts);
            StatementRow heading = headingOf.get(account);
            double conf = parts.stream().mapToDouble(x -> x.chosen().kind() == RowMapping.Kind.PART_OF
                    ? confidence.get(x) : 0.97).min().orElse(0);
            for (var y : sum.entrySet()) {
                if (!seen.add(account + "@" + y.getKey())) {
                    continue;
                }
                List<PrintedPart> derivedFrom = parts.stream().map(x -> new PrintedPart(x.row.label(), x.value(y.getKey()),
                        x.row.locationOf(y.getKey()))).toList();
                SourceLocation at = heading != null ? heading.location() : derivedFrom.get(0).location();
                String label = heading != null ? heading.label() : CHART.get(account).labelJa();
                figures.add(new Figure(file, type, account, y.getKey(), y.getValue(), label, unit, conf, at, derivedFrom));
            }
            if (parts.stream().allMatch(x -> x.row.delta() != null) && seenDelta.add(account)) {
                long d = parts.stream().mapToLong(x -> x.row.delta()).sum();
                deltas.add(new ComparisonDelta(file, account, d, unit, parts.get(0).row.deltaLocation() != null
                        ? parts.get(0).row.deltaLocation() : parts.get(0).row.location()));
            }
        }
        return new Spread(figures, deltas, outRows, unmapped);
    }

    /**
     * Rows placed by their position whose amounts are, in every year, what the rows read as their
     * account's components add up to (医業利益 = 医業収益 − 医業費用 printed as a wording nobody listed):
     * a total is determined by its components, which no sibling line could be (the remainder of a sum,
     * その他の流動資産 beside the named current assets, fits any line the section lacks and stays a place).
     * At least two components must be printed, by rows read by their label or themselves determined
     * so (経常利益 after 医業利益), and the amounts may not all be zero.
     */
    static java.util.Set<Item> totalsByArithmetic(List<Item> items, Evaluation e) {
        java.util.Set<Item> out = new java.util.HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var c : CHILDREN.entrySet()) {
                Item total = e.printedBy.get(c.getKey());
                if (total == null || !byPlace(total, out)) {
                    continue;
                }
                if (determines(e, total, c.getValue(), out)) {
                    out.add(total);
                    grew = true;
                }
            }
            // a total standing as the one unread line of an identity whose other lines are all read
            // (経常利益 in a wording nobody listed, between 医業利益 … and 特別利益, 特別損失, 税引前当期純利益)
            for (var c : CHILDREN.entrySet()) {
                Item component = soleUnread(e, c.getKey(), c.getValue(), out);
                if (component != null) {
                    out.add(component);
                    grew = true;
                }
            }
        }
        return out;
    }

    /**
     * The row of identity {@code parent} = Σ {@code children} that is placed by its place alone, when it
     * is the only such line of the identity, reads as an account that is itself a total, every other
     * line of the identity is printed and read (by its label, or determined), and the identity holds in
     * every year with that row not all zero; else null.
     */
    private static Item soleUnread(Evaluation e, String parent, List<String> children, java.util.Set<Item> determined) {
        List<String> members = new ArrayList<>(children);
        members.add(parent);
        Item unread = null;
        for (String m : members) {
            Item it = e.printedBy.get(m);
            if (it == null) {
                if (!e.parts.containsKey(m)) {
                    return null;
                }
                continue;
            }
            if (byPlace(it, determined)) {
                if (unread != null || !CHILDREN.containsKey(m) || m.equals(parent)) {
                    return null;
                }
                unread = it;
            } else if (it.chosen().kind() != RowMapping.Kind.ACCOUNT) {
                return null;
            }
        }
        if (unread == null || e.failed.getOrDefault(unread, 0) > 0) {
            // a line some identity fails on is not determined by another one (a misprinted total stays doubtful)
            return null;
        }
        Map<Integer, Long> p = e.value.get(parent);
        Map<Integer, Long> own = unread.signedValues();
        boolean nonZero = p.keySet().stream().anyMatch(y -> own.getOrDefault(y, 0L) != 0);
        return nonZero && sumsTo(e, p, children) ? unread : null;
    }

    /**
     * Whether, in every year of {@code total}, the signed sum of the {@code children} printed (an
     * account the document does not print counts as zero) is {@code total}'s amount, within the
     * rounding of a 千円 document; false when a printed child lacks one of those years.
     */
    private static boolean sumsTo(Evaluation e, Map<Integer, Long> total, List<String> children) {
        for (var y : total.entrySet()) {
            long sum = 0;
            int terms = 0;
            for (String c : children) {
                Map<Integer, Long> cv = e.value.get(c);
                if (cv == null) {
                    continue;
                }
                Long x = cv.get(y.getKey());
                if (x == null) {
                    return false;
                }
                Account a = CHART.get(c);
                sum += (a != null && a.sign() < 0 ? -1 : 1) * x;
                terms++;
            }
            long tolerance = e.unit == 1 ? 0 : e.unit * (terms + 1) / 2;
            if (Math.abs(sum - y.getValue()) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** A row read by its place alone and not (yet) determined by the arithmetic. */
    private static boolean byPlace(Item it, java.util.Set<Item> determined) {
        return it.chosen().why().equals("its place in the statement") && !determined.contains(it);
    }

    private static boolean determines(Evaluation e, Item total, List<String> children, java.util.Set<Item> determined) {
        int known = 0;
        for (String c : children) {
            Item child = e.printedBy.get(c);
            if (child == null) {
                // an account printed only as its parts counts as read by them; one read otherwise is no component
                if (e.parts.containsKey(c)) {
                    known++;
                } else if (e.value.containsKey(c)) {
                    return false;
                }
                continue;
            }
            if (child == total || byPlace(child, determined) || child.chosen().kind() != RowMapping.Kind.ACCOUNT) {
                return false;
            }
            known++;
        }
        if (known < 2) {
            return false;
        }
        Map<Integer, Long> v = total.signedValues();
        return v.values().stream().anyMatch(x -> x != 0) && sumsTo(e, v, children);
    }

    /**
     * The accounts an income statement printed per business gives only as the sum of the businesses'
     * rows (医業収益 = Σ 事業収益, {@link BusinessSections}): a derived figure per year, its
     * {@code derivedFrom} listing each business's row, confidence the least of theirs.
     */
    private static Spread rolledUp(Spread s, String file, DocumentType type, long unit, Map<String, List<Item>> rollups) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Figure f : s.figures()) {
            seen.add(f.account() + "@" + f.fiscalYear());
        }
        Map<Integer, Double> confidence = new HashMap<>();
        for (StatementRow r : s.rows()) {
            if (r.mapping() != null) {
                confidence.put(r.index(), r.mapping().confidence());
            }
        }
        List<Figure> figures = new ArrayList<>(s.figures());
        for (var e : rollups.entrySet()) {
            List<Item> rows = e.getValue();
            if (rows.isEmpty()) {
                continue;
            }
            double conf = rows.stream().mapToDouble(x -> confidence.getOrDefault(x.row.index(), 0.0)).min().orElse(0);
            for (var y : sumOf(rows).entrySet()) {
                if (!seen.add(e.getKey() + "@" + y.getKey())) {
                    continue;
                }
                List<PrintedPart> derivedFrom = rows.stream().map(x -> new PrintedPart(x.row.label(), x.signedValues().get(y.getKey()),
                        x.row.locationOf(y.getKey()))).toList();
                figures.add(new Figure(file, type, e.getKey(), y.getKey(), y.getValue(), CHART.get(e.getKey()).labelJa(), unit, conf,
                        derivedFrom.get(0).location(), derivedFrom));
            }
        }
        return new Spread(figures, s.deltas(), s.rows(), s.unmapped());
    }

    /**
     * Is this row a part (or the printed total) of a detail block read by its structure alone: the
     * parts stand under a heading that names their account, nothing but parts (and the account's memo
     * line) stands between the first part and the printed total, and the total follows the last part.
     */
    static boolean structuredBlock(Item it, List<Item> items, Evaluation e) {
        String account = it.chosen().kind() == RowMapping.Kind.PART_OF ? it.chosen().account()
                : it.chosen().kind() == RowMapping.Kind.ACCOUNT && e.parts.containsKey(it.chosen().account()) ? it.chosen().account() : null;
        if (account == null || !e.printed.containsKey(account) || !e.parts.containsKey(account)) {
            return false;
        }
        List<Item> parts = e.parts.get(account);
        Item total = e.printedBy.get(account);
        int first = parts.stream().mapToInt(items::indexOf).min().orElse(-1);
        int end = items.indexOf(total);
        if (first < 0 || end <= first) {
            return false;
        }
        for (int i = first; i < end; i++) {
            Item x = items.get(i);
            if (!parts.contains(x)) {
                return false;
            }
            if (x.chosen().kind() == RowMapping.Kind.PART_OF && !account.equals(x.sectionAccount)) {
                return false;
            }
        }
        return end - first == parts.size();
    }

    private static String section(Item it, boolean ja) {
        if (it.sectionPath.isEmpty()) {
            return "";
        }
        return ja ? "（区分: " + String.join(" › ", it.sectionPath) + "）" : " (section: " + String.join(" › ", it.sectionPath) + ")";
    }

    private static String whyJa(Option o) {
        return switch (o.why()) {
            case "label with qualifier" -> "科目名と限定語から判断";
            case "label outside its section" -> "科目名は一致するが区分が異なる";
            case "similar label", "similar wording" -> "科目名が類似（" + String.format(java.util.Locale.ROOT, "%.2f", o.score()) + "）";
            case "similar meaning" -> "語の意味が類似（" + String.format(java.util.Locale.ROOT, "%.2f", o.score()) + "）";
            case "fills a gap" -> "区分に欠けている科目を計算で補完";
            case "detail line of its section" -> "区分の内訳行";
            case "label names its block" -> "内訳の見出しと同じ科目名（内訳の合計として）";
            case "detail line named like its block" -> "内訳の見出しと同じ名前の内訳行（残りの内訳として）";
            case "its place in the statement" -> "表中の位置（前後の科目の間）から判断";
            case OF_WHICH -> "直前の行の「うち」書き（その科目に含まれる科目）";
            case MEMO_HOME_WHY -> "直下の内書き行（この科目に含まれる科目）を含む行";
            case BRACKET_NAMES_WHY -> "括弧内の語がこの科目名";
            case DISTINCT_WORD_WHY -> "区分内でこの科目だけが持つ語を含む";
            case ABBREVIATION_WHY -> "科目名の略称";
            case ITEMS_AND_OTHERS_WHY -> "項目を列挙し「ほか・等」で結ぶ行（区分の「その他」の行）";
            case INDIRECT_GROSS -> "取得価額（直下の控除行を差し引いた額がこの科目）";
            case INDIRECT_DEDUCTION -> "直上の資産からの控除（減価償却累計額など）";
            case WORDING_AND_PLACE -> "科目名がやや類似し、表中の位置とも合う";
            case FLAT_PART_WHY -> "表中でこの科目が欠けている位置に並ぶ内訳行（見出し・合計なし）";
            default -> o.why();
        };
    }

    private static String whyEn(Option o) {
        return switch (o.why()) {
            case "similar label", "similar wording" -> "similar wording (" + String.format(java.util.Locale.ROOT, "%.2f", o.score()) + ")";
            case "similar meaning" -> "similar meaning (" + String.format(java.util.Locale.ROOT, "%.2f", o.score()) + ")";
            case "fills a gap" -> "the line its section lacks, by the arithmetic alone";
            case "detail line of its section" -> "a detail line of its section";
            case "label names its block" -> "named like its detail block (as the block's total)";
            case "detail line named like its block" -> "a detail line named like its block (the remainder)";
            case "its place in the statement" -> "its place in the statement (between the accounts around it)";
            case OF_WHICH -> "an \"of which\" line of the line above (an account the chart includes in it)";
            case MEMO_HOME_WHY -> "the line that includes the memo line printed under it (an account the chart includes in this one)";
            case BRACKET_NAMES_WHY -> "its bracket names the account";
            case INDIRECT_GROSS -> "the acquisition cost (the account is this line less the deductions under it)";
            case INDIRECT_DEDUCTION -> "a deduction from the asset above (accumulated depreciation and the like)";
            case WORDING_AND_PLACE -> "a somewhat similar wording, and its place in the statement agrees";
            default -> o.why();
        };
    }
}
