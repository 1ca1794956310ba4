package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.Severity;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;

/**
 * Turns failed figure checks into findings, one alarm per root cause.
 *
 * <p>Each failed check names the stated numbers it used; one of them is wrong. Greedily, the number
 * that takes part in the most failed checks is taken as the culprit (an altered statement component
 * breaks its subtotal and disagrees with the input sheet and the comparison: three checks, one
 * number). Ties go to the document findings.md treats as the copy: 増減 before the comparison, the
 * comparison before the input sheet, the input sheet before the statements. All failed checks that
 * used the culprit form one group; its primary finding keeps the code's severity and the others
 * become INFO consequences whose {@code cause} is the primary's key. See
 * docs/decisions/004-consistency-checks.md.
 */
final class RootCauseGrouping {
    private static final Set<String> BALANCE_TOTALS = Set.of("total_assets", "total_liabilities_and_net_assets");

    record Result(List<Finding> findings, Set<Ref> culprits) {
    }

    private final double minConfidence;

    /** @param minConfidence a root cause resting on a figure read with less confidence is INFO: check the reading */
    RootCauseGrouping(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    Result group(List<Violation> violations, FigureIndex index) {
        if (violations.isEmpty()) {
            return new Result(List.of(), Set.of());
        }
        Map<Ref, Figure> figures = new HashMap<>();
        for (Violation v : violations) {
            if (v.pair() != null) {
                v.pair().forEach(f -> figures.put(FigureIndex.ref(f), f));
            }
        }
        for (FigureIndex.Key k : index.keys()) {
            for (Figure f : index.all(k.account(), k.fiscalYear())) {
                figures.putIfAbsent(FigureIndex.ref(f), f);
            }
        }
        List<Violation> remaining = new ArrayList<>(violations);
        List<Finding> out = new ArrayList<>();
        Set<Ref> culprits = new LinkedHashSet<>();
        groupWrongScale(remaining, out, culprits, index);
        while (!remaining.isEmpty()) {
            Map<Ref, Integer> counts = counts(remaining);
            Ref culprit = pickCulprit(counts);
            culprits.add(culprit);
            List<Violation> group = new ArrayList<>();
            for (var it = remaining.iterator(); it.hasNext(); ) {
                Violation v = it.next();
                if (v.refs().contains(culprit)) {
                    group.add(v);
                    it.remove();
                }
            }
            List<Violation> resolved = new ArrayList<>();
            for (Violation v : group) {
                resolved.add(v.isPair() ? CrossDocumentRule.describe(v, flaggedSide(v, culprit)) : v);
            }
            resolved.sort(Comparator.comparingInt(v -> rank(v, culprit)));
            Violation primary = resolved.get(0);
            Text message = primary.message();
            Figure suspect = figures.get(culprit);
            boolean namesSuspect = suspect != null && suspect.account().equals(primary.account())
                    && suspect.file().equals(primary.file()) && !primary.isInternal();
            if (resolved.size() > 1 && suspect != null && !namesSuspect) {
                message = withSuspect(message, suspect);
            }
            Violation undecided = group.size() == 1 ? undecidedCopies(group.get(0), counts) : null;
            if (undecided != null) {
                message = new Text(message.ja() + " 入力シートとBS実績比較のどちらが誤っているかは数値からは判別できません。",
                        message.en() + " The figures do not tell whether the input sheet or the comparison is wrong.");
            }
            Severity severity = primary.code().severity();
            Figure unsure = uncertain(primary, suspect, figures);
            UncertainRows.Row row = unsure == null ? null : UncertainRows.rowOf(unsure, index);
            Misread misread = row == null ? misread(group, index) : null;
            if (misread != null) {
                // both documents print the amount, and read the line differently: a reading to confirm
                severity = Severity.INFO;
                ExtractedDocument d = misread.row().document();
                String label = misread.row().row().label();
                message = new Text(message.ja() + " " + Wording.yenJa(misread.figure().value()) + "は" + Wording.docJa(d.type(), d.file())
                        + "にも「" + label + "」として記載されていますが、そこでは別の読み方をしています（" + UncertainRows.readingJa(misread.row().row())
                        + "）。数値の不一致ではなく読み取りの違いの可能性があるため、警告にしていません。",
                        message.en() + " Not an alarm: " + Wording.yenEn(misread.figure().value()) + " is printed in the "
                                + Wording.docEn(d.type(), d.file()) + " too, on row \"" + label + "\", read there otherwise ("
                                + UncertainRows.readingEn(misread.row().row()) + "): the documents may differ in how they were read, not in their figures.");
                out.add(UncertainRows.finding(misread.row()));
            } else if (row != null) {
                // the check rests on a row whose account is uncertain: "confirm this row's account", no alarm
                severity = Severity.INFO;
                message = new Text(message.ja() + " ただし「" + row.row().label() + "」の勘定科目が不確かなため、警告にしていません。",
                        message.en() + " Not an alarm: the account of row \"" + row.row().label() + "\" is uncertain.");
                out.add(UncertainRows.finding(unsure, row));
            } else if (scanSlip(primary, index)) {
                // a scanned 増減 whose digits are the computed difference's with some dropped or added:
                // Tesseract lost or doubled characters, the applicant's figures agree
                severity = Severity.INFO;
                message = new Text(message.ja() + " スキャン画像の読み取りで桁が欠けたか増えた可能性があるため、警告にしていません。原本で確認してください。",
                        message.en() + " Not an alarm: the scan's reading may have lost or added digits; check it against the original.");
            } else if (suspect != null && suspect.confidence() < minConfidence) {
                severity = Severity.INFO;
                message = new Text(message.ja() + String.format(java.util.Locale.ROOT, " この数値の読み取り信頼度は %.2f です。原本で数値を確認してください。",
                        suspect.confidence()), message.en() + String.format(java.util.Locale.ROOT,
                        " This figure was read with confidence %.2f: check it against the original.", suspect.confidence()));
            }
            Finding head = finding(primary, severity, message, null);
            if (suspect != null) {
                head = flaggedFirst(head, suspect);
            }
            out.add(head);
            String key = ConsistencyChecker.causeKey(head);
            for (Violation v : resolved.subList(1, resolved.size())) {
                out.add(finding(v, Severity.INFO, v.message(), key));
            }
            if (undecided != null) {
                out.add(finding(undecided, Severity.INFO, undecided.message(), key));
            }
        }
        return new Result(out, culprits);
    }

    /** Fewer disagreeing accounts than this at one scale are single slips (one figure typed in 千円), not a document's unit. */
    static final int MIN_SCALED_ACCOUNTS = 3;

    /**
     * A document whose figures are, account after account, 1/1,000 (or 1/1,000,000) of another
     * document's has one root cause — its unit (千円 not stated, or not read) — and is one alarm with
     * the disagreements as consequences, including the document's own checks that used them.
     */
    private static void groupWrongScale(List<Violation> remaining, List<Finding> out, Set<Ref> culprits,
                                        FigureIndex index) {
        Map<String, List<Violation>> byFile = new LinkedHashMap<>();
        Map<String, Long> factorOf = new HashMap<>();
        for (Violation v : remaining) {
            if (!v.isPair()) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Figure small = v.pair().get(side);
                Figure large = v.pair().get(1 - side);
                for (long k : new long[] {1_000, 1_000_000}) {
                    long tolerance = k + (large.unit() > 1 ? large.unit() : 0);
                    if (small.value() != 0 && Math.abs(small.value() * k - large.value()) < tolerance) {
                        byFile.computeIfAbsent(small.file(), f -> new ArrayList<>()).add(v);
                        factorOf.putIfAbsent(small.file(), k);
                    }
                }
            }
        }
        for (Map.Entry<String, List<Violation>> e : byFile.entrySet()) {
            String file = e.getKey();
            List<Violation> pairs = e.getValue();
            long accounts = pairs.stream().map(Violation::account).distinct().count();
            if (accounts < MIN_SCALED_ACCOUNTS || !remaining.containsAll(pairs)) {
                continue;
            }
            Set<Ref> scaled = new LinkedHashSet<>();
            List<Violation> described = new ArrayList<>();
            for (Violation v : pairs) {
                Figure flagged = v.pair().get(0).file().equals(file) ? v.pair().get(0) : v.pair().get(1);
                scaled.add(FigureIndex.ref(flagged));
                described.add(CrossDocumentRule.describe(v, flagged));
            }
            remaining.removeAll(pairs);
            for (var it = remaining.iterator(); it.hasNext(); ) {
                Violation v = it.next();
                if (v.refs().stream().anyMatch(scaled::contains)) {
                    described.add(v.isPair() ? CrossDocumentRule.describe(v, v.pair().get(0).file().equals(file)
                            ? v.pair().get(0) : v.pair().get(1)) : v);
                    it.remove();
                }
            }
            culprits.addAll(scaled);
            // none of the document's figures is trusted any more, those no other document states included
            index.figures(file).values().forEach(f -> culprits.add(FigureIndex.ref(f)));
            Violation primary = described.get(0);
            long k = factorOf.get(file);
            String unitJa = k == 1_000 ? "千円" : "百万円";
            String unitEn = k == 1_000 ? "thousands of yen" : "millions of yen";
            Text message = new Text(primary.message().ja() + " この書類の" + accounts + "科目の数値が他の書類の1/" + String.format(java.util.Locale.ROOT, "%,d", k)
                    + "です。単位（" + unitJa + "）の記載漏れ、または単位の読み取り誤りが考えられます。",
                    primary.message().en() + " " + accounts + " accounts of this document are 1/" + String.format(java.util.Locale.ROOT, "%,d", k)
                            + " of the other documents' figures: its unit (" + unitEn + ") is probably not stated or was misread.");
            Finding head = finding(primary, primary.code().severity(), message, null);
            out.add(head);
            String key = ConsistencyChecker.causeKey(head);
            for (Violation v : described.subList(1, described.size())) {
                out.add(finding(v, Severity.INFO, v.message(), key));
            }
        }
    }

