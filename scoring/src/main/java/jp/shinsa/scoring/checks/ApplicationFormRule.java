package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.SubsidyRequest;
import jp.shinsa.models.Text;

/**
 * The application form's money: each item's amount is quantity × unit price
 * ({@code ITEM_AMOUNT_MISMATCH}), the total is the sum of the amounts ({@code ITEM_TOTAL_MISMATCH}),
 * the requested subsidy is {@link Program#subsidyFor} of the stated total
 * ({@code SUBSIDY_CALC_MISMATCH}).
 *
 * <p>Root causes: a total that differs from the stated amounts but equals the sum with the wrong
 * amounts corrected is a consequence of those amounts; a requested subsidy that is right for the
 * corrected total is a consequence of the wrong total.
 */
final class ApplicationFormRule {

    List<Finding> check(ExtractedDocument form, Program program) {
        List<Finding> out = new ArrayList<>();
        long unit = form.unit();
        List<Finding> amountFindings = new ArrayList<>();
        long statedSum = 0;
        long correctedSum = 0;
        boolean amountsComplete = !form.items().isEmpty() && numberedWithoutGaps(form.items());
        for (RequestedItem item : form.items()) {
            if (item.amount() == null) {
                amountsComplete = false;
                continue;
            }
            statedSum += item.amount();
            long corrected = item.amount();
            if (item.quantity() != null && item.unitPrice() != null) {
                long product = item.quantity() * item.unitPrice();
                corrected = product;
                if (Math.abs(product - item.amount()) >= unit) {
                    amountFindings.add(itemAmount(form, item, product));
                }
            }
            correctedSum += corrected;
        }
        out.addAll(amountFindings);
        SubsidyRequest money = form.subsidy();
        if (money == null || money.total() == null) {
            return out;
        }
        long total = money.total();
        Finding totalFinding = null;
        String totalRoot = null;
        if (amountsComplete && Math.abs(total - statedSum) >= unit) {
            boolean consequence = !amountFindings.isEmpty() && Math.abs(total - correctedSum) < unit;
            totalRoot = consequence ? ConsistencyChecker.causeKey(amountFindings.get(0)) : null;
            totalFinding = itemTotal(form, money, statedSum, consequence ? Severity.INFO : null, totalRoot);
            out.add(totalFinding);
        }
        Program rule = program != null ? program : fromForm(money);
        if (rule != null && money.requested() != null) {
            long computed = rule.subsidyFor(total);
            if (money.requested() != computed) {
                String cause = null;
                if (totalFinding != null && (money.requested() == rule.subsidyFor(statedSum)
                        || money.requested() == rule.subsidyFor(correctedSum))) {
                    cause = totalRoot != null ? totalRoot : ConsistencyChecker.causeKey(totalFinding);
                }
                out.add(subsidy(form, money, rule, computed, cause));
            }
        }
        return out;
    }

    /**
     * Whether the item table looks whole: numbered 1, 2, …, n (or not numbered at all). A row the
     * reader missed would otherwise make the total "differ from the sum of the amounts".
     */
    static boolean numberedWithoutGaps(List<RequestedItem> items) {
        if (items.stream().allMatch(i -> i.no() == 0)) {
            return true;
        }
        List<Integer> numbers = items.stream().map(RequestedItem::no).sorted().toList();
        for (int k = 0; k < numbers.size(); k++) {
            if (numbers.get(k) != k + 1) {
                return false;
            }
        }
        return true;
    }

    /** The program as the form prints it, when the application names no known program. */
    private static Program fromForm(SubsidyRequest money) {
        if (money.cap() == null || money.rate() == null) {
            return null;
        }
        String[] parts = money.rate().replace('／', '/').split("/");
        try {
            return new Program("form", "申請書記載", "as stated on the form", Integer.parseInt(parts[0].trim()),
                    Integer.parseInt(parts[1].trim()), money.cap(), "", "", null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Finding itemAmount(ExtractedDocument form, RequestedItem item, long product) {
        long diff = item.amount() - product;
        Text msg = new Text(
                Wording.docJa(form.type(), form.file()) + "のNo." + item.no() + "「" + item.name() + "」の金額 "
                        + Wording.yenJa(item.amount()) + "が数量 " + item.quantity() + " × 単価 " + Wording.yenJa(item.unitPrice())
                        + " = " + Wording.yenJa(product) + "と一致しません（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(form.type(), form.file()) + ", item " + item.no() + " (" + item.name() + "): amount "
                        + Wording.yenEn(item.amount()) + " is not quantity " + item.quantity() + " × unit price "
                        + Wording.yenEn(item.unitPrice()) + " = " + Wording.yenEn(product) + " (difference "
                        + Wording.yenEn(diff) + ").");
        return new Finding(FindingCode.ITEM_AMOUNT_MISMATCH, FindingCode.ITEM_AMOUNT_MISMATCH.severity(), null, null,
                item.no(), DocumentType.APPLICATION_FORM, form.file(), product, item.amount(), msg,
                List.of(item.location()), null);
    }

    private static Finding itemTotal(ExtractedDocument form, SubsidyRequest money, long sum, Severity severity,
                                     String cause) {
        long diff = money.total() - sum;
        Text msg = new Text(
                Wording.docJa(form.type(), form.file()) + "の合計 " + Wording.yenJa(money.total()) + "が各品目の金額の合計 "
                        + Wording.yenJa(sum) + "と一致しません（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(form.type(), form.file()) + ": the total " + Wording.yenEn(money.total())
                        + " is not the sum of the item amounts, " + Wording.yenEn(sum) + " (difference "
                        + Wording.yenEn(diff) + ").");
        List<SourceLocation> evidence = new ArrayList<>();
        evidence.add(money.location() != null ? money.location() : SourceLocation.ofFile(form.file()));
        form.items().forEach(i -> evidence.add(i.location()));
        return new Finding(FindingCode.ITEM_TOTAL_MISMATCH,
                severity != null ? severity : FindingCode.ITEM_TOTAL_MISMATCH.severity(), null, null, null,
                DocumentType.APPLICATION_FORM, form.file(), sum, money.total(), msg, evidence, cause);
    }

    private static Finding subsidy(ExtractedDocument form, SubsidyRequest money, Program rule, long computed,
                                   String cause) {
        long base = Math.min(money.total(), rule.capYen());
        Text msg = new Text(
                Wording.docJa(form.type(), form.file()) + "の補助所要額 " + Wording.yenJa(money.requested())
                        + "が、min(合計 " + Wording.yenJa(money.total()) + "、補助基準額 " + Wording.yenJa(rule.capYen())
                        + ") = " + Wording.yenJa(base) + " × 補助率 " + rule.rate() + "（千円未満切捨て）= "
                        + Wording.yenJa(computed) + "と一致しません。",
                Wording.docEn(form.type(), form.file()) + ": the requested subsidy " + Wording.yenEn(money.requested())
                        + " is not min(total " + Wording.yenEn(money.total()) + ", cap " + Wording.yenEn(rule.capYen())
                        + ") = " + Wording.yenEn(base) + " × rate " + rule.rate()
                        + ", rounded down to the thousand yen = " + Wording.yenEn(computed) + ".");
        List<SourceLocation> evidence = List.of(money.location() != null ? money.location()
                : SourceLocation.ofFile(form.file()));
        return new Finding(FindingCode.SUBSIDY_CALC_MISMATCH,
                cause != null ? Severity.INFO : FindingCode.SUBSIDY_CALC_MISMATCH.severity(), null, null, null,
                DocumentType.APPLICATION_FORM, form.file(), computed, money.requested(), msg, evidence, cause);
    }
}
