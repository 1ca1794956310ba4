package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Program;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.Text;

/**
 * Files that could not be read ({@code UNREADABLE_DOCUMENT}) and document types the program requires
 * that no readable file provides ({@code MISSING_DOCUMENT}). The required types are the program's
 * configuration ({@link Program#requiredDocuments()}); without a program, {@link Program#DEFAULT_REQUIRED}.
 * A missing type is a consequence (INFO) of an unreadable file that could be it (typed so, or of
 * unknown type): the examiner is asked about one file, not told twice.
 */
final class DocumentPresenceRule {

    List<Finding> check(ExtractedApplication application, Program program) {
        List<Finding> out = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        for (ExtractedDocument d : application.documents()) {
            if (d.readable()) {
                continue;
            }
            Text msg = new Text("ファイル「" + d.file() + "」を読み取れませんでした（" + UnreadableReasons.japanese(d.error()) + "）。",
                    "The file \"" + d.file() + "\" could not be read (" + d.error() + ").");
            Finding f = new Finding(FindingCode.UNREADABLE_DOCUMENT, FindingCode.UNREADABLE_DOCUMENT.severity(), null,
                    null, null, d.type(), d.file(), null, null, msg, List.of(SourceLocation.ofFile(d.file())), null);
            unreadable.add(f);
            out.add(f);
        }
        List<DocumentType> required = program != null ? program.requiredDocuments() : Program.DEFAULT_REQUIRED;
        for (DocumentType type : required) {
            if (!application.ofType(type).isEmpty()) {
                continue;
            }
            Finding cause = unreadable.stream()
                    .filter(u -> u.documentType() == type || u.documentType() == DocumentType.OTHER)
                    .findFirst().orElse(null);
            String programJa = program != null ? "（" + program.nameJa() + "）" : "";
            String programEn = program != null ? " (" + (program.nameEn() != null ? program.nameEn() : program.code()) + ")" : "";
            Text msg = new Text("必要書類「" + type.labelJa() + "」が提出されていません" + programJa + "。"
                    + (cause != null ? "読み取れなかったファイル「" + cause.file() + "」がこの書類である可能性があります。" : ""),
                    "The required document \"" + type.labelEn() + "\" is missing" + programEn + "."
                            + (cause != null ? " It may be the unreadable file \"" + cause.file() + "\"." : ""));
            out.add(new Finding(FindingCode.MISSING_DOCUMENT,
                    cause != null ? Severity.INFO : FindingCode.MISSING_DOCUMENT.severity(), null, null, null, type,
                    null, null, null, msg, List.of(), cause != null ? ConsistencyChecker.causeKey(cause) : null));
        }
        return out;
    }
}
