package jp.shinsa.scoring.checks;

import java.text.NumberFormat;
import java.util.Locale;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;

/** Bilingual pieces of finding messages: accounts by their labels, years as 年度, amounts in yen. */
final class Wording {
    private Wording() {
    }

    static String yenJa(long v) {
        return (v < 0 ? "△" : "") + NumberFormat.getIntegerInstance(Locale.JAPAN).format(Math.abs(v)) + "円";
    }

    static String yenEn(long v) {
        return (v < 0 ? "-" : "") + "JPY " + NumberFormat.getIntegerInstance(Locale.US).format(Math.abs(v));
    }

    /** 2024 → "2024年度（令和6年度）"; the 年度 starts in April of that calendar year. */
    static String yearJa(int fy) {
        String era;
        if (fy >= 2019) {
            era = "令和" + (fy == 2019 ? "元" : String.valueOf(fy - 2018));
        } else if (fy >= 1989) {
            era = "平成" + (fy == 1989 ? "元" : String.valueOf(fy - 1988));
        } else {
            return fy + "年度";
        }
        return fy + "年度（" + era + "年度）";
    }

    static String yearEn(int fy) {
        return "FY" + fy;
    }

    static String accountJa(String code) {
        return Catalogs.account(code).map(Account::labelJa).orElse(code);
    }

    static String accountEn(String code) {
        return Catalogs.account(code).map(Account::labelEn).orElse(code);
    }

    static String docJa(DocumentType type, String file) {
        return type.labelJa() + "（" + file + "）";
    }

    static String docEn(DocumentType type, String file) {
        return type.labelEn() + " (" + file + ")";
    }
}
