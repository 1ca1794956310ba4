package jp.shinsa.ingest.spread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;

/**
 * The figures an application's statements gave with a confident mapping, as evidence for reading the
 * documents that copy them: the BS実績比較 restates the 決算書's balance sheet, the 決算状況入力シート both, so
 * a row whose amounts are the 決算書's 経常利益 in every year both print is very likely 経常利益, whatever its wording
 * (docs/decisions/026-same-figures-across-documents.md). Only mapped figures at or above
 * {@link StatementSpreader#UNCERTAIN} count; a figure the two statements print differently (a planted
 * comparison error) gives two sources, either of which a row may match.
 */
public final class PeerFigures {
    /** No other document: the spreading of a document read alone. */
    public static final PeerFigures NONE = new PeerFigures(Map.of());

    /** One statement's figures of one account: where they were printed and their yen amounts by year. */
    public record Source(String file, DocumentType type, String label, Map<Integer, Long> values, long unit) {
    }

    private final Map<String, List<Source>> byAccount;
    /** A wording another document read confidently: where, and as which account. */
    public record Wording(String file, String account) {
    }

    /** Wording (its taught-mapping key) → the account another document read it as, confidently, on its own evidence. */
    private final Map<String, Wording> wordings;

    /** Figures another document read below {@link StatementSpreader#UNCERTAIN}: never evidence, only a spoiler. */
    private final Map<String, List<Source>> doubtful;

    private PeerFigures(Map<String, List<Source>> byAccount) {
        this(byAccount, Map.of(), Map.of());
    }

    private PeerFigures(Map<String, List<Source>> byAccount, Map<String, Wording> wordings, Map<String, List<Source>> doubtful) {
        this.byAccount = byAccount;
        this.wordings = wordings;
        this.doubtful = doubtful;
    }

    /** How sure a copy's reading of a wording must be to be evidence for the statements' same wording: a wording its own sums confirm (0.6 + 0.35 × a likeness of 0.45 or more). */
    static final double WORDING_EVIDENCE = 0.75;

    /**
     * For a 決算書: the wordings its copies (BS実績比較, input sheet) print and read confidently on their own
     * evidence (their label, their place, their own arithmetic; not the 決算書's figures, which would be
     * circular), by wording key, with the account read: the applicant names an account the same way in
     * every document, so a wording the copy reads surely is evidence for the same wording in the 決算書
     * (docs/decisions/028). A wording its copies read as two accounts gives none. Empty for other types.
     */
    public static PeerFigures wordingsFor(ExtractedDocument statements, List<ExtractedDocument> application) {
        if (statements.type() != DocumentType.FINANCIAL_STATEMENTS) {
            return NONE;
        }
        Map<String, Wording> out = new LinkedHashMap<>();
        java.util.Set<String> conflicting = new java.util.HashSet<>();
        for (ExtractedDocument d : application) {
            if (d == statements || !copiedBy(DocumentType.FINANCIAL_STATEMENTS, d.type())) {
                continue;
            }
            for (jp.shinsa.models.StatementRow r : d.rows()) {
                jp.shinsa.models.RowMapping m = r.mapping();
                if (m.kind() != jp.shinsa.models.RowMapping.Kind.ACCOUNT || m.taught() || m.confidence() < WORDING_EVIDENCE
                        || StatementSpreader.restsOnPeers(m)) {
                    continue;
                }
                String key = LearnedMappings.wordingKey(r.label());
                Wording prior = out.get(key);
                if (prior != null && !prior.account().equals(m.account())) {
                    conflicting.add(key);
                }
                out.putIfAbsent(key, new Wording(d.file(), m.account()));
            }
        }
        conflicting.forEach(out::remove);
        return out.isEmpty() ? NONE : new PeerFigures(Map.of(), out, Map.of());
    }

    /** The account another document confidently read {@code wordingKey} as, with where; null when none. */
    Wording wording(String wordingKey) {
        return wordings.get(wordingKey);
    }

