package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.Program;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.Text;
import jp.shinsa.scoring.ApplicationCheck;

/**
 * The consistency checks of findings.md (all codes but {@code UNIT_PRICE_OUTLIER}, which the
 * purpose-fit scorer raises): documents present and readable, the statements' own arithmetic, the
 * input sheet and the comparison against the statements, the comparison's 増減, net-assets
 * continuity, the application form's money and the quote's prices.
 *
 * <p>Checks work on whatever was extracted: a figure that was not found is not a mismatch.
 * Tolerances follow each figure's unit. Failed figure checks are grouped by root cause: one finding
 * per cause keeps its severity, the consequences are INFO with {@link Finding#cause()} set to the
 * {@link #causeKey key} of that finding. Stateless and thread-safe. See
 * docs/decisions/004-consistency-checks.md.
 */
public final class ConsistencyChecker implements ApplicationCheck {
    private final DocumentPresenceRule presence = new DocumentPresenceRule();
    private final StatementArithmeticRule arithmetic;
    private final CrossDocumentRule crossDocument = new CrossDocumentRule();
    private final ComparisonDeltaRule delta = new ComparisonDeltaRule();
    /** Below this extraction confidence a figure's root cause is INFO ("check the reading"), not an alarm. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    private final RootCauseGrouping grouping;
    private final NetAssetsContinuityRule continuity = new NetAssetsContinuityRule();
    private final ApplicationFormRule form = new ApplicationFormRule();
    private final QuotePriceRule quotes = new QuotePriceRule();

    public ConsistencyChecker() {
        this(DEFAULT_MIN_CONFIDENCE);
    }

    /**
     * @param minConfidence 0–1: a root cause whose suspect figure was read with a lower
     *                      {@link jp.shinsa.models.Figure#confidence()} is reported as INFO asking the
     *                      examiner to check the reading (an OCR misreading is not an applicant's error)
     */
    public ConsistencyChecker(double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must lie in [0,1]: " + minConfidence);
        }
        this.grouping = new RootCauseGrouping(minConfidence);
        this.arithmetic = new StatementArithmeticRule(minConfidence);
    }

    @Override
    public List<Finding> check(ExtractedApplication application, Program program) {
        Objects.requireNonNull(application, "application");
        List<Finding> out = new ArrayList<>(presence.check(application, program));

        FigureIndex index = new FigureIndex(application);
        List<Violation> violations = new ArrayList<>();
        List<Violation> doubtfulParts = new ArrayList<>();
        violations.addAll(arithmetic.check(index, doubtfulParts));
        violations.addAll(crossDocument.check(index));
        violations.addAll(delta.check(index));
        RootCauseGrouping.Result grouped = grouping.group(violations, index);
        out.addAll(grouped.findings());
        out.addAll(continuity.check(index, grouped.culprits()));
        out.addAll(UncertainRows.unmapped(index));
        // a block whose lines or total are read with doubt and do not add up: what the check says, never an alarm
        for (Violation v : doubtfulParts) {
            out.add(new Finding(v.code(), Severity.INFO, v.account(), v.fiscalYear(), null, v.documentType(), v.file(),
                    v.expected(), v.actual(), new Text(v.message().ja() + " ただし合計行または内訳行の勘定科目が不確かなため、警告にしていません。",
                            v.message().en() + " Not an alarm: the account of the total line or of a detail line is uncertain."),
                    v.evidence(), null));
        }

        // an application may come as two forms (申請書 and 所要額調書): check the money of each that has
        // some, and compare the quote with the one that lists the items
        List<ExtractedDocument> forms = application.ofType(DocumentType.APPLICATION_FORM);
        for (ExtractedDocument f : forms) {
            if (!f.items().isEmpty() || f.subsidy() != null) {
                out.addAll(form.check(f, program));
            }
        }
        forms.stream().max(java.util.Comparator.comparingInt(f -> f.items().size()))
                .ifPresent(f -> out.addAll(quotes.check(f, application.ofType(DocumentType.QUOTE))));
        return merge(out);
    }

    /**
     * The identity of a finding, used as {@link Finding#cause()} of its consequences: the code and
     * the keys of findings.md that are set, e.g. {@code SUBTOTAL_MISMATCH|account=fixed_assets|fiscalYear=2024|file=決算書.pdf}.
     */
    public static String causeKey(Finding f) {
        StringJoiner j = new StringJoiner("|");
        j.add(f.code().name());
        if (f.account() != null) {
            j.add("account=" + f.account());
        }
        if (f.fiscalYear() != null) {
            j.add("fiscalYear=" + f.fiscalYear());
        }
        if (f.item() != null) {
            j.add("item=" + f.item());
        }
        if (f.documentType() != null) {
            j.add("documentType=" + f.documentType().name());
        }
        if (f.file() != null) {
            j.add("file=" + f.file());
        }
        return j.toString();
    }

    /**
     * One finding per key: the same disagreement seen from two pairs of documents (the input sheet
     * against the statements and against the comparison) is one finding with the evidence of both;
     * an alarm wins over an INFO.
     */
    private static List<Finding> merge(List<Finding> findings) {
        Map<String, Finding> byKey = new LinkedHashMap<>();
        for (Finding f : findings) {
            String key = causeKey(f);
            Finding seen = byKey.get(key);
            if (seen == null) {
                byKey.put(key, f);
                continue;
            }
            Finding keep = seen.severity() == Severity.INFO && f.severity() != Severity.INFO ? f : seen;
            Set<SourceLocation> evidence = new LinkedHashSet<>(keep.evidence());
            evidence.addAll(keep == seen ? f.evidence() : seen.evidence());
            String cause = key.equals(keep.cause()) ? null : keep.cause();
            byKey.put(key, new Finding(keep.code(), keep.severity(), keep.account(), keep.fiscalYear(), keep.item(),
                    keep.documentType(), keep.file(), keep.expected(), keep.actual(), keep.message(),
                    List.copyOf(evidence), cause));
        }
        return List.copyOf(byKey.values());
    }
}
