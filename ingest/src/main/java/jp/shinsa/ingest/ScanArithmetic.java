package jp.shinsa.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.ingest.spread.StatementSpreader;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.StatementRow;

/**
 * Chooses between OCR alternatives of a scanned statement's amounts by the statement's arithmetic
 * (docs/decisions/018-office-scans.md). OCR's usual slips on an amount are one character: a △ lost
 * or read into a smudge, one digit read as another, a leading digit lost. When an identity of the
 * chart (a total = the sum of its parts with their signs, the PL cascade, assets = liabilities and
 * net assets) fails in one year, or a comparison's row whose 増減 is not this year less last year, the value each of its terms would need for it to hold is computed;
 * where that value is such a one-character alternative of what OCR read, the row is spread again
 * with it (through {@link StatementSpreader#remap}, the spreader's own mapping), and the alternative
 * is a candidate when more identities hold and none that held breaks. The candidate under which the
 * most identities hold is kept, one at a time; a tie (the total or a part could be the misread one)
 * leaves the reading as it is.
 * <p>
 * A figure in an identity that still fails afterwards keeps a confidence below
 * {@link StatementSpreader#UNCERTAIN}: the consistency checks then ask the examiner to compare it with
 * the page rather than raising an error on a reading alone. Text PDFs are never touched.
 */
final class ScanArithmetic {
    /** Corrections per document at most (each is one more spreading of its rows). */
    static final int MAX_CORRECTIONS = 12;
    /** Confidence of a figure that arithmetic cannot confirm. */
    static final double UNCONFIRMED = 0.45;

    private static final Map<String, List<String>> CHILDREN = new HashMap<>();

