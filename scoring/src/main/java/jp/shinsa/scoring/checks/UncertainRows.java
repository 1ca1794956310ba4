package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jp.shinsa.models.Catalogs;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.PrintedPart;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;

/**
 * Findings about the statement rows themselves: a check that rests on a row whose account is
 * uncertain becomes {@code ROW_ACCOUNT_UNCERTAIN} ("confirm this row's account", with the candidates)
 * instead of an alarm, and each document's unmapped rows are listed as {@code UNMAPPED_ROWS}.
 * Both are INFO (docs/decisions/013-statement-spreading.md).
 */
final class UncertainRows {
    private UncertainRows() {
    }

    record Row(ExtractedDocument document, StatementRow row) {
    }

    /** The printed row a figure was read from (for a derived figure, its least certain part), or null. */
    static Row rowOf(Figure f, FigureIndex index) {
        ExtractedDocument d = index.document(f.file());
        if (d == null) {
            return null;
        }
        List<SourceLocation> at = new ArrayList<>();
        at.add(f.location());
        f.derivedFrom().stream().map(PrintedPart::location).forEach(at::add);
        StatementRow best = null;
        for (StatementRow r : d.rows()) {
            if (r.mapping().kind() != RowMapping.Kind.ACCOUNT && r.mapping().kind() != RowMapping.Kind.PART_OF) {
                continue;
            }
            if ((at.contains(r.locationOf(f.fiscalYear())) || at.contains(r.location()))
                    && (best == null || r.mapping().confidence() < best.mapping().confidence())) {
                best = r;
            }
        }
        return best == null ? null : new Row(d, best);
    }

    static Finding finding(Figure f, Row row) {
        RowMapping m = row.row().mapping();
        String ja = candidates(m, true);
        String en = candidates(m, false);
        Text message = new Text("「" + row.row().label() + "」の勘定科目を確認してください（" + row.document().file() + "）。現在: "
                + label(f.account(), true) + "。候補: " + ja,
                "Confirm the account of row \"" + row.row().label() + "\" (" + row.document().file() + "). Now: "
                        + label(f.account(), false) + ". Candidates: " + en);
        return new Finding(FindingCode.ROW_ACCOUNT_UNCERTAIN, Severity.INFO, f.account(), f.fiscalYear(), null,
                f.documentType(), f.file(), null, f.value(), message, List.of(row.row().location()), null);
    }

    /** "Confirm this row's account" for a row as it was read (an account, a detail line of one, or nothing). */
    static Finding finding(Row row) {
        RowMapping m = row.row().mapping();
        String ja = candidates(m, true);
        String en = candidates(m, false);
        Text message = new Text("「" + row.row().label() + "」の勘定科目を確認してください（" + row.document().file() + "）。現在: "
                + readingJa(row.row()) + "。候補: " + ja,
                "Confirm the account of row \"" + row.row().label() + "\" (" + row.document().file() + "). Now: "
                        + readingEn(row.row()) + ". Candidates: " + en);
        String account = m.kind() == RowMapping.Kind.ACCOUNT || m.kind() == RowMapping.Kind.PART_OF ? m.account() : null;
        Integer year = row.row().values().isEmpty() ? null : row.row().values().keySet().stream().max(Integer::compare).orElse(null);
        return new Finding(FindingCode.ROW_ACCOUNT_UNCERTAIN, Severity.INFO, account, year, null,
                row.document().type(), row.document().file(), null, year == null ? null : row.row().values().get(year), message,
                List.of(row.row().location()), null);
    }

    private static String candidates(RowMapping m, boolean ja) {
        return m.candidates().stream().map(c -> label(c.account(), ja) + String.format(Locale.ROOT, " %.2f", c.score()))
                .collect(Collectors.joining(ja ? "、" : ", "));
    }

    /** How a row was read, in words: 「医業未収金」, 「その他の有形固定資産」の内訳, 未対応. */
    static String readingJa(StatementRow r) {
        RowMapping m = r.mapping();
        return switch (m.kind()) {
            case ACCOUNT -> label(m.account(), true);
            case PART_OF -> label(m.account(), true) + "の内訳";
            default -> "未対応";
        };
    }

    static String readingEn(StatementRow r) {
        RowMapping m = r.mapping();
        return switch (m.kind()) {
            case ACCOUNT -> label(m.account(), false);
            case PART_OF -> "a detail line of " + label(m.account(), false);
            default -> "not mapped";
        };
    }

    /** One UNMAPPED_ROWS finding per document that printed rows with values no account could be chosen for. */
    static List<Finding> unmapped(FigureIndex index) {
        List<Finding> out = new ArrayList<>();
        for (ExtractedDocument d : index.documents()) {
            List<StatementRow> rows = d.rows().stream()
                    .filter(r -> !r.heading() && r.mapping().kind() == RowMapping.Kind.UNMAPPED).toList();
            if (rows.isEmpty()) {
                continue;
            }
            String labels = rows.stream().map(StatementRow::label).limit(20).collect(Collectors.joining("、"));
            String more = rows.size() > 20 ? " …" : "";
            out.add(new Finding(FindingCode.UNMAPPED_ROWS, Severity.INFO, null, null, null, d.type(), d.file(), null, null,
                    new Text(rows.size() + "行を勘定科目に対応付けられませんでした: " + labels + more,
                            rows.size() + " rows could not be mapped to an account: " + labels.replace("、", ", ") + more),
                    rows.stream().map(StatementRow::location).distinct().toList(), null));
        }
        return out;
    }

    private static String label(String account, boolean ja) {
        return Catalogs.account(account).map(a -> ja ? a.labelJa() : a.labelEn()).orElse(account);
    }
}