    /**
     * The figures that may serve as evidence for reading {@code doc}: for an input sheet, those of the
     * application's 決算書 and BS実績比較; for a BS実績比較 the 決算書's; for a 決算書 none ({@link #copiedBy}).
     */
    public static PeerFigures forDocument(ExtractedDocument doc, List<ExtractedDocument> application) {
        if (doc.type() != DocumentType.INPUT_SHEET && doc.type() != DocumentType.BS_COMPARISON) {
            return NONE;
        }
        Map<String, List<Source>> out = new LinkedHashMap<>();
        Map<String, List<Source>> doubtful = new LinkedHashMap<>();
        for (ExtractedDocument d : application) {
            if (d == doc || !copiedBy(d.type(), doc.type())) {
                continue;
            }
            Map<String, Map<Integer, Long>> values = new LinkedHashMap<>();
            Map<String, Map<Integer, Long>> doubtfulValues = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (Figure f : d.figures()) {
                (f.confidence() < StatementSpreader.UNCERTAIN ? doubtfulValues : values)
                        .computeIfAbsent(f.account(), k -> new TreeMap<>()).putIfAbsent(f.fiscalYear(), f.value());
                labels.putIfAbsent(f.account(), f.label());
            }
            java.util.function.BiFunction<String, Map<Integer, Long>, Source> source =
                    (account, v) -> new Source(d.file(), d.type(), labels.get(account), v, Math.max(1, d.unit()));
            values.forEach((account, v) -> out.computeIfAbsent(account, k -> new ArrayList<>()).add(source.apply(account, v)));
            doubtfulValues.forEach((account, v) -> {
                if (!values.containsKey(account)) {
                    doubtful.computeIfAbsent(account, k -> new ArrayList<>()).add(source.apply(account, v));
                }
            });
        }
        return out.isEmpty() && doubtful.isEmpty() ? NONE : new PeerFigures(out, Map.of(), doubtful);
    }

    /**
     * The accounts other than {@code account} whose uncertain figures in another document agree with
     * {@code values} in every year: no evidence for them, but amounts an uncertain line shares (経常利益
     * read by its place alone and 税引前当期純利益 without 特別損益) are no evidence for {@code account} either.
     */
    Map<String, Source> alsoDoubtful(Map<Integer, Long> values, long unit, String account) {
        Map<String, Source> out = doubtfulMatching(values, unit, true);
        out.remove(account);
        return out;
    }

    /**
     * The first uncertain source of each account whose amounts agree with {@code values} as
     * {@link #matching} says: a line another document prints with these amounts but could not read surely.
     */
    Map<String, Source> doubtfulMatching(Map<Integer, Long> values, long unit, boolean everyYear) {
        return agreeing(doubtful, values, unit, everyYear ? Agreement.EVERY_YEAR : Agreement.SOME_YEAR);
    }

    /**
     * Whether a document of type {@code copy} restates figures of a document of type {@code source}:
     * the BS実績比較 the 決算書's balance sheet, the input sheet both. The 決算書 is read on its own: it is
     * what the others are checked against.
     */
    static boolean copiedBy(DocumentType source, DocumentType copy) {
        return source == DocumentType.FINANCIAL_STATEMENTS && (copy == DocumentType.BS_COMPARISON || copy == DocumentType.INPUT_SHEET)
                || source == DocumentType.BS_COMPARISON && copy == DocumentType.INPUT_SHEET;
    }

    boolean isEmpty() {
        return byAccount.isEmpty() && wordings.isEmpty() && doubtful.isEmpty();
    }

    /**
     * The first source of each account whose amounts agree with {@code values} (yen by year):
     * {@code everyYear}, in every year both print (at least one, not all zero); otherwise in some year
     * both print (not zero) while they differ in another — the same account with one figure that
     * disagrees, or a coincidence. {@code unit} is the reading document's (a 千円 sheet rounds a 円
     * statement's figures).
     */
    Map<String, Source> matching(Map<Integer, Long> values, long unit, boolean everyYear) {
        return agreeing(byAccount, values, unit, everyYear ? Agreement.EVERY_YEAR : Agreement.SOME_YEAR);
    }

    /** The first source of each account of {@code sources} whose amounts agree with {@code values} as {@code wanted}. */
    private static Map<String, Source> agreeing(Map<String, List<Source>> sources, Map<Integer, Long> values, long unit,
                                                Agreement wanted) {
        Map<String, Source> out = new LinkedHashMap<>();
        for (var e : sources.entrySet()) {
            for (Source s : e.getValue()) {
                if (agreement(values, unit, s) == wanted) {
                    out.put(e.getKey(), s);
                    break;
                }
            }
        }
        return out;
    }

    private enum Agreement { EVERY_YEAR, SOME_YEAR, NONE }

    private static Agreement agreement(Map<Integer, Long> values, long unit, Source s) {
        long tolerance = Math.max(unit, s.unit()) == 1 ? 0 : Math.max(unit, s.unit()) / 2;
        int common = 0;
        boolean differs = false;
        boolean nonZero = false;
        boolean agreesNonZero = false;
        for (var y : values.entrySet()) {
            Long other = s.values().get(y.getKey());
            if (other == null) {
                continue;
            }
            common++;
            boolean same = Math.abs(other - y.getValue()) <= tolerance;
            differs |= !same;
            nonZero |= y.getValue() != 0;
            agreesNonZero |= same && y.getValue() != 0;
        }
        if (common > 0 && !differs && nonZero) {
            return Agreement.EVERY_YEAR;
        }
        return differs && agreesNonZero ? Agreement.SOME_YEAR : Agreement.NONE;
    }
}