    static {
        for (Account a : Catalogs.accounts().values()) {
            if (a.parent() != null && !a.parent().isBlank()) {
                CHILDREN.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a.code());
            }
        }
    }

    private ScanArithmetic() {
    }

    /** {@code doc} with its one-character OCR slips mended where the arithmetic picks one alternative, unconfirmed figures marked. */
    static ExtractedDocument proofread(ExtractedDocument doc, LearnedMappings learned) {
        if (!doc.ocr() || doc.rows().isEmpty() || doc.figures().isEmpty()) {
            return doc;
        }
        ExtractedDocument current = doc;
        Check check = check(current);
        for (int n = 0; n < MAX_CORRECTIONS && !(check.failing.isEmpty() && check.failingRows.isEmpty()); n++) {
            // every one-slip alternative of every term of a failing identity that makes more identities
            // hold and breaks none; the one that makes the most hold wins, a tie leaves the reading alone
            Map<List<Long>, ExtractedDocument> fixes = new HashMap<>();
            Map<List<Long>, Check> fixChecks = new HashMap<>();
            // which failing identity or row each alternative mends
            Map<List<Long>, String> source = new HashMap<>();
            for (Identity failed : check.failing) {
                List<Term> candidates = new ArrayList<>(failed.terms);
                candidates.add(new Term(failed.parent, 0));
                for (Term t : candidates) {
                    for (ExtractedDocument alt : alternatives(current, t, failed, learned)) {
                        Check c = check(alt);
                        if (c.held.size() > check.held.size() && c.held.containsAll(check.held)) {
                            List<Long> key = values(alt);
                            fixes.put(key, alt);
                            fixChecks.put(key, c);
                            source.putIfAbsent(key, failed.key());
                        }
                    }
                }
            }
            for (StatementRow r : check.failingRows) {
                for (ExtractedDocument alt : rowAlternatives(current, r, learned)) {
                    Check c = check(alt);
                    if (c.held.size() > check.held.size() && c.held.containsAll(check.held)) {
                        List<Long> key = values(alt);
                        fixes.put(key, alt);
                        fixChecks.put(key, c);
                        source.putIfAbsent(key, "row:" + r.index());
                    }
                }
            }
            int most = fixChecks.values().stream().mapToInt(c -> c.held.size()).max().orElse(-1);
            List<List<Long>> top = fixChecks.entrySet().stream().filter(e -> e.getValue().held.size() == most)
                    .map(Map.Entry::getKey).toList();
            // tied alternatives that mend different identities are independent (taken one per round);
            // two that mend the same one leave it as read
            Map<String, Long> perSource = new HashMap<>();
            top.forEach(k -> perSource.merge(source.get(k), 1L, Long::sum));
            List<List<Long>> best = top.stream().filter(k -> perSource.get(source.get(k)) == 1).limit(1).toList();
            if (best.isEmpty()) {
                break;
            }
            current = fixes.get(best.get(0));
            check = fixChecks.get(best.get(0));
        }
        return unconfirmed(current, check);
    }

    /** The printed values of all rows, in order: what tells two alternatives apart. */
    private static List<Long> values(ExtractedDocument doc) {
        List<Long> out = new ArrayList<>();
        for (StatementRow r : doc.rows()) {
            out.addAll(r.values().values());
            out.add(Long.MIN_VALUE);
        }
        return out;
    }

    /** One term of an identity: an account's figure with the sign it enters the sum with (0: the identity's total). */
    private record Term(String account, int sign) {
    }

    /** parent = Σ sign × term, in one year. */
    private record Identity(int year, String parent, List<Term> terms) {
        String key() {
            return year + ":" + parent + ":" + terms;
        }
    }

    private static final class Check {
        final java.util.Set<String> held = new TreeSet<>();
        final List<Identity> failing = new ArrayList<>();
        /** Rows of a comparison whose 増減 is not this year's amount less last year's. */
        final List<StatementRow> failingRows = new ArrayList<>();
        final Map<Integer, Map<String, Figure>> figures = new TreeMap<>();
    }

    /** Which of the chart's identities hold among the document's figures, year by year. */
    private static Check check(ExtractedDocument doc) {
        Check c = new Check();
        for (Figure f : doc.figures()) {
            c.figures.computeIfAbsent(f.fiscalYear(), k -> new HashMap<>()).putIfAbsent(f.account(), f);
        }
        for (var y : c.figures.entrySet()) {
            Map<String, Figure> v = y.getValue();
            for (var p : CHILDREN.entrySet()) {
                List<Term> terms = new ArrayList<>();
                for (String child : p.getValue()) {
                    Account a = Catalogs.accounts().get(child);
                    terms.add(new Term(child, p.getValue().size() == 1 || a == null || a.sign() >= 0 ? 1 : -1));
                }
                judge(c, doc.unit(), new Identity(y.getKey(), p.getKey(), terms), v);
            }
            if (v.containsKey("total_liabilities_and_net_assets")) {
                judge(c, doc.unit(), new Identity(y.getKey(), "total_assets", List.of(new Term("total_liabilities_and_net_assets", 1))), v);
            } else {
                judge(c, doc.unit(), new Identity(y.getKey(), "total_assets",
                        List.of(new Term("total_liabilities", 1), new Term("net_assets", 1))), v);
            }
        }
        // a comparison's row: 増減 = this year's amount less last year's, in printed units
        for (StatementRow r : doc.rows()) {
            if (r.delta() == null || r.values().size() != 2) {
                continue;
            }
            List<Long> v = new ArrayList<>(r.values().values());
            if (Math.abs(v.get(1) - v.get(0) - r.delta()) <= (doc.unit() <= 1 ? 0 : 1)) {
                c.held.add("row:" + r.index());
            } else {
                c.failingRows.add(r);
            }
        }
        return c;
    }

    /** Row {@code r} with one of its two amounts or its 増減 read as the one-slip alternative that makes 増減 agree. */
    private static List<ExtractedDocument> rowAlternatives(ExtractedDocument doc, StatementRow r, LearnedMappings learned) {
        List<Integer> years = new ArrayList<>(r.values().keySet());
        long before = r.values().get(years.get(0));
        long after = r.values().get(years.get(1));
        long slack = doc.unit() <= 1 ? 0 : 1;
        List<ExtractedDocument> out = new ArrayList<>();
        Long a = oneSlipFrom(after, before + r.delta(), slack);
        if (a != null && after != 0) {
            out.add(withRowValue(doc, r, years.get(1), a, learned));
        }
        Long b = oneSlipFrom(before, after - r.delta(), slack);
        if (b != null && before != 0) {
            out.add(withRowValue(doc, r, years.get(0), b, learned));
        }
        Long d = oneSlipFrom(r.delta(), after - before, slack);
        if (d != null && r.delta() != 0) {
            List<StatementRow> rows = new ArrayList<>(doc.rows());
            rows.set(rows.indexOf(r), new StatementRow(r.file(), r.index(), r.label(), r.section(), r.indent(), r.values(), d,
                    r.location(), r.mapping(), r.valueLocations(), r.deltaLocation()));
            out.add(StatementSpreader.remap(doc.withFiguresAndRows(doc.figures(), rows), learned));
        }
        return out;
    }

    /** The signed sum of the terms of {@code id} that were read, and how many were. */
    private record Known(long sum, int count) {
        static Known of(Identity id, Map<String, Figure> v) {
            long sum = 0;
            int count = 0;
            for (Term t : id.terms) {
                Figure f = v.get(t.account);
                if (f != null) {
                    sum += t.sign * f.value();
                    count++;
                }
            }
            return new Known(sum, count);
        }
    }

    private static void judge(Check c, long unit, Identity id, Map<String, Figure> v) {
        Figure parent = v.get(id.parent);
        if (parent == null) {
            return;
        }
        Known k = Known.of(id, v);
        long sum = k.sum();
        int known = k.count();
        if (known == 0) {
            return;
        }
        // a 千円 statement rounds each line: every term may be half a unit off
        long tolerance = unit <= 1 ? 0 : unit * (known + 1) / 2;
        if (Math.abs(sum - parent.value()) <= tolerance) {
            c.held.add(id.key());
        } else {
            c.failing.add(id);
        }
    }

    /**
     * The document with the one term of {@code id} that is not the parent, or the parent, read as
     * the value that makes {@code id} hold, when that value is a one-character OCR alternative of
     * what was read; null otherwise.
     */
    private static List<ExtractedDocument> alternatives(ExtractedDocument doc, Term term, Identity id, LearnedMappings learned) {
        Map<String, Figure> v = new HashMap<>();
        for (Figure f : doc.figures()) {
            if (f.fiscalYear() == id.year) {
                v.putIfAbsent(f.account(), f);
            }
        }
        Figure target = v.get(term.account);
        Known k = Known.of(id, v);
        long sum = k.sum();
        int known = k.count();
        long slack = doc.unit() <= 1 ? 0 : (known + 1) / 2;
        List<ExtractedDocument> out = new ArrayList<>();
        if (target == null) {
            if (term.sign == 0) {
                return out;
            }
            // a part without a figure: a row whose misread amount broke the sum, so the spreader left it
            // unmapped or took it for another account, gives no figure
            long needed = (v.get(id.parent).value() - sum) * term.sign;
            java.util.Set<jp.shinsa.models.SourceLocation> figured = new java.util.HashSet<>();
            for (Figure f : doc.figures()) {
                if (f.fiscalYear() == id.year && f.location() != null) {
                    figured.add(f.location());
                }
            }
            for (StatementRow r : doc.rows()) {
                Long printed = r.values().get(id.year);
                if (printed != null && printed != 0 && !figured.contains(r.locationOf(id.year))) {
                    Long alt = oneSlipFrom(printed, Math.round((double) needed / Math.max(1, doc.unit())), slack);
                    if (alt != null) {
                        out.add(withRowValue(doc, r, id.year, alt, learned));
                    }
                }
            }
            return out;
        }
        // the value the term would need: the total's is the sum; a part's, the total less the other parts
        long needed = term.sign == 0 ? sum : (v.get(id.parent).value() - (sum - term.sign * target.value())) * term.sign;
        ExtractedDocument alt = withValue(doc, target, needed, slack, learned);
        if (alt != null) {
            out.add(alt);
        }
        return out;
    }

    /**
     * The document with {@code figure}'s printed amount read as the one giving {@code needed} (within
     * {@code slack} printed units: a 千円 statement's rounding), spread again; null when no such amount
     * is one OCR slip away from what was read.
     */
    private static ExtractedDocument withValue(ExtractedDocument doc, Figure figure, long needed, long slack, LearnedMappings learned) {
        if (figure.derived() || figure.location() == null) {
            return null;
        }
        for (StatementRow r : doc.rows()) {
            Long printed = r.values().get(figure.fiscalYear());
            if (printed == null || printed == 0 || !figure.location().equals(r.locationOf(figure.fiscalYear()))) {
                continue;
            }
            if (figure.value() % printed != 0) {
                return null;
            }
            long ratio = figure.value() / printed;
            Long alt = oneSlipFrom(printed, Math.round((double) needed / ratio), slack);
            return alt == null ? null : withRowValue(doc, r, figure.fiscalYear(), alt, learned);
        }
        return null;
    }

    /** The one amount within {@code slack} of {@code centre} that is one OCR slip from {@code printed}; null when none or several. */
    private static Long oneSlipFrom(long printed, long centre, long slack) {
        Long alt = null;
        for (long a = centre - slack; a <= centre + slack; a++) {
            if (oneSlipApart(printed, a)) {
                if (alt != null) {
                    return null;
                }
                alt = a;
            }
        }
        return alt;
    }

    /** The document with row {@code r}'s amount of {@code year} read as {@code alt}, its rows spread again. */
    private static ExtractedDocument withRowValue(ExtractedDocument doc, StatementRow r, int year, long alt, LearnedMappings learned) {
        List<StatementRow> rows = new ArrayList<>(doc.rows());
        Map<Integer, Long> values = new TreeMap<>(r.values());
        values.put(year, alt);
        rows.set(rows.indexOf(r), new StatementRow(r.file(), r.index(), r.label(), r.section(), r.indent(), values, r.delta(),
                r.location(), r.mapping(), r.valueLocations(), r.deltaLocation()));
        return StatementSpreader.remap(doc.withFiguresAndRows(doc.figures(), rows), learned);
    }

    /**
     * Whether OCR could have read {@code alt} as {@code read} by one slip: the sign (△ lost or a
     * smudge read as △), one digit for another, or a leading digit lost or added.
     */
    static boolean oneSlipApart(long read, long alt) {
        if (read == alt) {
            return false;
        }
        if (alt == -read) {
            return true;
        }
        if ((read < 0) != (alt < 0)) {
            return false;
        }
        String a = Long.toString(Math.abs(read));
        String b = Long.toString(Math.abs(alt));
        if (a.length() == b.length()) {
            int diff = 0;
            for (int i = 0; i < a.length(); i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diff++;
                }
            }
            return diff == 1;
        }
        // a leading digit (or a whole leading group's first digit) lost, or one invented
        return a.length() == b.length() + 1 && a.endsWith(b) && b.length() >= 3
                || b.length() == a.length() + 1 && b.endsWith(a) && a.length() >= 3;
    }

    /** {@code doc} with the figures of identities that still fail marked unconfirmed. */
    private static ExtractedDocument unconfirmed(ExtractedDocument doc, Check check) {
        if (check.failing.isEmpty() && check.failingRows.isEmpty()) {
            return doc;
        }
        java.util.Set<String> doubtful = new java.util.HashSet<>();
        java.util.Set<jp.shinsa.models.SourceLocation> doubtfulAt = new java.util.HashSet<>();
        for (StatementRow r : check.failingRows) {
            r.values().keySet().forEach(y -> doubtfulAt.add(r.locationOf(y)));
        }
        for (Identity id : check.failing) {
            doubtful.add(id.year + ":" + id.parent);
            for (Term t : id.terms) {
                doubtful.add(id.year + ":" + t.account);
            }
        }
        List<Figure> out = new ArrayList<>(doc.figures().size());
        boolean changed = false;
        for (Figure f : doc.figures()) {
            if ((doubtful.contains(f.fiscalYear() + ":" + f.account()) || doubtfulAt.contains(f.location()))
                    && f.confidence() > UNCONFIRMED) {
                out.add(new Figure(f.file(), f.documentType(), f.account(), f.fiscalYear(), f.value(), f.label(), f.unit(),
                        UNCONFIRMED, f.location(), f.derivedFrom()));
                changed = true;
            } else {
                out.add(f);
            }
        }
        return changed ? doc.withFiguresAndRows(out, doc.rows()) : doc;
    }
}
