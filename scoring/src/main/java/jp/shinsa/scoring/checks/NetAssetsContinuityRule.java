package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.shinsa.models.Figure;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Text;

/**
 * net_assets(t) = net_assets(t−1) + net_income(t) across years and documents
 * ({@code NET_ASSETS_CONTINUITY}). Each term is taken from the most authoritative document that
 * states it (statements, then comparison, then input sheet), leaving out figures already blamed for
 * another finding, so a wrong figure is reported once, under its own root cause.
 *
 * <p>Tolerance: the terms may come from different documents; each 千円 term may be off by less than
 * its unit, so the sum of the units of the rounded terms (none when all are in yen).
 */
final class NetAssetsContinuityRule {

    List<Finding> check(FigureIndex index, Set<Ref> culprits) {
        Set<Integer> years = new TreeSet<>();
        index.keys().stream().filter(k -> k.account().equals("net_assets")).forEach(k -> years.add(k.fiscalYear()));
        List<Finding> out = new ArrayList<>();
        for (int t : years) {
            Figure now = trusted(index, "net_assets", t, culprits);
            Figure before = trusted(index, "net_assets", t - 1, culprits);
            Figure income = trusted(index, "net_income", t, culprits);
            if (now == null || before == null || income == null) {
                continue;
            }
            long expected = before.value() + income.value();
            long tolerance = 0;
            for (Figure f : List.of(now, before, income)) {
                tolerance += f.unit() > 1 ? f.unit() : 0;
            }
            if (Math.abs(now.value() - expected) >= Math.max(1, tolerance)) {
                out.add(finding(t, now, before, income, expected));
            }
        }
        return out;
    }

    private static Figure trusted(FigureIndex index, String account, int year, Set<Ref> culprits) {
        return index.all(account, year).stream().filter(f -> !culprits.contains(FigureIndex.ref(f))).findFirst()
                .orElse(null);
    }

    private static Finding finding(int t, Figure now, Figure before, Figure income, long expected) {
        long diff = now.value() - expected;
        Text msg = new Text(
                Wording.yearJa(t) + "の純資産合計 " + Wording.yenJa(now.value()) + "（" + now.file() + "）が、前年度の純資産合計 "
                        + Wording.yenJa(before.value()) + "（" + before.file() + "）＋当期純利益 " + Wording.yenJa(income.value())
                        + "（" + income.file() + "）＝ " + Wording.yenJa(expected) + "と一致しません（差額 " + Wording.yenJa(diff) + "）。",
                Wording.yearEn(t) + ": total net assets " + Wording.yenEn(now.value()) + " (" + now.file()
                        + ") is not prior-year net assets " + Wording.yenEn(before.value()) + " (" + before.file()
                        + ") plus net income " + Wording.yenEn(income.value()) + " (" + income.file() + ") = "
                        + Wording.yenEn(expected) + " (difference " + Wording.yenEn(diff) + ").");
        return new Finding(FindingCode.NET_ASSETS_CONTINUITY, FindingCode.NET_ASSETS_CONTINUITY.severity(), "net_assets",
                t, null, now.documentType(), now.file(), expected, now.value(), msg,
                List.of(now.location(), before.location(), income.location()), null);
    }
}