    private static Map<Ref, Integer> counts(List<Violation> remaining) {
        Map<Ref, Integer> counts = new LinkedHashMap<>();
        for (Violation v : remaining) {
            for (Ref r : v.refs()) {
                counts.merge(r, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * For a disagreement between the input sheet and the comparison in a year the statements do not
     * cover, where neither figure takes part in any other failed check, the comparison is flagged as
     * findings.md says; this is the same disagreement seen from the input sheet, kept as INFO.
     */
    private static Violation undecidedCopies(Violation v, Map<Ref, Integer> counts) {
        if (!v.isPair()) {
            return null;
        }
        Figure a = v.pair().get(0);
        Figure b = v.pair().get(1);
        boolean copies = a.documentType() != DocumentType.FINANCIAL_STATEMENTS
                && b.documentType() != DocumentType.FINANCIAL_STATEMENTS;
        if (!copies || counts.get(FigureIndex.ref(a)) != 1 || counts.get(FigureIndex.ref(b)) != 1) {
            return null;
        }
        Figure inputSheet = a.documentType() == DocumentType.INPUT_SHEET ? a : b;
        return CrossDocumentRule.describe(v, inputSheet);
    }

    private static Ref pickCulprit(Map<Ref, Integer> counts) {
        return counts.entrySet().stream()
                .min(Comparator.<Map.Entry<Ref, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparingInt(e -> e.getKey().blamePriority()))
                .orElseThrow().getKey();
    }

    /** The side of a pair the culprit is on; if the culprit is neither, the copy rather than the statements. */
    private static Figure flaggedSide(Violation pair, Ref culprit) {
        Figure a = pair.pair().get(0);
        Figure b = pair.pair().get(1);
        if (FigureIndex.ref(a).equals(culprit)) {
            return a;
        }
        if (FigureIndex.ref(b).equals(culprit)) {
            return b;
        }
        return FigureIndex.ref(a).blamePriority() <= FigureIndex.ref(b).blamePriority() ? a : b;
    }

    /**
     * Which failed check best names the root cause (lower first). A wrong statement figure is named
     * by the statements' own arithmetic (the balance for a grand total, else the line that is the
     * culprit, else its parent); a wrong copy (input sheet, comparison) by its disagreement with the
     * statements; a wrong 増減 by the delta check.
     */
    private static int rank(Violation v, Ref culprit) {
        if (culprit.kind() == Ref.Kind.DELTA) {
            return v.code() == FindingCode.COMPARISON_DELTA_MISMATCH ? 0 : 10;
        }
        int internal = internalRank(v, culprit);
        boolean copy = culprit.documentType() != DocumentType.FINANCIAL_STATEMENTS;
        int cross = -1;
        if (v.code() == FindingCode.INPUT_SHEET_MISMATCH || v.code() == FindingCode.BS_COMPARISON_MISMATCH) {
            boolean againstStatements = v.evidence().size() > 1 && v.refs().stream()
                    .anyMatch(r -> r.documentType() == DocumentType.FINANCIAL_STATEMENTS);
            cross = againstStatements ? 0 : 1;
        }
        if (copy) {
            return cross >= 0 ? cross : internal >= 0 ? 2 + internal : 9;
        }
        return internal >= 0 ? internal : cross >= 0 ? 6 + cross : 9;
    }

    private static int internalRank(Violation v, Ref culprit) {
        if (!v.isInternal()) {
            return -1;
        }
        String parent = Catalogs.account(culprit.account()).map(a -> a.parent()).orElse(null);
        if (v.code() == FindingCode.BS_IMBALANCE && BALANCE_TOTALS.contains(culprit.account())) {
            return 0;
        }
        if (culprit.account().equals(v.account())) {
            return 1;
        }
        if (parent != null && parent.equals(v.account())) {
            return 2;
        }
        return v.code() == FindingCode.BS_IMBALANCE ? 3 : 4;
    }

    private static Text withSuspect(Text message, Figure suspect) {
        return new Text(message.ja() + " 関連する不一致から、" + Wording.docJa(suspect.documentType(), suspect.file()) + "の"
                + Wording.yearJa(suspect.fiscalYear()) + "「" + Wording.accountJa(suspect.account()) + "」"
                + Wording.yenJa(suspect.value()) + "の誤りが疑われます。",
                message.en() + " The related mismatches point to " + Wording.accountEn(suspect.account()) + " "
                        + Wording.yearEn(suspect.fiscalYear()) + ", " + Wording.yenEn(suspect.value()) + ", in the "
                        + Wording.docEn(suspect.documentType(), suspect.file()) + ".");
    }

    /**
     * The suspect figure's location first in the evidence; for a balance sheet whose total assets
     * are the suspect, total assets are the "actual" and the other side the "expected".
     */
    /** The figure of the check that rests on an uncertain mapping: the suspect first, else any the check used. */
    private Figure uncertain(Violation primary, Figure suspect, Map<Ref, Figure> figures) {
        if (suspect != null && suspect.confidence() < minConfidence) {
            return suspect;
        }
        for (Ref r : primary.refs()) {
            Figure f = figures.get(r);
            if (f != null && f.confidence() < minConfidence) {
                return f;
            }
        }
        return null;
    }

    /**
     * A 増減 read by OCR that disagrees with current − prior only by digits lost or added (one
     * number's digits are the other's with at most three taken out): a reading slip, not a figure
     * of the applicant's.
     */
    static boolean scanSlip(Violation v, FigureIndex index) {
        if (v.code() != FindingCode.COMPARISON_DELTA_MISMATCH || v.actual() == null || v.expected() == null) {
            return false;
        }
        ExtractedDocument d = index.document(v.file());
        if (d == null || !d.ocr()) {
            return false;
        }
        String a = Long.toString(Math.abs(v.actual()));
        String b = Long.toString(Math.abs(v.expected()));
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        return longer.length() > shorter.length() && longer.length() - shorter.length() <= 3 && subsequence(shorter, longer);
    }

    private static boolean subsequence(String part, String whole) {
        int i = 0;
        for (int j = 0; j < whole.length() && i < part.length(); j++) {
            if (whole.charAt(j) == part.charAt(i)) {
                i++;
            }
        }
        return i == part.length();
    }

    /**
     * A disagreement that is one of reading, not of figures: {@code figure}'s amount is printed in the
     * other document too, on {@code row}, which was read otherwise there.
     */
    record Misread(Figure figure, UncertainRows.Row row) {
    }

    /**
     * For a disagreement between two documents: one side's amount is printed, the same year, on a
     * row of the other document that was read as something else — another account, a detail line of
     * one, or nothing. Both documents then print the same figure and read it differently: the
     * disagreement rests on a reading (two lines of similar wording, a detail block that swallowed a
     * line), not on the applicant's figures. Unless both rows were read by their exact labels (one
     * candidate each, confidence ≥ 0.9): then an amount typed into the wrong line stays an alarm.
     */
    static Misread misread(List<Violation> group, FigureIndex index) {
        for (Violation v : group) {
            if (!v.isPair()) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Figure f = v.pair().get(side);
                Figure g = v.pair().get(1 - side);
                UncertainRows.Row own = UncertainRows.rowOf(f, index);
                UncertainRows.Row theirs = UncertainRows.rowOf(g, index);
                ExtractedDocument d = index.document(g.file());
                if (d == null) {
                    continue;
                }
                for (StatementRow r : d.rows()) {
                    Long amount = r.values().get(f.fiscalYear());
                    // a deduction is printed positive and read negative: the amounts compare unsigned
                    if (amount == null || amount == 0 || theirs != null && r == theirs.row() || readAs(r, f.account())
                            || CrossDocumentRule.differs(Math.abs(amount), d.unit(), Math.abs(f.value()), f.unit())) {
                        continue;
                    }
                    if (exact(r) && (own == null || exact(own.row()))) {
                        continue;
                    }
                    return new Misread(f, new UncertainRows.Row(d, r));
                }
            }
        }
        return null;
    }

    private static boolean readAs(StatementRow r, String account) {
        return r.mapping().kind() == RowMapping.Kind.ACCOUNT && account.equals(r.mapping().account());
    }

    /** Read by its exact label: one candidate, high confidence. */
    private static boolean exact(StatementRow r) {
        return r.mapping().candidates().size() <= 1 && r.mapping().confidence() >= 0.9;
    }

    private static Finding flaggedFirst(Finding f, Figure suspect) {
        List<jp.shinsa.models.SourceLocation> evidence = new ArrayList<>(f.evidence());
        if (evidence.remove(suspect.location())) {
            evidence.add(0, suspect.location());
        }
        Long expected = f.expected();
        Long actual = f.actual();
        if (f.code() == FindingCode.BS_IMBALANCE && "total_assets".equals(suspect.account())
                && suspect.file().equals(f.file())) {
            expected = f.actual();
            actual = f.expected();
        }
        return new Finding(f.code(), f.severity(), f.account(), f.fiscalYear(), f.item(), f.documentType(), f.file(),
                expected, actual, f.message(), evidence, f.cause());
    }

    private static Finding finding(Violation v, Severity severity, Text message, String cause) {
        return new Finding(v.code(), severity, v.account(), v.fiscalYear(), null, v.documentType(), v.file(),
                v.expected(), v.actual(), message, v.evidence(), cause);
    }
}
