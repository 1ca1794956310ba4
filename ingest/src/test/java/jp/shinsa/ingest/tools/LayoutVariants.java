package jp.shinsa.ingest.tools;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import jp.shinsa.ingest.fixtures.PdfFixture;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dev tool: renders the figures of dev truth files as NEW application packages whose statements
 * look the way other hospitals and accountants print them, with matching truth, to measure how the
 * reader generalises. Nothing is copied from the dev documents: every file is drawn from the
 * truth's {@code latentFinancials} (the figures behind all its documents).
 * <p>
 * Each variation family is applied to its own subset of applications (so it can be scored alone)
 * and once more all together ({@code combined}). Per application it writes a 決算書 (BS + PL), a
 * BS実績比較 and a 決算状況入力シート; truth goes to {@code OUT/truth/<variation>/} and the packages
 * to {@code OUT/apps/}.
 * <pre>
 * ./mvnw -B -q -o -pl ingest -am test -Dtest=LayoutVariants -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dshinsa.variants.out=/tmp/variants [-Dshinsa.variants.in=../shared/corpus/dev/truth] \
 *     [-Dshinsa.variants.per=8] [-Dshinsa.variants.scanned=4]
 * ./mvnw ... -Dtest=CorpusDump -Dshinsa.dump.in=/tmp/variants/apps -Dshinsa.dump.out=/tmp/variants.jsonl
 * ingest/bench/score-variants.sh /tmp/variants /tmp/variants.jsonl   # score.py once per variation
 * </pre>
 * {@code shinsa.variants.only} names variations by their exact ids; {@code shinsa.variants.heldout}
 * names the held-out list the HELD_OUT_* variations render (held-out-statements.tsv, -2.tsv, -3.tsv,
 * -4.tsv, -5.tsv, -6.tsv, -7.tsv: for measuring only, docs/decisions/023, 025, 027, 029 and 031). Wordings reach every document that prints
 * labels (決算書, BS実績比較, 決算状況入力シート), the heading of a detail block included; detail blocks
 * reach the 決算書 and, for balance-sheet accounts, the BS実績比較 with the same parts and values; a
 * planted leaf error on a detailed account is carried by one of its parts and its printed total; every
 * variation with detail blocks also plants, in some applications, a part that does not add up to its
 * printed total. A list may also print blocks flat (its {@code flat} lines, list 5 on): the parts in the
 * account's place as lines of their own, no heading, no total (docs/decisions/027), or in the indirect form of
 * fixed assets (its {@code indirect} lines, list 6 on): the account's line with the acquisition cost, its
 * deductions under it, no net (docs/decisions/029).
 * Text PDFs carry a glyphless CID font text layer (see {@link PdfFixture}): PDFBox 3.0 cannot subset
 * the CFF outlines of the installed Noto CJK collection. Scans are drawn with Java2D in Noto Sans
 * CJK JP at 200 dpi and stored as image-only JPEG pages.
 */
class LayoutVariants {

    /** Variation families; each gets its own applications. */
    enum Variation {
        BASELINE, LABELS_STANDARD, LABELS_DECORATED, UNITS, NUMBERS, YEARS, SPLIT, SHEET_MESSY, FORMATS, PDF_LAYOUT, COMBINED, SCANNED,
        /** Tuned detail levels (the issue's own examples), half the applications with one planted error. */
        DETAIL,
        /** HELD OUT (measuring only): wordings of held-out-statements.tsv, planted errors in half. */
        HELD_OUT_LABELS,
        /** HELD OUT: detail levels of held-out-statements.tsv, planted errors in half, some in a detail part. */
        HELD_OUT_DETAIL,
        /** HELD OUT: wordings and detail levels together, in yen or 千円, any format; planted errors as HELD_OUT_DETAIL. */
        HELD_OUT_COMBINED,
        /**
         * Tuned: more 病院会計準則 detail (委託費, 経費, 給与費, 医業外収益/費用 with 支払利息 as a part,
         * 無形固定資産, 投資その他の資産, その他の流動/固定負債), 固定性配列法 balance sheets (固定資産 and
         * 固定負債 first), 医療法人 事業報告書 income statements (事業損益 › 本来業務事業損益 › 事業収益 /
         * 事業費用), 千円 in a third, any format; planted errors in half, some in a detail part.
         */
        DETAIL_FORMS,
        /** Tuned: wordings invented for the tuned set (WORDINGS_TUNED), not in the reader's vocabulary; planted errors in half. */
        LABELS_INVENTED,
        /**
         * Tuned: the 医療法人 事業報告書 income statement of a hospital with several businesses: A 本来業務
         * (its lines, 事業費 and sometimes 本部費), B 附帯業務 and sometimes C 収益業務 (事業収益 / 事業費用 as one
         * line each), each with its own 事業利益, then the 事業利益 of all (docs/decisions/024). Yen or 千円,
         * PDF, XLSX, XLS; planted errors in half.
         */
        DETAIL_BUSINESS;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum Format { PDF, XLSX, XLS, CSV_UTF8, CSV_SJIS }

    enum Split { NONE, PAGES, FILES, SHEETS }

    /** How a year column is headed. */
    enum YearHeader { PREV_CUR_DATE, NENDO_ERA, NENDO_WEST, R_NENDO, R_DATE, KI, ZENKI_TOUKI, JIGYO_NENDO, DATE_WEST, SLASH_DATE }

    /** How the statement names its period. */
    enum DateLine { GENZAI, KESSANBI, KI_KESSANBI, WEST_GENZAI, NENDO }

    enum Negative { TRIANGLE, BLACK_TRIANGLE, PAREN, MINUS, TRIANGLE_SPACE }

    /** Everything a variation can change; the defaults are a plain, dev-like statement. */
    static final class Style {
        Format format = Format.PDF;
        boolean standardLabels;
        boolean decorated;
        long unit = 1;
        int unitForm;
        boolean fullWidth;
        Negative negative = Negative.TRIANGLE;
        boolean separators = true;
        boolean trailingYen;
        boolean numbersAsText;
        boolean twoYears;
        boolean swap;
        YearHeader yearHeader = YearHeader.PREV_CUR_DATE;
        DateLine dateLine = DateLine.GENZAI;
        Split split = Split.NONE;
        boolean messy;
        boolean twoColumn;
        int leaders; // 0 none, 1 leaders with a gap before the amount, 2 leaders touching the amount
        boolean scanned;
        int ki = 45;
        /** Wordings per account to draw from instead of LABELS (the held-out list), or null. */
        Map<String, List<String>> wordings;
        /** Accounts printed as a heading with these parts under it. */
        Map<String, List<String>> detail = Map.of();
        /** Whether a detailed account's total is printed after its parts (heading + 計). */
        boolean detailTotal;
        /**
         * Detailed accounts printed flat: their parts as lines of their own at the account's level, in its
         * place, with no heading and no total (病院会計準則's 損益計算書, 医療法人 様式第一号; docs/decisions/027).
         */
        java.util.Set<String> flat = java.util.Set.of();
        /**
         * Detailed accounts printed in the indirect form of fixed assets (間接控除): the account's own line
         * carries the acquisition cost, its parts (減価償却累計額 …) are printed under it as deductions
         * (negative), and nothing prints the net, which is the account (docs/decisions/029).
         */
        java.util.Set<String> indirect = java.util.Set.of();
        /**
         * The split of each detailed account into its parts, drawn where the account is first printed
         * (the 決算書) and shared with the BS実績比較, so both print the same parts with the same values.
         */
        Map<String, double[]> partWeights = new java.util.HashMap<>();
        /**
         * One planted error: 0 none, 1 a comparison leaf, 2 a statement leaf, 3 an input-sheet figure, 4 a detail
         * part against its printed total, 5 本来業務's 事業収益計 in the per-business form (医業収益 = Σ 事業収益 then
         * disagrees with 入院 + 外来 + その他).
         */
        int plant;
        String plantAccount;
        int plantYear;
        long plantAmount;
        /** The style of a BS実績比較 (a comparison plant applies to it, a statement plant does not). */
        boolean comparison;
        /** 固定性配列法: 固定資産 before 流動資産, 固定負債 before 流動負債. */
        boolean fixedFirst;
        /** 医療法人 事業報告書 income statement: 事業損益 › 本来業務事業損益 › 事業収益 / 事業費用 headings. */
        boolean businessReport;
        /**
         * Businesses the 事業報告書 form prints besides 本来業務 (0: none; 1: 附帯業務; 2: 附帯業務 and
         * 収益業務), each with its 事業収益, 事業費用 and 事業利益 (docs/decisions/024).
         */
        int otherBusinesses;
        /** Whether 本来業務's 事業費用 prints (1) 事業費 and (2) 本部費 (a part of 経費 in the chart). */
        boolean headOffice;
        /** Shares of その他の医業収益 / 経費 the other businesses (and 本部費) take, drawn once per statement. */
        double[] businessShares;

        String describe() {
            List<String> s = new ArrayList<>();
            s.add(format.name().toLowerCase(Locale.ROOT));
            if (standardLabels) {
                s.add("standard-labels");
            }
            if (decorated) {
                s.add("decorated-labels");
            }
            if (unit != 1) {
                s.add("unit" + unit + "/form" + unitForm);
            }
            if (fullWidth) {
                s.add("full-width");
            }
            if (negative != Negative.TRIANGLE) {
                s.add("neg-" + negative.name().toLowerCase(Locale.ROOT));
            }
            if (!separators) {
                s.add("no-separators");
            }
            if (trailingYen) {
                s.add("trailing-yen");
            }
            if (numbersAsText) {
                s.add("numbers-as-text");
            }
            if (twoYears) {
                s.add("two-years");
            }
            if (swap) {
                s.add("current-first");
            }
            if (yearHeader != YearHeader.PREV_CUR_DATE) {
                s.add("header-" + yearHeader.name().toLowerCase(Locale.ROOT));
            }
            if (dateLine != DateLine.GENZAI) {
                s.add("date-" + dateLine.name().toLowerCase(Locale.ROOT));
            }
            if (split != Split.NONE) {
                s.add("split-" + split.name().toLowerCase(Locale.ROOT));
            }
            if (messy) {
                s.add("messy-sheet");
            }
            if (twoColumn) {
                s.add("two-column");
            }
            if (leaders > 0) {
                s.add(leaders == 1 ? "leaders" : "leaders-touching");
            }
            if (scanned) {
                s.add("scanned");
            }
            if (wordings != null) {
                s.add("held-out-wordings");
            }
            if (!detail.isEmpty()) {
                s.add("detail" + (detailTotal ? "+total" : "") + ":" + String.join("/", detail.keySet()));
            }
            if (!flat.isEmpty()) {
                s.add("flat:" + String.join("/", new java.util.TreeSet<>(flat)));
            }
            if (!indirect.isEmpty()) {
                s.add("indirect:" + String.join("/", new java.util.TreeSet<>(indirect)));
            }
            if (fixedFirst) {
                s.add("fixed-first");
            }
            if (businessReport) {
                s.add("business-report");
            }
            if (otherBusinesses > 0) {
                s.add("businesses" + (1 + otherBusinesses) + (headOffice ? "+head-office" : ""));
            }
            if (plant != 0) {
                s.add("plant" + plant + ":" + plantAccount);
            }
            return String.join(",", s);
        }
    }

    // ---------------------------------------------------------------- statement content

    /** A line of a statement: a section heading (account null) or an account with its level. */
    record Item(String account, String heading, int level) {
        static Item head(String text, int level) {
            return new Item(null, text, level);
        }

        static Item acc(String account, int level) {
            return new Item(account, null, level);
        }
    }

    static final List<Item> BS_ASSETS = List.of(
            Item.head("資産の部", 0), Item.head("流動資産", 1),
            Item.acc("cash_and_deposits", 2), Item.acc("medical_receivables", 2), Item.acc("medicines", 2),
            Item.acc("medical_supplies", 2), Item.acc("other_current_assets", 2), Item.acc("allowance_doubtful", 2),
            Item.acc("current_assets", 1), Item.head("固定資産", 1), Item.head("有形固定資産", 2),
            Item.acc("buildings", 3), Item.acc("medical_equipment", 3), Item.acc("land", 3), Item.acc("other_tangible_assets", 3),
            Item.acc("tangible_fixed_assets", 2), Item.acc("intangible_fixed_assets", 2), Item.acc("other_fixed_assets", 2),
            Item.acc("fixed_assets", 1), Item.acc("total_assets", 0));
    static final List<Item> BS_LIABILITIES = List.of(
            Item.head("負債の部", 0), Item.head("流動負債", 1),
            Item.acc("accounts_payable", 2), Item.acc("short_term_borrowings", 2), Item.acc("current_portion_long_term_debt", 2),
            Item.acc("other_current_liabilities", 2), Item.acc("current_liabilities", 1), Item.head("固定負債", 1),
            Item.acc("long_term_borrowings", 2), Item.acc("retirement_benefit_provision", 2), Item.acc("other_fixed_liabilities", 2),
            Item.acc("fixed_liabilities", 1), Item.acc("total_liabilities", 0), Item.head("純資産の部", 0),
            Item.acc("capital", 1), Item.acc("reserves", 1), Item.acc("net_assets", 0), Item.acc("total_liabilities_and_net_assets", 0));
    static final List<Item> PL = List.of(
            Item.head("医業収益", 0), Item.acc("inpatient_revenue", 1), Item.acc("outpatient_revenue", 1),
            Item.acc("other_medical_revenue", 1), Item.acc("medical_revenue", 0), Item.head("医業費用", 0),
            Item.acc("material_costs", 1), Item.acc("personnel_costs", 1), Item.acc("outsourcing_costs", 1),
            Item.acc("equipment_costs", 1), Item.acc("depreciation", 2), Item.acc("other_medical_expenses", 1),
            Item.acc("medical_expenses", 0), Item.acc("medical_profit", 0), Item.acc("non_operating_revenue", 0),
            Item.acc("non_operating_expenses", 0), Item.acc("interest_expense", 1), Item.acc("ordinary_profit", 0),
            Item.acc("extraordinary_gains", 0), Item.acc("extraordinary_losses", 0), Item.acc("pretax_profit", 0),
            Item.acc("income_taxes", 0), Item.acc("net_income", 0));
    /** The assets side in the style's order (固定性配列法: 固定資産 first). */
    static List<Item> assets(Style s) {
        if (!s.fixedFirst) {
            return BS_ASSETS;
        }
        List<Item> out = new ArrayList<>(BS_ASSETS.subList(0, 1));
        out.addAll(BS_ASSETS.subList(9, 19));
        out.addAll(BS_ASSETS.subList(1, 9));
        out.addAll(BS_ASSETS.subList(19, BS_ASSETS.size()));
        return out;
    }

    /** The liabilities side in the style's order (固定性配列法: 固定負債 first). */
    static List<Item> liabilities(Style s) {
        if (!s.fixedFirst) {
            return BS_LIABILITIES;
        }
        List<Item> out = new ArrayList<>(BS_LIABILITIES.subList(0, 1));
        out.addAll(BS_LIABILITIES.subList(7, 12));
        out.addAll(BS_LIABILITIES.subList(1, 7));
        out.addAll(BS_LIABILITIES.subList(12, BS_LIABILITIES.size()));
        return out;
    }

    /**
     * The income statement: plain, or as the 医療法人 事業報告書 form prints it (事業損益 › 本来業務事業損益
     * › 事業収益 / 事業費用, then 事業外収益 / 事業外費用; a hospital without 附帯業務 prints no B/C sections).
     */
    static List<Item> incomeItems(Style s) {
        if (!s.businessReport) {
            return PL;
        }
        List<Item> out = new ArrayList<>();
        out.add(Item.head("事業損益", 0));
        out.add(Item.head("本来業務事業損益", 0));
        for (Item it : PL) {
            if (it.account() == null && it.heading().equals("医業収益")) {
                out.add(Item.head("事業収益", 0));
            } else if (it.account() == null && it.heading().equals("医業費用")) {
                out.add(Item.head("事業費用", 0));
            } else {
                out.add(it);
            }
        }
        return out;
    }

    static final List<String> INPUT_ACCOUNTS = List.of("medical_revenue", "medical_expenses", "medical_profit", "ordinary_profit",
            "net_income", "depreciation", "current_assets", "fixed_assets", "total_assets", "current_liabilities",
            "fixed_liabilities", "total_liabilities", "net_assets", "short_term_borrowings", "long_term_borrowings", "cash_and_deposits");

    /**
     * Printed names per account. The first is the one the dev corpus uses; the others are wordings of
     * 病院会計準則 (臨時収益/臨時費用, 法人税、住民税及び事業税負担額), of 医療法人会計基準 様式第一号・第二号
     * (事業収益, 事業費用, 事業利益, 事業外収益/費用, 基金, 1年以内返済予定長期借入金) and of 企業会計
     * (財務諸表等規則: 負債純資産合計, 1年内返済予定の長期借入金, 投資その他の資産合計, 利益剰余金,
     * 資本金, 営業外収益/費用), plus the plain 計/合計/の部合計 forms small-office statements use.
     */
    static final Map<String, List<String>> LABELS = new LinkedHashMap<>();

    static {
        label("cash_and_deposits", "現金及び預金", "現金預金", "現金・預金");
        label("medical_receivables", "医業未収金");
        label("medicines", "医薬品");
        label("medical_supplies", "診療材料");
        label("other_current_assets", "その他の流動資産", "その他流動資産");
        label("allowance_doubtful", "貸倒引当金", "貸倒引当金（△）");
        label("current_assets", "流動資産合計", "流動資産計");
        label("buildings", "建物");
        label("medical_equipment", "医療用器械備品");
        label("land", "土地");
        label("other_tangible_assets", "その他の有形固定資産", "その他有形固定資産");
        label("tangible_fixed_assets", "有形固定資産合計", "有形固定資産計");
        label("intangible_fixed_assets", "無形固定資産合計", "無形固定資産計", "無形固定資産");
        label("other_fixed_assets", "その他の資産合計", "投資その他の資産合計", "その他の資産");
        label("fixed_assets", "固定資産合計", "固定資産計");
        label("total_assets", "資産合計", "資産の部合計");
        label("accounts_payable", "買掛金");
        label("short_term_borrowings", "短期借入金");
        label("current_portion_long_term_debt", "1年以内返済予定長期借入金", "1年内返済予定の長期借入金", "一年以内返済予定の長期借入金");
        label("other_current_liabilities", "その他の流動負債", "その他流動負債");
        label("current_liabilities", "流動負債合計", "流動負債計");
        label("long_term_borrowings", "長期借入金");
        label("retirement_benefit_provision", "退職給付引当金", "退職給与引当金");
        label("other_fixed_liabilities", "その他の固定負債", "その他固定負債");
        label("fixed_liabilities", "固定負債合計", "固定負債計");
        label("total_liabilities", "負債合計", "負債の部合計");
        label("capital", "出資金", "基金", "資本金");
        label("reserves", "積立金", "積立金合計", "利益剰余金", "利益剰余金合計");
        label("net_assets", "純資産合計", "純資産の部合計");
        label("total_liabilities_and_net_assets", "負債及び純資産合計", "負債純資産合計", "負債・純資産合計", "負債及び純資産の部合計");
        label("inpatient_revenue", "入院診療収益", "入院収益");
        label("outpatient_revenue", "外来診療収益", "外来収益");
        label("other_medical_revenue", "その他の医業収益", "その他医業収益");
        label("medical_revenue", "医業収益合計", "医業収益", "医業収益計", "医業収入", "事業収益");
        label("material_costs", "材料費");
        label("personnel_costs", "給与費", "人件費");
        label("outsourcing_costs", "委託費");
        label("equipment_costs", "設備関係費");
        label("other_medical_expenses", "経費");
        label("medical_expenses", "医業費用合計", "医業費用", "医業費用計", "事業費用");
        label("medical_profit", "医業利益", "医業損益", "事業利益", "医業利益（△損失）");
        label("non_operating_revenue", "医業外収益合計", "医業外収益", "事業外収益", "営業外収益");
        label("non_operating_expenses", "医業外費用合計", "医業外費用", "事業外費用", "営業外費用");
        label("ordinary_profit", "経常利益", "経常損益", "経常利益（△損失）");
        label("extraordinary_gains", "特別利益", "臨時収益");
        label("extraordinary_losses", "特別損失", "臨時費用");
        label("pretax_profit", "税引前当期純利益", "税引前当期純損益", "税引前当期純利益金額");
        label("income_taxes", "法人税住民税及び事業税", "法人税、住民税及び事業税", "法人税等", "法人税、住民税及び事業税負担額");
        label("net_income", "当期純利益", "当期純損益", "当期純利益金額", "当期純損益金額");
        label("depreciation", "減価償却費", "うち減価償却費", "（うち減価償却費）");
        label("interest_expense", "支払利息", "うち支払利息", "（うち支払利息）");
    }

    /**
     * Tuned detail levels: the examples the issue itself names. Ordered, so that the truth's description
     * of a variation is the same on every run (Map.of iterates in an order drawn per JVM).
     */
    static final Map<String, List<String>> DETAIL_TUNED = new LinkedHashMap<>();

    static {
        DETAIL_TUNED.put("material_costs", List.of("医薬品費", "診療材料費", "給食用材料費"));
        DETAIL_TUNED.put("equipment_costs", List.of("減価償却費", "器機賃借料", "地代家賃", "修繕費"));
        DETAIL_TUNED.put("other_current_assets", List.of("未収金", "有価証券", "前払費用", "貯蔵品"));
    }

    /**
     * More tuned detail levels (DETAIL_FORMS): the sub-accounts of 病院会計準則's 勘定科目表 under 委託費,
     * 経費, 給与費, 医業外収益 and 医業外費用 (支払利息 a part carrying the memo figure, like 減価償却費
     * under 設備関係費), and the balance-sheet lines small hospitals print under 無形固定資産, 投資その他の資産,
     * その他の流動負債 and その他の固定負債. Several part names look like other accounts
     * (貸倒引当金繰入額, 退職給付費用, 賞与引当金, 長期前払費用, 有価証券): the section must decide.
     */
    static final Map<String, List<String>> DETAIL_FORMS = new LinkedHashMap<>();

    static {
        DETAIL_FORMS.put("material_costs", List.of("医薬品費", "診療材料費", "医療消耗器具備品費", "給食用材料費"));
        DETAIL_FORMS.put("equipment_costs", List.of("減価償却費", "器機賃借料", "地代家賃", "修繕費", "固定資産税等", "器機保守料"));
        DETAIL_FORMS.put("outsourcing_costs", List.of("検査委託費", "給食委託費", "寝具委託費", "医事委託費", "清掃委託費", "保守委託費"));
        DETAIL_FORMS.put("other_medical_expenses", List.of("福利厚生費", "旅費交通費", "通信費", "消耗品費", "水道光熱費", "保険料",
                "租税公課", "貸倒引当金繰入額", "雑費"));
        DETAIL_FORMS.put("personnel_costs", List.of("給料", "賞与", "賞与引当金繰入額", "退職給付費用", "法定福利費"));
        DETAIL_FORMS.put("non_operating_revenue", List.of("受取利息及び配当金", "運営費補助金収益", "施設設備補助金収益", "患者外給食収益",
                "その他の医業外収益"));
        DETAIL_FORMS.put("non_operating_expenses", List.of("支払利息", "患者外給食用材料費", "診療費減免額", "その他の医業外費用"));
        DETAIL_FORMS.put("intangible_fixed_assets", List.of("借地権", "ソフトウェア", "電話加入権"));
        DETAIL_FORMS.put("other_fixed_assets", List.of("有価証券", "長期貸付金", "長期前払費用", "敷金・保証金"));
        DETAIL_FORMS.put("other_current_liabilities", List.of("未払金", "未払費用", "前受金", "預り金", "賞与引当金"));
        DETAIL_FORMS.put("other_fixed_liabilities", List.of("長期未払金", "資産除去債務", "長期前受補助金"));
    }

    /**
     * Tuned wordings nobody listed in the reader (neither catalogue nor synonyms): paraphrases,
     * qualifiers, spacing and 計 forms a hospital's accountant might print. Used by LABELS_INVENTED
     * the way the held-out list is used by HELD_OUT_LABELS, to develop the mechanisms on.
     */
    static final Map<String, List<String>> WORDINGS_TUNED = new LinkedHashMap<>();

    static {
        String[][] w = {
                {"cash_and_deposits", "現預金", "手元現金及び預金"},
                {"medical_receivables", "診療報酬未収金", "未収診療報酬"},
                {"medicines", "薬品", "医薬品在庫"},
                {"medical_supplies", "診療材料在庫", "診療材料品"},
                {"other_current_assets", "流動資産その他", "その他流動資産計"},
                {"allowance_doubtful", "貸倒引当金（控除）", "△貸倒引当金"},
                {"current_assets", "流動資産の部計", "流動資産 計"},
                {"buildings", "建物及び建物附属設備", "建物（附属設備を含む）"},
                {"medical_equipment", "医療機器", "医療用機械備品"},
                {"land", "土地（敷地）", "病院用地"},
                {"other_tangible_assets", "有形固定資産その他"},
                {"tangible_fixed_assets", "有形固定資産 計"},
                {"intangible_fixed_assets", "無形資産"},
                {"other_fixed_assets", "投資その他の資産計", "投資等合計"},
                {"fixed_assets", "固定資産 計"},
                {"total_assets", "資産総計", "総資産"},
                {"accounts_payable", "買掛債務", "医薬品等買掛金"},
                {"short_term_borrowings", "短期借入債務", "短期借入金（銀行）"},
                {"current_portion_long_term_debt", "長期借入金（1年以内返済分）", "1年内返済長期借入金"},
                {"other_current_liabilities", "流動負債その他"},
                {"current_liabilities", "流動負債の部計"},
                {"long_term_borrowings", "長期借入金（1年超）", "長期借入債務"},
                {"retirement_benefit_provision", "職員退職給付引当金"},
                {"other_fixed_liabilities", "固定負債その他"},
                {"fixed_liabilities", "固定負債 計"},
                {"total_liabilities", "負債総計"},
                {"capital", "出資金（持分）", "拠出金"},
                {"reserves", "繰越利益積立金", "剰余金"},
                {"net_assets", "純資産 計"},
                {"total_liabilities_and_net_assets", "負債・純資産総計"},
                {"inpatient_revenue", "入院料収益", "入院診療報酬"},
                {"outpatient_revenue", "外来料収益", "外来診療報酬"},
                {"other_medical_revenue", "医業収益その他", "室料差額等収益"},
                {"medical_revenue", "医業収益 計"},
                {"material_costs", "診療材料・薬品費"},
                {"personnel_costs", "職員給与費", "人件費計"},
                {"outsourcing_costs", "業務委託費", "外部委託費"},
                {"equipment_costs", "設備関連費"},
                {"other_medical_expenses", "諸経費", "一般経費"},
                {"medical_expenses", "医業費用 計"},
                {"medical_profit", "医業損益（△は損失）"},
                {"non_operating_revenue", "医業外収入"},
                {"non_operating_expenses", "医業外支出"},
                {"ordinary_profit", "経常損益額"},
                {"extraordinary_gains", "特別収益"},
                {"extraordinary_losses", "特別費用"},
                {"pretax_profit", "税引前当期損益"},
                {"income_taxes", "法人税・住民税及び事業税"},
                {"net_income", "当期損益", "当期利益"},
                {"depreciation", "減価償却額"},
                {"interest_expense", "借入金利息"}};
        for (String[] a : w) {
            WORDINGS_TUNED.put(a[0], List.of(a).subList(1, a.length));
        }
    }

    /** Memo accounts and the first label they print under (a part of their home account's detail block). */
    static final Map<String, String> MEMO_PARTS = Map.of("depreciation", "減価償却費", "interest_expense", "支払利息");

    /** Whether the memo account is printed as a part of its home account's detail block instead of its own line. */
    static boolean memoPrintedAsPart(Style s, String account) {
        String label = MEMO_PARTS.get(account);
        String home = jp.shinsa.models.Catalogs.account(account).map(a -> homeOf(a)).orElse(null);
        return label != null && home != null && s.detail.containsKey(home) && s.detail.get(home).contains(label);
    }

    private static String homeOf(jp.shinsa.models.Account memo) {
        var m = java.util.regex.Pattern.compile("included in ([a-z_]+)").matcher(memo.labelEn());
        return m.find() ? m.group(1) : null;
    }

    /**
     * The held-out list named by {@code shinsa.variants.heldout} (label and detail lines); read only
     * to render the HELD_OUT_* variations.
     */
    static Map<String, Map<String, List<String>>> heldOut() {
        return heldOut(System.getProperty("shinsa.variants.heldout", "held-out-statements.tsv"));
    }

    /**
     * A held-out list by resource name (beside this class) or file path: {@code "label"} → account →
     * wordings, {@code "detail"} → account → parts, {@code "flat"} → account → parts printed flat (list 5
     * on, docs/decisions/027), {@code "indirect"} → account → the deductions of the indirect form (list 6 on,
     * docs/decisions/029). Other kinds of line (a list's {@code form} notes) are skipped.
     */
    static Map<String, Map<String, List<String>>> heldOut(String list) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        try (var in = LayoutVariants.class.getResource(list) != null ? LayoutVariants.class.getResourceAsStream(list)
                : Files.newInputStream(Path.of(list))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("label")) {
                    out.computeIfAbsent("label", k -> new LinkedHashMap<>()).computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
                } else if (f[0].equals("detail") || f[0].equals("flat") || f[0].equals("indirect")) {
                    out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], List.of(f[2].split("\\|")));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The blocks a held-out detail variation draws from: the list's detail levels, then its flat ones, then
     * its indirect ones (a list without flat or indirect lines gives its detail levels alone, so its draws
     * are those of before).
     */
    static Map<String, List<String>> heldOutBlocks(Map<String, Map<String, List<String>>> list) {
        Map<String, List<String>> out = new LinkedHashMap<>(list.getOrDefault("detail", Map.of()));
        list.getOrDefault("flat", Map.of()).forEach(out::putIfAbsent);
        list.getOrDefault("indirect", Map.of()).forEach(out::putIfAbsent);
        return out;
    }

    /** The drawn blocks that the list prints in the indirect form (an account the list also details or prints flat is not). */
    static java.util.Set<String> indirectOf(Map<String, List<String>> drawn, Map<String, Map<String, List<String>>> list) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(drawn.keySet());
        out.retainAll(list.getOrDefault("indirect", Map.of()).keySet());
        out.removeAll(list.getOrDefault("detail", Map.of()).keySet());
        out.removeAll(list.getOrDefault("flat", Map.of()).keySet());
        return out;
    }

    /** The drawn blocks that the list prints flat. */
    static java.util.Set<String> flatOf(Map<String, List<String>> drawn, Map<String, Map<String, List<String>>> list) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(drawn.keySet());
        out.retainAll(list.getOrDefault("flat", Map.of()).keySet());
        out.removeAll(list.getOrDefault("detail", Map.of()).keySet());
        return out;
    }

    /** Accounts a planted error may alter: printed leaves of the balance sheet. */
    static final List<String> PLANTABLE = List.of("cash_and_deposits", "medical_receivables", "buildings", "land",
            "accounts_payable", "short_term_borrowings", "long_term_borrowings", "retirement_benefit_provision");

    private static void label(String account, String... names) {
        LABELS.put(account, List.of(names));
    }

    // ---------------------------------------------------------------- grid: what any format lays out

    enum Kind { TITLE, TEXT, UNIT, HEADER, DATA, BLANK, NOTE, PAGE_BREAK }

    /**
     * One row of a statement as laid out: a title, a free text, a column header (texts per value
     * column) or a data row (label, level and display values; a null value prints nothing). A
     * two-column balance sheet has a right-hand label and values too.
     */
    record GRow(Kind kind, String text, int level, List<Long> values, String rightText, int rightLevel, List<Long> rightValues,
                List<String> headers) {
        static GRow of(Kind k, String text) {
            return new GRow(k, text, 0, List.of(), null, 0, List.of(), List.of());
        }

        static GRow data(String label, int level, List<Long> values) {
            return new GRow(Kind.DATA, label, level, values, null, 0, List.of(), List.of());
        }

        static GRow header(List<String> headers) {
            return new GRow(Kind.HEADER, null, 0, List.of(), null, 0, List.of(), headers);
        }
    }

    /** A statement to write: a name (sheet/file part) and its rows. */
    record Table(String name, List<GRow> rows, int valueColumns) {
    }

    /** Truth rows of one generated file. */
    record TruthFigure(String file, String type, String account, int year, long value) {
    }

    // ---------------------------------------------------------------- the tool

    @Test
    @EnabledIfSystemProperty(named = "shinsa.variants.out", matches = ".+")
    void write_layout_variants() throws IOException {
        Path in = Path.of(System.getProperty("shinsa.variants.in", "../../shared/corpus/dev/truth"));
        Path out = Path.of(System.getProperty("shinsa.variants.out"));
        int per = Integer.parseInt(System.getProperty("shinsa.variants.per", "8"));
        int scannedCount = Integer.parseInt(System.getProperty("shinsa.variants.scanned", "4"));
        java.util.Set<String> only = only(System.getProperty("shinsa.variants.only", ""));
        ObjectMapper json = JsonMapper.builder().build();
        List<Path> truths;
        try (Stream<Path> s = Files.list(in)) {
            truths = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Files.createDirectories(out.resolve("apps"));
        List<String> manifest = new ArrayList<>();
        int offset = 0;
        for (Variation v : Variation.values()) {
            if (!only.isEmpty() && !only.contains(v.id())) {
                continue; // the next selected variation draws the applications this one would have drawn
            }
            int n = v == Variation.SCANNED ? scannedCount : v == Variation.YEARS ? Math.max(per, YearHeader.values().length - 1) : per;
            Path truthDir = Files.createDirectories(out.resolve("truth").resolve(v.id()));
            for (int i = 0; i < n && !truths.isEmpty(); i++) {
                Path t = truths.get((offset + i * 5 + i / 8) % truths.size());
                JsonNode truth = json.readTree(t.toFile());
                String app = truth.get("application").asString() + "-" + v.id();
                Random r = new Random((app + "/20261124").hashCode());
                Style style = style(v, i, r);
                Map<String, Object> newTruth = writeApplication(truth, app, style, r, out.resolve("apps").resolve(app));
                json.writeValue(truthDir.resolve(app + ".json").toFile(), newTruth);
                manifest.add(app + "\t" + style.describe());
            }
            offset += 3;
        }
        Files.write(out.resolve("manifest.tsv"), manifest, StandardCharsets.UTF_8);
        System.err.println(manifest.size() + " applications written to " + out);
    }

    /**
     * The variations named by {@code shinsa.variants.only} (comma-separated ids, matched exactly:
     * {@code detail} selects DETAIL only, not HELD_OUT_DETAIL); an unknown id is an error.
     */
    static java.util.Set<String> only(String property) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (String id : property.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        List<String> known = Stream.of(Variation.values()).map(Variation::id).toList();
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown variation '" + id + "' in shinsa.variants.only; known: " + known);
            }
        }
        return ids;
    }

    /** The style a variation gives its i-th application. */
    static Style style(Variation v, int i, Random r) {
        Style s = new Style();
        s.format = i % 2 == 0 ? Format.PDF : Format.XLSX;
        switch (v) {
            case BASELINE -> {
            }
            case LABELS_STANDARD -> s.standardLabels = true;
            case LABELS_DECORATED -> s.decorated = true;
            case UNITS -> {
                s.unit = 1000;
                s.unitForm = i % 5;
            }
            case NUMBERS -> {
                s.format = List.of(Format.PDF, Format.XLSX, Format.CSV_UTF8).get(i % 3);
                s.numbersAsText = s.format == Format.XLSX;
                s.fullWidth = i % 2 == 0;
                s.negative = Negative.values()[i % Negative.values().length];
                s.separators = i % 4 >= 2;
                s.trailingYen = i % 3 == 1;
            }
            case YEARS -> {
                s.twoYears = true;
                s.swap = i % 2 == 0;
                s.yearHeader = YearHeader.values()[1 + i % (YearHeader.values().length - 1)];
                s.dateLine = DateLine.values()[i % DateLine.values().length];
                if (s.yearHeader == YearHeader.KI) {
                    s.dateLine = DateLine.KI_KESSANBI;
                }
            }
            case SPLIT -> {
                s.split = List.of(Split.PAGES, Split.FILES, Split.SHEETS, Split.FILES).get(i % 4);
                s.format = s.split == Split.PAGES ? Format.PDF : s.split == Split.SHEETS ? Format.XLSX : s.format;
            }
            case SHEET_MESSY -> {
                s.format = i % 2 == 0 ? Format.XLSX : Format.XLS;
                s.messy = true;
            }
            case FORMATS -> s.format = List.of(Format.XLS, Format.CSV_UTF8, Format.CSV_SJIS, Format.XLS).get(i % 4);
            case PDF_LAYOUT -> {
                s.format = Format.PDF;
                s.twoColumn = i % 2 == 0;
                s.leaders = i % 4 < 2 ? (i % 4) + 1 : 0;
                if (s.leaders == 0) {
                    s.twoColumn = true;
                    s.leaders = 1 + (i / 4) % 2;
                }
            }
            case COMBINED -> {
                s.format = Format.values()[r.nextInt(Format.values().length)];
                s.standardLabels = r.nextBoolean();
                s.decorated = r.nextBoolean();
                s.unit = r.nextBoolean() ? 1000 : 1;
                s.unitForm = r.nextInt(5);
                s.fullWidth = r.nextInt(3) == 0;
                s.negative = Negative.values()[r.nextInt(Negative.values().length)];
                s.separators = r.nextInt(4) > 0;
                s.trailingYen = s.unit == 1 && r.nextInt(4) == 0;
                s.numbersAsText = r.nextInt(3) == 0;
                s.twoYears = r.nextBoolean();
                s.swap = s.twoYears && r.nextBoolean();
                s.yearHeader = YearHeader.values()[r.nextInt(YearHeader.values().length)];
                s.dateLine = s.yearHeader == YearHeader.KI ? DateLine.KI_KESSANBI : DateLine.values()[r.nextInt(DateLine.values().length)];
                s.split = Split.values()[r.nextInt(Split.values().length)];
                s.messy = r.nextBoolean();
                s.twoColumn = s.format == Format.PDF && r.nextBoolean();
                s.leaders = s.format == Format.PDF ? r.nextInt(3) : 0;
            }
            case SCANNED -> {
                s.format = Format.PDF;
                s.scanned = true;
                s.twoYears = i % 2 == 1;
                s.unit = i % 2 == 0 ? 1 : 1000;
            }
            case DETAIL -> {
                s.detail = DETAIL_TUNED;
                s.detailTotal = i % 4 >= 2;
                s.twoYears = i % 3 == 0;
            }
            case DETAIL_FORMS -> {
                s.format = List.of(Format.PDF, Format.XLSX, Format.XLS, Format.CSV_UTF8).get(i % 4);
                s.detail = pick(DETAIL_FORMS, r, 3 + i % 5);
                s.detailTotal = r.nextBoolean();
                s.fixedFirst = i % 3 == 1;
                s.businessReport = i % 2 == 0;
                s.standardLabels = s.businessReport || r.nextBoolean();
                s.decorated = r.nextInt(3) == 0;
                s.unit = i % 3 == 2 ? 1000 : 1;
                s.unitForm = r.nextInt(5);
                s.twoYears = r.nextBoolean();
            }
            case LABELS_INVENTED -> {
                s.wordings = WORDINGS_TUNED;
                s.format = List.of(Format.PDF, Format.XLSX, Format.CSV_UTF8, Format.XLS).get(i % 4);
                s.unit = i % 4 == 3 ? 1000 : 1;
                s.twoYears = i % 3 == 0;
            }
            case DETAIL_BUSINESS -> {
                s.format = List.of(Format.PDF, Format.XLSX, Format.PDF, Format.XLSX, Format.XLS).get(i % 5);
                s.businessReport = true;
                s.standardLabels = true;
                s.otherBusinesses = r.nextInt(3) == 0 ? 2 : 1;
                s.headOffice = r.nextBoolean();
                s.unit = i % 3 == 2 ? 1000 : 1;
                s.unitForm = r.nextInt(5);
                s.twoYears = r.nextBoolean();
                s.fixedFirst = i % 4 == 1;
                s.businessShares = new double[] {0.1 + 0.3 * r.nextDouble(), 0.05 + 0.2 * r.nextDouble(),
                        0.1 + 0.3 * r.nextDouble(), 0.05 + 0.2 * r.nextDouble(), 0.05 + 0.25 * r.nextDouble()};
            }
            case HELD_OUT_LABELS -> s.wordings = heldOut().get("label");
            case HELD_OUT_DETAIL -> {
                var list = heldOut();
                s.detail = pick(heldOutBlocks(list), r, 3 + i % 3);
                s.flat = flatOf(s.detail, list);
                s.indirect = indirectOf(s.detail, list);
                s.detailTotal = i % 4 >= 2;
                s.twoYears = i % 3 == 0;
                s.unit = i % 5 == 4 ? 1000 : 1;
            }
            case HELD_OUT_COMBINED -> {
                s.format = List.of(Format.PDF, Format.XLSX, Format.XLS, Format.CSV_UTF8).get(i % 4);
                var list = heldOut();
                s.wordings = list.get("label");
                s.detail = pick(heldOutBlocks(list), r, 2 + i % 4);
                s.flat = flatOf(s.detail, list);
                s.indirect = indirectOf(s.detail, list);
                s.detailTotal = r.nextBoolean();
                s.unit = r.nextBoolean() ? 1000 : 1;
                s.unitForm = r.nextInt(5);
                s.twoYears = r.nextBoolean();
                s.decorated = r.nextInt(3) == 0;
            }
        }
        if (v.ordinal() >= Variation.DETAIL.ordinal() && i % 2 == 1) {
            s.plant = 1 + (i / 2) % 3;
            s.plantAccount = PLANTABLE.get((i * 7 + r.nextInt(PLANTABLE.size())) % PLANTABLE.size());
            // a printed part that does not add up to its printed total: every variation that prints
            // detail blocks (detail, detail-forms and the held-out ones, docs/decisions/025); a flat block
            // prints no total, so it carries no such plant (docs/decisions/027)
            List<String> detailed = new ArrayList<>(new java.util.TreeSet<>(s.detail.keySet()));
            detailed.removeAll(s.flat);
            detailed.removeAll(s.indirect); // nor does the indirect form (docs/decisions/029)
            if (!detailed.isEmpty() && s.detailTotal && (i / 2) % 2 == 1) {
                s.plant = 4;
                s.plantAccount = detailed.get(r.nextInt(detailed.size()));
            }
            if (v == Variation.DETAIL_BUSINESS && (i / 2) % 2 == 1) {
                // 本来業務's 事業収益計 misprinted (its lines, its profit line and the other businesses right)
                s.plant = 5;
                s.plantAccount = "medical_revenue";
            }
        }
        s.ki = 30 + r.nextInt(40);
        return s;
    }

    /** The planted amount (in the printed unit) for this account and year of a document of style {@code d}. */
    static long planted(Style d, int kind, String account, int year) {
        return d.plant == kind && account.equals(d.plantAccount) && year == d.plantYear ? d.plantAmount : 0;
    }

    private static void carryPlant(Style from, Style to, int kind) {
        if (from.plant == kind) {
            to.plant = kind;
            to.plantAccount = from.plantAccount;
            to.plantYear = from.plantYear;
            to.plantAmount = from.plantAmount;
        }
    }

    /** The finding findings.md expects for the planted error (docs/decisions/004: one alarm per root cause). */
    private static List<Map<String, Object>> expected(Style s, Map<String, String> docs, int year) {
        if (s.plant == 0) {
            return List.of();
        }
        Map<String, Object> e = new LinkedHashMap<>();
        switch (s.plant) {
            case 1 -> {
                e.put("code", "BS_COMPARISON_MISMATCH");
                e.put("account", s.plantAccount);
            }
            case 2 -> {
                e.put("code", "SUBTOTAL_MISMATCH");
                e.put("account", jp.shinsa.models.Catalogs.account(s.plantAccount).orElseThrow().parent());
                e.put("file", docs.keySet().iterator().next());
            }
            case 5 -> {
                e.put("code", "PL_CASCADE_MISMATCH");
                e.put("account", s.plantAccount);
                e.put("file", docs.keySet().iterator().next());
            }
            case 4 -> {
                boolean bs = jp.shinsa.models.Catalogs.account(s.plantAccount).orElseThrow().isBalanceSheet();
                e.put("code", bs ? "SUBTOTAL_MISMATCH" : "PL_CASCADE_MISMATCH");
                e.put("account", s.plantAccount);
                e.put("file", docs.keySet().iterator().next());
            }
            default -> {
                e.put("code", "INPUT_SHEET_MISMATCH");
                e.put("account", s.plantAccount);
            }
        }
        e.put("fiscalYear", year);
        e.put("detail", "planted by LayoutVariants");
        e.put("severity", "ERROR");
        return List.of(e);
    }

    private static Map<String, List<String>> pick(Map<String, List<String>> all, Random r, int n) {
        List<String> keys = new ArrayList<>(all.keySet());
        java.util.Collections.shuffle(keys, r);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String k : keys.subList(0, Math.min(n, keys.size()))) {
            out.put(k, all.get(k));
        }
        return out;
    }

    Map<String, Object> writeApplication(JsonNode truth, String app, Style s, Random r, Path dir) throws IOException {
        Files.createDirectories(dir);
        int year = currentYear(truth);
        JsonNode latent = truth.get("latentFinancials");
        String corp = truth.get("applicant").get("corp").asString();
        String facility = truth.get("applicant").get("facility").asString();
        Map<String, String> labels = chooseLabels(s, r);
        if (s.businessReport) {
            labels.put("medical_revenue", "事業収益計");
            labels.put("medical_expenses", "事業費用計");
            labels.put("medical_profit", "事業利益");
            labels.put("non_operating_revenue", "事業外収益");
            labels.put("non_operating_expenses", "事業外費用");
        }
        if (s.plant == 3 && !INPUT_ACCOUNTS.contains(s.plantAccount)) {
            s.plantAccount = List.of("cash_and_deposits", "short_term_borrowings", "long_term_borrowings").get(r.nextInt(3));
        }
        s.plantYear = year;
        s.plantAmount = 12_345;
        List<TruthFigure> figures = new ArrayList<>();
        Map<String, String> docs = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();

        // 決算書: balance sheet and income statement
        List<Integer> fsYears = s.twoYears ? List.of(year - 1, year) : List.of(year);
        Table bs = balanceSheet(s, r, labels, latent, fsYears, corp, year);
        Table pl = incomeStatement(s, r, labels, latent, fsYears, corp, year);
        List<List<Table>> fsFiles = s.split == Split.FILES ? List.of(List.of(bs), List.of(pl)) : List.of(List.of(bs, pl));
        for (int f = 0; f < fsFiles.size(); f++) {
            String base = fsFiles.size() == 1 ? "決算書_令和" + (year - 2018) + "年度" : f == 0 ? "貸借対照表" : "損益計算書";
            String file = write(dir, base, fsFiles.get(f), s);
            docs.put(file, "FINANCIAL_STATEMENTS");
            meta.put(file, fileMeta(s, fsYears));
            for (Table t : fsFiles.get(f)) {
                List<Item> items = new ArrayList<>(t == bs ? BS_ASSETS : PL);
                if (t == bs) {
                    items.addAll(BS_LIABILITIES);
                }
                for (Item it : items) {
                    if (it.account() != null) {
                        for (int y : fsYears) {
                            figures.add(new TruthFigure(file, "FINANCIAL_STATEMENTS", it.account(), y,
                                    (shown(latent, y, it.account(), s.unit) + planted(s, 2, it.account(), y)
                                            + planted(s, 5, it.account(), y)) * s.unit));
                        }
                    }
                }
            }
        }

        // BS実績比較: two years and 増減
        Style cs = copyForComparison(s);
        carryPlant(s, cs, 1);
        Table comparison = comparison(cs, r, labels, latent, year, corp, facility);
        String cfile = write(dir, "BS実績比較", List.of(comparison), cs);
        docs.put(cfile, "BS_COMPARISON");
        meta.put(cfile, fileMeta(cs, List.of(year - 1, year)));
        List<Map<String, Object>> deltas = new ArrayList<>();
        for (Item it : concat(BS_ASSETS, BS_LIABILITIES)) {
            if (it.account() != null) {
                long prev = shown(latent, year - 1, it.account(), cs.unit) + planted(cs, 1, it.account(), year - 1);
                long cur = shown(latent, year, it.account(), cs.unit) + planted(cs, 1, it.account(), year);
                figures.add(new TruthFigure(cfile, "BS_COMPARISON", it.account(), year - 1, prev * cs.unit));
                figures.add(new TruthFigure(cfile, "BS_COMPARISON", it.account(), year, cur * cs.unit));
                deltas.add(Map.of("file", cfile, "account", it.account(), "value", (cur - prev) * cs.unit));
            }
        }

        // 決算状況入力シート: three years of sixteen accounts, always a workbook (or CSV)
        Style is = copyForInputSheet(s);
        carryPlant(s, is, 3);
        Table input = inputSheet(is, labels, latent, year, corp, facility);
        String ifile = write(dir, "決算状況入力シート", List.of(input), is);
        docs.put(ifile, "INPUT_SHEET");
        meta.put(ifile, fileMeta(is, List.of(year - 2, year - 1, year)));
        for (String a : INPUT_ACCOUNTS) {
            for (int y = year - 2; y <= year; y++) {
                figures.add(new TruthFigure(ifile, "INPUT_SHEET", a, y, (shown(latent, y, a, is.unit) + planted(is, 3, a, y)) * is.unit));
            }
        }

        Map<String, Object> t = new LinkedHashMap<>();
        t.put("schemaVersion", 1);
        t.put("application", app);
        t.put("profile", "layout-variant");
        t.put("variant", s.describe());
        t.put("program", truth.get("program").asString());
        t.put("applicant", Map.of("corp", corp, "facility", facility));
        t.put("documents", docs);
        t.put("fileMeta", meta);
        List<Map<String, Object>> fig = new ArrayList<>();
        for (TruthFigure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("documentType", f.type());
            m.put("account", f.account());
            m.put("fiscalYear", f.year());
            m.put("value", f.value());
            fig.add(m);
        }
        t.put("figures", fig);
        t.put("comparisonDeltas", deltas);
        t.put("expected", expected(s, docs, year));
        // a package of statements only: no application form or quote, so their absence is no false alarm
        t.put("allowed", List.of(Map.of("code", "MISSING_DOCUMENT")));
        t.put("distressed", truth.get("distressed").asInt());
        t.put("items", List.of());
        // score.py reads subsidy.computed of every truth; no application form here, so none is expected
        Map<String, Object> subsidy = new LinkedHashMap<>();
        subsidy.put("computed", null);
        t.put("subsidy", subsidy);
        return t;
    }

    private static List<Item> concat(List<Item> a, List<Item> b) {
        List<Item> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, Object> fileMeta(Style s, List<Integer> years) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", switch (s.format) {
            case PDF -> "pdf";
            case XLSX -> "xlsx";
            case XLS -> "xls";
            default -> "csv";
        });
        m.put("scanned", s.scanned);
        m.put("unreadable", null);
        m.put("unit", s.unit);
        m.put("layout", "variant:" + s.describe());
        m.put("years", years);
        return m;
    }

    /**
     * The BS comparison keeps its family's number and year styles, wordings and detail blocks (the
     * same parts with the same values as the 決算書) but is a one-block table (no PL, no split).
     */
    private static Style copyForComparison(Style s) {
        Style c = copy(s);
        c.detail = s.detail;
        c.flat = s.flat;
        c.indirect = s.indirect;
        c.detailTotal = s.detailTotal;
        c.partWeights = s.partWeights;
        c.twoYears = true;
        c.split = Split.NONE;
        c.twoColumn = false;
        c.comparison = true;
        return c;
    }

    /** The input sheet prints the family's wordings where it prints labels; it has no detail blocks (a form of fixed rows). */
    private static Style copyForInputSheet(Style s) {
        Style c = copy(s);
        c.twoYears = true;
        c.split = Split.NONE;
        c.twoColumn = false;
        c.leaders = 0;
        c.scanned = false;
        if (c.format == Format.PDF) {
            c.format = Format.XLSX;
        }
        return c;
    }

    private static Style copy(Style s) {
        Style c = new Style();
        c.format = s.format;
        c.standardLabels = s.standardLabels;
        c.decorated = s.decorated;
        c.unit = s.unit;
        c.unitForm = s.unitForm;
        c.fullWidth = s.fullWidth;
        c.negative = s.negative;
        c.separators = s.separators;
        c.trailingYen = s.trailingYen;
        c.numbersAsText = s.numbersAsText;
        c.twoYears = s.twoYears;
        c.swap = s.swap;
        c.yearHeader = s.yearHeader;
        c.dateLine = s.dateLine;
        c.split = s.split;
        c.messy = s.messy;
        c.twoColumn = s.twoColumn;
        c.leaders = s.leaders;
        c.scanned = s.scanned;
        c.ki = s.ki;
        c.fixedFirst = s.fixedFirst;
        c.wordings = s.wordings;
        return c;
    }

    private static int currentYear(JsonNode truth) {
        int best = 0;
        for (JsonNode f : truth.get("figures")) {
            best = Math.max(best, f.get("fiscalYear").asInt());
        }
        return best;
    }

    /**
     * The value as printed in the unit. In yen, the latent figure. In a larger unit the statement is
     * rounded the way accountants round a 千円 statement so that its own sums are exact: every top line
     * (and memo account) is rounded half away from zero, and each total's rounded value is distributed
     * over its components by largest remainder (each signed component is its exact value rounded down
     * or up), down the tree of accounts.csv. Every printed total then equals the signed sum of its
     * printed components, and every printed figure is within one unit of the exact one.
     */
    static long shown(JsonNode latent, int year, String account, long unit) {
        JsonNode yearNode = latent.get(Integer.toString(year));
        if (unit == 1) {
            return yearNode.get(account).asLong();
        }
        Map<String, Long> rounded;
        synchronized (ROUNDED) {
            rounded = ROUNDED.computeIfAbsent(yearNode, k -> new java.util.HashMap<>())
                    .computeIfAbsent(unit, u -> roundHierarchically(yearNode, u));
        }
        return rounded.get(account);
    }

    private static final Map<JsonNode, Map<Long, Map<String, Long>>> ROUNDED = new java.util.IdentityHashMap<>();

    /** Rounds one year's latent figures to {@code unit}, keeping every identity of accounts.csv exact. */
    static Map<String, Long> roundHierarchically(JsonNode yearNode, long unit) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var a : jp.shinsa.models.Catalogs.accounts().values()) {
            if (a.parent() == null && yearNode.has(a.code())) {
                long top = roundHalfAway(yearNode.get(a.code()).asLong(), unit);
                out.put(a.code(), top);
                distribute(yearNode, a.code(), top, unit, out);
            }
        }
        return out;
    }

    private static long roundHalfAway(long v, long unit) {
        long q = Math.abs(v) / unit;
        long rem = Math.abs(v) % unit;
        if (rem * 2 >= unit) {
            q++;
        }
        return v < 0 ? -q : q;
    }

    /** Gives the children of {@code parent} rounded values whose signed sum is {@code total} (largest remainder). */
    private static void distribute(JsonNode yearNode, String parent, long total, long unit, Map<String, Long> out) {
        List<jp.shinsa.models.Account> children = jp.shinsa.models.Catalogs.childrenOf(parent).stream()
                .filter(c -> yearNode.has(c.code())).toList();
        if (children.isEmpty()) {
            return;
        }
        long[] floors = new long[children.size()];
        long[] remainders = new long[children.size()];
        long sum = 0;
        for (int i = 0; i < children.size(); i++) {
            long term = children.get(i).sign() * yearNode.get(children.get(i).code()).asLong();
            floors[i] = Math.floorDiv(term, unit);
            remainders[i] = Math.floorMod(term, unit);
            sum += floors[i];
        }
        long missing = total - sum;
        Integer[] order = new Integer[children.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Long.compare(remainders[y], remainders[x]));
        for (int k = 0; k < order.length && missing > 0; k++) {
            if (remainders[order[k]] > 0) {
                floors[order[k]]++;
                missing--;
            }
        }
        if (missing != 0) {
            throw new IllegalStateException("latent figures of " + parent + " do not add up");
        }
        for (int i = 0; i < children.size(); i++) {
            var c = children.get(i);
            long value = c.sign() * floors[i];
            out.put(c.code(), value);
            distribute(yearNode, c.code(), value, unit, out);
        }
    }

    private static Map<String, String> chooseLabels(Style s, Random r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : LABELS.entrySet()) {
            List<String> names = e.getValue();
            if (s.wordings != null && s.wordings.containsKey(e.getKey()) && r.nextInt(4) > 0) {
                List<String> w = s.wordings.get(e.getKey());
                out.put(e.getKey(), w.get(r.nextInt(w.size())));
                continue;
            }
            out.put(e.getKey(), s.standardLabels && names.size() > 1 ? names.get(1 + r.nextInt(names.size() - 1)) : names.get(0));
        }
        return out;
    }

    // ---------------------------------------------------------------- tables

    private static final String[] ROMAN = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ"};
    private static final String[] KANA = {"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク"};
    private static final String[] CIRCLED = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"};

    /** A printed account label with the decorations of the style (numbering, brackets, spacing). */
    static String decorate(String label, boolean heading, int level, int ordinal, Style s, Random r) {
        if (!s.decorated) {
            return heading && level == 1 ? ROMAN[Math.min(ordinal, 7)] + "　" + label : label;
        }
        String l = label;
        int form = r.nextInt(10);
        if (heading) {
            if (level == 0) {
                return form < 5 ? "【" + l + "】" : form < 8 ? "〔" + l + "〕" : l;
            }
            String number = level == 1 ? ROMAN[Math.min(ordinal, 7)] : level == 2 ? (ordinal + 1) + "." : "(" + (ordinal + 1) + ")";
            return form < 3 ? "【" + number + " " + l + "】" : number + "　" + l;
        }
        // 均等割付: short labels spread over the label width
        if (l.length() <= 4 && form < 3) {
            String gap = l.length() == 2 ? "　　" : form == 0 ? " " : "　";
            l = String.join(gap, l.split(""));
        }
        int n = Math.min(ordinal, 7);
        return switch (r.nextInt(8)) {
            case 0 -> (n + 1) + ". " + l;
            case 1 -> "(" + (n + 1) + ") " + l;
            case 2 -> KANA[n] + "　" + l;
            case 3 -> CIRCLED[n] + l;
            case 4 -> "「" + l + "」";
            case 5 -> l + " ※" + (1 + r.nextInt(3));
            case 6 -> "　".repeat(level) + l;
            default -> l;
        };
    }

    private Table balanceSheet(Style s, Random r, Map<String, String> labels, JsonNode latent, List<Integer> years, String corp, int year) {
        List<GRow> rows = new ArrayList<>();
        preamble(rows, s, "貸借対照表", corp, year, true);
        header(rows, s, years, year, true, false);
        List<GRow> left = dataRows(assets(s), s, r, labels, latent, years);
        List<GRow> right = dataRows(liabilities(s), s, r, labels, latent, years);
        if (s.twoColumn) {
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                GRow a = i < left.size() ? left.get(i) : GRow.of(Kind.BLANK, "");
                GRow b = i < right.size() ? right.get(i) : null;
                rows.add(new GRow(Kind.DATA, a.text(), a.level(), a.values(), b == null ? null : b.text(), b == null ? 0 : b.level(),
                        b == null ? List.of() : b.values(), List.of()));
            }
        } else {
            rows.addAll(left);
            if (s.messy) {
                rows.add(GRow.of(Kind.BLANK, ""));
            }
            rows.addAll(right);
        }
        notes(rows, s);
        return new Table("貸借対照表", rows, years.size());
    }

    private Table incomeStatement(Style s, Random r, Map<String, String> labels, JsonNode latent, List<Integer> years, String corp, int year) {
        List<GRow> rows = new ArrayList<>();
        if (s.split == Split.PAGES) {
            rows.add(GRow.of(Kind.PAGE_BREAK, ""));
        }
        preamble(rows, s, "損益計算書", corp, year, false);
        header(rows, s, years, year, false, false);
        if (s.otherBusinesses > 0) {
            rows.addAll(businessRows(s, r, labels, latent, years));
        } else {
            rows.addAll(dataRows(incomeItems(s), s, r, labels, latent, years));
        }
        notes(rows, s);
        return new Table("損益計算書", rows, years.size());
    }

    /**
     * The 医療法人 事業報告書 income statement of a hospital with several businesses (様式): Ⅰ 事業損益 ›
     * A 本来業務事業損益 › 1 事業収益 (its lines, 事業収益計) / 2 事業費用 ((1) 事業費: its lines; (2) 本部費;
     * 事業費用計) / 本来業務事業利益, B 附帯業務事業損益 (1 事業収益, 2 事業費用, 附帯業務事業利益), C 収益業務事業損益
     * likewise, 事業利益; then Ⅱ 事業外損益 (事業外収益, 事業外費用, 経常利益), Ⅲ 特別損益 and the rest as usual. The other businesses' 事業収益 are carved out
     * of その他の医業収益, their 事業費用 and 本部費 out of 経費, so that truth follows decision 024 (the chart's
     * accounts keep their latent values: 医業収益 = Σ 事業収益 of every business, その他の医業収益 = 本来業務's
     * その他 + the other businesses' 事業収益) and every printed total equals the sum of its printed parts.
     */
    private List<GRow> businessRows(Style s, Random r, Map<String, String> labels, JsonNode latent, List<Integer> years) {
        int n = s.otherBusinesses;
        double[] sh = s.businessShares;
        Map<String, List<Long>> v = new LinkedHashMap<>();
        for (int y : years) {
            java.util.function.ToLongFunction<String> at = a -> shown(latent, y, a, s.unit) + planted(s, 2, a, y);
            long other = at.applyAsLong("other_medical_revenue");
            long[] rev = {Math.round(other * sh[0]), n > 1 ? Math.round(other * sh[1]) : 0};
            long keihi = at.applyAsLong("other_medical_expenses");
            long[] exp = {Math.round(keihi * sh[2]), n > 1 ? Math.round(keihi * sh[3]) : 0};
            long head = s.headOffice ? Math.round(keihi * sh[4]) : 0;
            long mainOther = other - rev[0] - rev[1];
            long mainKeihi = keihi - exp[0] - exp[1] - head;
            long mainRev = at.applyAsLong("inpatient_revenue") + at.applyAsLong("outpatient_revenue") + mainOther;
            long mainExp = at.applyAsLong("material_costs") + at.applyAsLong("personnel_costs") + at.applyAsLong("outsourcing_costs")
                    + at.applyAsLong("equipment_costs") + mainKeihi + head;
            for (String a : List.of("inpatient_revenue", "outpatient_revenue", "material_costs", "personnel_costs", "outsourcing_costs",
                    "equipment_costs", "depreciation", "medical_profit")) {
                v.computeIfAbsent(a, k -> new ArrayList<>()).add(at.applyAsLong(a));
            }
            v.computeIfAbsent("mainOther", k -> new ArrayList<>()).add(mainOther);
            v.computeIfAbsent("mainKeihi", k -> new ArrayList<>()).add(mainKeihi);
            v.computeIfAbsent("head", k -> new ArrayList<>()).add(head);
            v.computeIfAbsent("mainRev", k -> new ArrayList<>()).add(mainRev + planted(s, 5, "medical_revenue", y));
            v.computeIfAbsent("mainExp", k -> new ArrayList<>()).add(mainExp);
            v.computeIfAbsent("mainProfit", k -> new ArrayList<>()).add(mainRev - mainExp);
            for (int b = 0; b < n; b++) {
                v.computeIfAbsent("rev" + b, k -> new ArrayList<>()).add(rev[b]);
                v.computeIfAbsent("exp" + b, k -> new ArrayList<>()).add(exp[b]);
                v.computeIfAbsent("profit" + b, k -> new ArrayList<>()).add(rev[b] - exp[b]);
            }
        }
        if (s.swap) {
            v.values().forEach(java.util.Collections::reverse);
        }
        boolean numbered = r.nextBoolean();
        List<GRow> rows = new ArrayList<>();
        rows.add(GRow.data("Ⅰ　事業損益", 0, List.of()));
        rows.add(GRow.data((numbered ? "A　" : "") + "本来業務事業損益", 0, List.of()));
        rows.add(GRow.data((numbered ? "1　" : "") + "事業収益", 1, List.of()));
        rows.add(GRow.data(labels.get("inpatient_revenue"), 2, v.get("inpatient_revenue")));
        rows.add(GRow.data(labels.get("outpatient_revenue"), 2, v.get("outpatient_revenue")));
        rows.add(GRow.data(labels.get("other_medical_revenue"), 2, v.get("mainOther")));
        rows.add(GRow.data(labels.get("medical_revenue"), 1, v.get("mainRev")));
        rows.add(GRow.data((numbered ? "2　" : "") + "事業費用", 1, List.of()));
        int lines = 2;
        if (s.headOffice) {
            rows.add(GRow.data((numbered ? "(1)　" : "") + "事業費", 2, List.of()));
            lines = 3;
        }
        rows.add(GRow.data(labels.get("material_costs"), lines, v.get("material_costs")));
        rows.add(GRow.data(labels.get("personnel_costs"), lines, v.get("personnel_costs")));
        rows.add(GRow.data(labels.get("outsourcing_costs"), lines, v.get("outsourcing_costs")));
        rows.add(GRow.data(labels.get("equipment_costs"), lines, v.get("equipment_costs")));
        rows.add(GRow.data(labels.get("depreciation"), lines + 1, v.get("depreciation")));
        rows.add(GRow.data(labels.get("other_medical_expenses"), lines, v.get("mainKeihi")));
        if (s.headOffice) {
            rows.add(GRow.data((numbered ? "(2)　" : "") + "本部費", 2, v.get("head")));
        }
        rows.add(GRow.data(labels.get("medical_expenses"), 1, v.get("mainExp")));
        rows.add(GRow.data("本来業務事業利益", 1, v.get("mainProfit")));
        String[] names = {"附帯業務", "収益業務"};
        for (int b = 0; b < n; b++) {
            rows.add(GRow.data((numbered ? (b == 0 ? "B　" : "C　") : "") + names[b] + "事業損益", 0, List.of()));
            rows.add(GRow.data((numbered ? "1　" : "") + "事業収益", 1, v.get("rev" + b)));
            rows.add(GRow.data((numbered ? "2　" : "") + "事業費用", 1, v.get("exp" + b)));
            rows.add(GRow.data(names[b] + "事業利益", 1, v.get("profit" + b)));
        }
        rows.add(GRow.data(labels.get("medical_profit"), 0, v.get("medical_profit")));
        rows.add(GRow.data("Ⅱ　事業外損益", 0, List.of()));
        int from = PL.indexOf(Item.acc("non_operating_revenue", 0));
        int special = PL.indexOf(Item.acc("extraordinary_gains", 0));
        rows.addAll(dataRows(PL.subList(from, special), s, r, labels, latent, years));
        rows.add(GRow.data("Ⅲ　特別損益", 0, List.of()));
        rows.addAll(dataRows(PL.subList(special, PL.size()), s, r, labels, latent, years));
        return rows;
    }

    private Table comparison(Style s, Random r, Map<String, String> labels, JsonNode latent, int year, String corp, String facility) {
        List<GRow> rows = new ArrayList<>();
        String title = List.of("BS実績比較", "貸借対照表比較", "比較貸借対照表").get(r.nextInt(s.standardLabels || s.decorated ? 3 : 1));
        rows.add(GRow.of(Kind.TITLE, title));
        if (s.messy) {
            rows.add(GRow.of(Kind.BLANK, ""));
        }
        rows.add(GRow.of(Kind.TEXT, corp + "　" + facility));
        rows.add(GRow.of(Kind.UNIT, unitText(s)));
        header(rows, s, List.of(year - 1, year), year, true, true);
        List<Integer> years = List.of(year - 1, year);
        for (GRow g : dataRows(concat(assets(s), liabilities(s)), s, r, labels, latent, years)) {
            if (g.kind() == Kind.DATA && !g.values().isEmpty()) {
                long prev = g.values().get(s.swap ? 1 : 0);
                long cur = g.values().get(s.swap ? 0 : 1);
                List<Long> v = new ArrayList<>(g.values());
                v.add(cur - prev);
                rows.add(GRow.data(g.text(), g.level(), v));
            } else {
                rows.add(g);
            }
        }
        notes(rows, s);
        return new Table("BS実績比較", rows, 3);
    }

    private Table inputSheet(Style s, Map<String, String> labels, JsonNode latent, int year, String corp, String facility) {
        List<GRow> rows = new ArrayList<>();
        rows.add(GRow.of(Kind.TITLE, "決算状況入力シート"));
        rows.add(GRow.of(Kind.TEXT, "法人名　" + corp));
        rows.add(GRow.of(Kind.TEXT, "施設名　" + facility));
        if (s.messy) {
            rows.add(GRow.of(Kind.BLANK, ""));
            rows.add(GRow.of(Kind.NOTE, "※ 直近3事業年度の決算書の数値を記入してください。"));
        }
        rows.add(GRow.of(Kind.UNIT, unitText(s)));
        List<Integer> years = List.of(year - 2, year - 1, year);
        List<String> h = new ArrayList<>();
        for (int y : years) {
            h.add(yearHeader(s, y, year, true, false));
        }
        List<Integer> order = new ArrayList<>(years);
        if (s.swap) {
            java.util.Collections.reverse(h);
            java.util.Collections.reverse(order);
        }
        rows.add(GRow.header(h));
        for (String a : INPUT_ACCOUNTS) {
            List<Long> v = new ArrayList<>();
            for (int y : order) {
                v.add(shown(latent, y, a, s.unit) + planted(s, 3, a, y));
            }
            rows.add(GRow.data(s.wordings != null ? labels.get(a) : LABELS.get(a).get(0), 0, v));
        }
        rows.add(GRow.of(Kind.TEXT, "記入者　経理課"));
        return new Table("入力シート", rows, 3);
    }

    private static void preamble(List<GRow> rows, Style s, String title, String corp, int year, boolean bs) {
        if (s.messy) {
            rows.add(GRow.of(Kind.BLANK, ""));
            rows.add(GRow.of(Kind.NOTE, corp));
        }
        rows.add(GRow.of(Kind.TITLE, s.decorated ? "【" + title + "】" : String.join(" ", title.split(""))));
        String era = "令和" + (year + 1 - 2018) + "年3月31日";
        String start = "令和" + (year - 2018) + "年4月1日";
        rows.add(GRow.of(Kind.TEXT, switch (s.dateLine) {
            case GENZAI -> bs ? era + "現在" : "自 " + start + "　至 " + era;
            case KESSANBI -> "決算日　" + era;
            case KI_KESSANBI -> "第" + s.ki + "期　決算日 " + era;
            case WEST_GENZAI -> bs ? "（" + (year + 1) + "年3月31日現在）" : "自 " + year + "年4月1日 至 " + (year + 1) + "年3月31日";
            case NENDO -> "令和" + (year - 2018) + "年度";
        }));
        if (!s.messy) {
            rows.add(GRow.of(Kind.TEXT, corp));
        }
        rows.add(GRow.of(Kind.UNIT, unitText(s)));
    }

    static String unitText(Style s) {
        String u = s.unit == 1000 ? "千円" : "円";
        return switch (s.unitForm) {
            case 1 -> "単位:" + u;
            case 2 -> "(単位 " + u + ")";
            case 3 -> "金額単位：" + u;
            case 4 -> "［単位：" + u + "］";
            default -> "（単位：" + u + "）";
        };
    }

    private static void notes(List<GRow> rows, Style s) {
        if (s.messy) {
            rows.add(GRow.of(Kind.BLANK, ""));
            rows.add(GRow.of(Kind.NOTE, s.unit == 1000 ? "※ 記載金額は千円未満を四捨五入して表示しております。" : "※ 記載金額は円単位で表示しております。"));
            rows.add(GRow.of(Kind.NOTE, "（注）減価償却累計額は各資産から直接控除しております。"));
        }
    }

    private static void header(List<GRow> rows, Style s, List<Integer> years, int year, boolean bs, boolean delta) {
        List<String> h = new ArrayList<>();
        if (years.size() == 1) {
            h.add("金　額");
        } else {
            for (int y : years) {
                h.add(yearHeader(s, y, year, bs, delta));
            }
            if (s.swap) {
                java.util.Collections.reverse(h);
            }
        }
        if (delta) {
            h.add("増減");
        }
        if (s.messy) {
            rows.add(GRow.of(Kind.BLANK, ""));
        }
        rows.add(GRow.header(h));
    }

    /** The header of the column of fiscal year {@code y} (the statement's own year is {@code year}). */
    static String yearHeader(Style s, int y, int year, boolean bs, boolean delta) {
        boolean current = y == year;
        int era = y - 2018;
        String end = "令和" + (era + 1) + "年3月31日";
        return switch (s.yearHeader) {
            case PREV_CUR_DATE -> (current ? "当年度" : "前年度") + "（" + end + "）";
            case NENDO_ERA -> "令和" + era + "年度";
            case NENDO_WEST -> y + "年度";
            case R_NENDO -> "R" + era + "年度";
            case R_DATE -> "R" + (era + 1) + ".3.31";
            case KI -> "第" + (s.ki - (year - y)) + "期";
            case ZENKI_TOUKI -> y == year ? "当期" : y == year - 1 ? "前期" : "前々期";
            case JIGYO_NENDO -> (current ? "当事業年度" : "前事業年度") + (bs ? "（" + end + "）"
                    : "（自 令和" + era + "年4月1日 至 " + end + "）");
            case DATE_WEST -> (y + 1) + "年3月31日";
            case SLASH_DATE -> (y + 1) + "/3/31";
        };
    }

    private List<GRow> dataRows(List<Item> items, Style s, Random r, Map<String, String> labels, JsonNode latent, List<Integer> years) {
        List<GRow> rows = new ArrayList<>();
        int[] ordinals = new int[5];
        int[] headings = new int[5];
        for (Item it : items) {
            int ord = it.account() == null ? headings[it.level()]++ : ordinals[it.level()]++;
            for (int l = it.level() + 1; l < ordinals.length; l++) {
                ordinals[l] = 0;
                headings[l] = 0;
            }
            if (it.account() == null) {
                rows.add(GRow.data(decorate(it.heading(), true, it.level(), ord, s, r), it.level(), List.of()));
                continue;
            }
            List<Long> v = new ArrayList<>();
            for (int y : years) {
                v.add(shown(latent, y, it.account(), s.unit) + planted(s, s.comparison ? 1 : 2, it.account(), y));
            }
            if (s.swap) {
                java.util.Collections.reverse(v);
            }
            if (memoPrintedAsPart(s, it.account())) {
                continue; // printed as a part of its home account (減価償却費 under 設備関係費)
            }
            if (s.detail.containsKey(it.account())) {
                detailRows(rows, it, s, r, labels, latent, years, ord);
                if (s.flat.contains(it.account())) {
                    ordinals[it.level()] += s.detail.get(it.account()).size() - 1; // its lines are numbered as siblings
                }
                continue;
            }
            rows.add(GRow.data(decorate(labels.get(it.account()), false, it.level(), ord, s, r), it.level(), v));
            if (s.messy && it.level() == 0 && r.nextInt(3) == 0) {
                rows.add(GRow.of(Kind.BLANK, ""));
            }
        }
        return rows;
    }

    /**
     * An account printed as a heading with its parts: the values split into the parts (the last one
     * takes the remainder, so the printed sums are exact in the printed unit), the total after them as
     * heading + 計 or not at all. 減価償却費 as a part of 設備関係費 carries the depreciation figure. A flat
     * block prints its parts alone, at the account's level and numbered as its siblings.
     */
    private void detailRows(List<GRow> rows, Item it, Style s, Random r, Map<String, String> labels, JsonNode latent,
                            List<Integer> years, int ord) {
        if (s.indirect.contains(it.account())) {
            indirectRows(rows, it, s, r, labels, latent, years, ord);
            return;
        }
        String head = blockHeading(s.wordings != null ? labels.get(it.account()) : LABELS.get(it.account()).get(0));
        boolean flat = s.flat.contains(it.account());
        if (!flat) {
            rows.add(GRow.data(decorate(head, true, it.level() + 1, ord, s, r), it.level(), List.of()));
        }
        List<String> parts = s.detail.get(it.account());
        double[] w = partWeights(s, it.account(), parts.size(), r);
        double total = java.util.Arrays.stream(w).sum();
        List<List<Long>> values = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            values.add(new ArrayList<>());
        }
        int dep = -1;
        String memo = null;
        for (var m : MEMO_PARTS.entrySet()) {
            if (parts.contains(m.getValue()) && it.account().equals(jp.shinsa.models.Catalogs.account(m.getKey()).map(a -> homeOf(a)).orElse(null))) {
                dep = parts.indexOf(m.getValue());
                memo = m.getKey();
            }
        }
        if (dep >= 0) {
            total -= w[dep];
        }
        for (int y : years) {
            long all = shown(latent, y, it.account(), s.unit);
            long base = all - (dep >= 0 ? shown(latent, y, memo, s.unit) : 0);
            long rest = all;
            for (int k = 0; k < parts.size(); k++) {
                long part;
                if (k == dep) {
                    part = shown(latent, y, memo, s.unit);
                } else if (k == parts.size() - 1) {
                    part = rest;
                } else {
                    part = Math.round(base * w[k] / total);
                }
                rest -= part;
                values.get(k).add(part);
            }
            if (rest != 0) {
                // the remainder goes to the last part that is not the memo line
                int last = parts.size() - 1;
                while (last > 0 && last == dep) {
                    last--;
                }
                List<Long> l = values.get(last);
                l.set(l.size() - 1, l.get(l.size() - 1) + rest);
            }
        }
        // a planted leaf error (a statement leaf, or a comparison leaf in the BS実績比較) on a detailed
        // account: one part carries it and so does the printed total, so the block adds up and the
        // subtotal above it does not, as for a plain leaf; truth records the account with the error
        int leafPlant = s.comparison ? 1 : 2;
        int carrier = dep == 0 ? 1 : 0;
        for (int yi = 0; yi < years.size(); yi++) {
            long p = planted(s, leafPlant, it.account(), years.get(yi));
            if (p != 0) {
                values.get(carrier).set(yi, values.get(carrier).get(yi) + p);
            }
        }
        // a planted error in a part: the printed total stays, the part does not add up to it
        if (s.plant == 4 && it.account().equals(s.plantAccount) && !s.comparison) {
            int k = dep == 0 ? 1 : 0;
            List<Long> l = values.get(k);
            l.set(years.indexOf(s.plantYear), l.get(years.indexOf(s.plantYear)) + s.plantAmount);
        }
        for (int k = 0; k < parts.size(); k++) {
            List<Long> v = new ArrayList<>(values.get(k));
            if (s.swap) {
                java.util.Collections.reverse(v);
            }
            int level = flat ? it.level() : it.level() + 1;
            rows.add(GRow.data(decorate(parts.get(k), false, level, flat ? ord + k : k, s, r), level, v));
        }
        if (s.detailTotal && !flat) {
            List<Long> v = new ArrayList<>();
            for (int y : years) {
                v.add(shown(latent, y, it.account(), s.unit) + planted(s, leafPlant, it.account(), y));
            }
            if (s.swap) {
                java.util.Collections.reverse(v);
            }
            String totalLine = blockTotal(s.wordings != null ? labels.get(it.account()) : LABELS.get(it.account()).get(0));
            rows.add(GRow.data(decorate(totalLine, false, it.level(), ord, s, r), it.level(), v));
        }
    }

    /**
     * The weights (0.2 to 1.2 each) by which a block's {@code n} parts share its account's figure: drawn
     * the first time the account's block is printed, then the same for the other document (the BS実績比較
     * prints the split the 決算書 does).
     */
    private static double[] partWeights(Style s, String account, int n, Random r) {
        double[] w = s.partWeights.get(account);
        if (w == null) {
            w = new double[n];
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.2 + r.nextDouble();
            }
            s.partWeights.put(account, w);
        }
        return w;
    }

    /**
     * The indirect form of a fixed asset (間接控除, 地方公営企業 and 財務諸表等規則: 器械備品 / 器械備品減価償却累計額):
     * the account's line, with the label the statement chose for it, carries the acquisition cost; under
     * it, one level in, each part is a deduction (negative), drawn as a share (0.2 to 1.2) of the net per
     * part with the weights the block shares with the BS実績比較; nothing prints the net, which is the
     * account's figure (truth unchanged). A planted leaf error is carried by the acquisition cost.
     */
    private void indirectRows(List<GRow> rows, Item it, Style s, Random r, Map<String, String> labels, JsonNode latent,
                              List<Integer> years, int ord) {
        List<String> parts = s.detail.get(it.account());
        double[] w = partWeights(s, it.account(), parts.size(), r);
        int leafPlant = s.comparison ? 1 : 2;
        List<Long> gross = new ArrayList<>();
        List<List<Long>> deductions = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            deductions.add(new ArrayList<>());
        }
        for (int y : years) {
            long net = shown(latent, y, it.account(), s.unit);
            long g = net + planted(s, leafPlant, it.account(), y);
            for (int k = 0; k < parts.size(); k++) {
                long d = -Math.round(Math.abs(net) * w[k]);
                deductions.get(k).add(d);
                g -= d;
            }
            gross.add(g);
        }
        if (s.swap) {
            java.util.Collections.reverse(gross);
            deductions.forEach(java.util.Collections::reverse);
        }
        rows.add(GRow.data(decorate(labels.get(it.account()), false, it.level(), ord, s, r), it.level(), gross));
        for (int k = 0; k < parts.size(); k++) {
            rows.add(GRow.data(decorate(parts.get(k), false, it.level() + 1, k, s, r), it.level() + 1, deductions.get(k)));
        }
    }

    /**
     * The heading of a detail block: the account's name as the statement prints it (the variation's
     * wording when it has wordings, else the catalogue label) without a trailing total word, so that
     * heading + 計 is the block's total line (材料費合計 → 材料費 … 材料費計). On catalogue labels this is
     * the former rule (only 合計 / 計 end them). A name that ends in a bracketed note keeps the note after
     * the heading (給与費（法定福利費を含む）, 医業外収益（Ｃ）).
     */
    static String blockHeading(String label) {
        var note = NOTE.matcher(label);
        return note.matches() ? withoutTotalWord(note.group(1)) + note.group(2) : withoutTotalWord(label);
    }

    /**
     * The total line of a detail block: heading + 計, with a trailing bracketed note after the 計 as forms
     * print it (医業外収益計（Ｃ）, 給与費計（法定福利費を含む）; docs/decisions/027).
     */
    static String blockTotal(String label) {
        var note = NOTE.matcher(label);
        return note.matches() ? withoutTotalWord(note.group(1)) + "計" + note.group(2) : withoutTotalWord(label) + "計";
    }

    /** A trailing bracketed note of a printed name, after a name of its own: 名称（注記）, 名称〔注記〕, 名称(A). */
    private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile("(.*[^\\s（(〔\\[])([（(〔\\[][^（(〔\\[）)〕\\]]*[）)〕\\]])");

    private static String withoutTotalWord(String label) {
        return label.replaceAll("(の合計|合計額|合計|小計|総計|総額|の計|計)$", "");
    }

    // ---------------------------------------------------------------- number formatting

    static String amount(long v, Style s) {
        String digits = s.separators ? String.format(Locale.ROOT, "%,d", Math.abs(v)) : Long.toString(Math.abs(v));
        if (s.fullWidth) {
            StringBuilder b = new StringBuilder();
            for (char c : digits.toCharArray()) {
                b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == ',' ? '，' : c);
            }
            digits = b.toString();
        }
        String t = digits;
        if (v < 0) {
            t = switch (s.negative) {
                case TRIANGLE -> "△" + digits;
                case BLACK_TRIANGLE -> "▲" + digits;
                case PAREN -> "(" + digits + ")";
                case MINUS -> "-" + digits;
                case TRIANGLE_SPACE -> "△ " + digits;
            };
        }
        return s.trailingYen && s.unit == 1 ? t + "円" : t;
    }

    // ---------------------------------------------------------------- writers

    /** Writes the tables as one file in the style's format; returns the file name. */
    String write(Path dir, String base, List<Table> tables, Style s) throws IOException {
        return switch (s.format) {
            case PDF -> writePdf(dir, base + ".pdf", tables, s);
            case XLSX -> writeWorkbook(dir, base + ".xlsx", tables, s, new XSSFWorkbook());
            case XLS -> writeWorkbook(dir, base + ".xls", tables, s, new HSSFWorkbook());
            case CSV_UTF8 -> writeCsv(dir, base + ".csv", tables, s, StandardCharsets.UTF_8);
            case CSV_SJIS -> writeCsv(dir, base + ".csv", tables, s, Charset.forName("windows-31j"));
        };
    }

    /** A piece of text placed on a page: from the top-left, in points. */
    record Placed(float x, float y, float size, String text) {
    }

    static float width(String text, float size) {
        float w = 0;
        for (char c : text.toCharArray()) {
            w += c >= 0x20 && c <= 0x7E ? 0.5f : 1f;
        }
        return w * size;
    }

    /** Lays the tables out on A4 pages. */
    static List<List<Placed>> layout(List<Table> tables, Style s) {
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        pages.add(page);
        float size = s.twoColumn ? 8f : 9f;
        float lineH = size * 1.55f;
        float y = 50;
        float pageW = PDRectangle.A4.getWidth();
        for (Table t : tables) {
            int n = t.valueColumns();
            boolean twoColumn = s.twoColumn && t.rows().stream().anyMatch(r -> r.rightText() != null);
            // columns as wide as their widest amount (full-width digits take twice the room)
            float widest = 0;
            for (GRow row : t.rows()) {
                for (Long v : row.values()) {
                    widest = Math.max(widest, width(amount(v, s), size));
                }
            }
            float colW = Math.max(twoColumn ? 72 : 100, widest + 2 * size);
            float[] rights = new float[n];
            float[] rightsR = new float[n];
            float half = pageW / 2;
            // the first amount column starts at least an em after the longest label
            float labels = 0;
            for (GRow row : t.rows()) {
                if (row.kind() == Kind.DATA && row.text() != null && !row.values().isEmpty()) {
                    labels = Math.max(labels, row.level() * size + width(row.text(), size));
                }
            }
            float shift = twoColumn ? 0 : Math.max(0, 40 + labels + size + widest - ((pageW - 45) - (n - 1) * colW));
            for (int i = 0; i < n; i++) {
                rights[i] = (twoColumn ? half - 8 : pageW - 45) - (n - 1 - i) * colW + shift;
                rightsR[i] = pageW - 40 - (n - 1 - i) * colW;
            }
            for (GRow row : t.rows()) {
                if (row.kind() == Kind.PAGE_BREAK || y > PDRectangle.A4.getHeight() - 50) {
                    if (!page.isEmpty()) {
                        page = new ArrayList<>();
                        pages.add(page);
                    }
                    y = 50;
                    if (row.kind() == Kind.PAGE_BREAK) {
                        continue;
                    }
                }
                switch (row.kind()) {
                    case TITLE -> {
                        float ts = size + 5;
                        page.add(new Placed((pageW - width(row.text(), ts)) / 2, y + 4, ts, row.text()));
                        y += lineH + 6;
                    }
                    case TEXT, NOTE -> {
                        boolean centred = row.kind() == Kind.TEXT && (row.text().contains("現在") || row.text().contains("至")
                                || row.text().contains("決算日") || row.text().endsWith("年度"));
                        page.add(new Placed(centred ? (pageW - width(row.text(), size)) / 2 : 40, y, size, row.text()));
                        y += lineH;
                    }
                    case UNIT -> {
                        page.add(new Placed(pageW - 40 - width(row.text(), size), y, size, row.text()));
                        y += lineH;
                    }
                    case BLANK -> y += lineH;
                    case HEADER -> {
                        List<String> h = row.headers();
                        for (int side = 0; side < (twoColumn ? 2 : 1); side++) {
                            float[] rr = side == 0 ? rights : rightsR;
                            for (int i = 0; i < h.size(); i++) {
                                float hs = width(h.get(i), size) > colW - 6 ? size - 2 : size;
                                float hw = width(h.get(i), hs);
                                float right = rr[Math.min(i, rr.length - 1)];
                                page.add(new Placed(right - Math.min(colW - 4, (colW + hw) / 2), y, hs, h.get(i)));
                            }
                        }
                        y += lineH;
                    }
                    case DATA -> {
                        placeData(page, row.text(), row.level(), row.values(), 40, rights, y, size, s);
                        if (row.rightText() != null) {
                            placeData(page, row.rightText(), row.rightLevel(), row.rightValues(), half + 5, rightsR, y, size, s);
                        }
                        y += lineH;
                    }
                    default -> {
                    }
                }
            }
            y += lineH;
        }
        return pages;
    }

    private static void placeData(List<Placed> page, String label, int level, List<Long> values, float left, float[] rights, float y,
                                  float size, Style s) {
        if (label == null || label.isEmpty()) {
            return;
        }
        float x = left + (label.startsWith("　") ? 0 : level * size);
        String text = label;
        if (s.leaders > 0 && !values.isEmpty()) {
            float end = rights[0] - width(amount(values.get(0), s), size) - (s.leaders == 1 ? size : size * 0.2f);
            int dots = (int) ((end - x - width(text, size)) / size);
            if (dots > 2) {
                text = text + "…".repeat(dots);
            }
        }
        page.add(new Placed(x, y, size, text));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            String a = amount(values.get(i), s);
            page.add(new Placed(rights[Math.min(i, rights.length - 1)] - width(a, size), y, size, a));
        }
    }

    String writePdf(Path dir, String name, List<Table> tables, Style s) throws IOException {
        List<List<Placed>> pages = layout(tables, s);
        Path file = dir.resolve(name);
        if (s.scanned) {
            writeScan(file, pages);
            return name;
        }
        PdfFixture pdf = new PdfFixture();
        for (List<Placed> p : pages) {
            pdf.page();
            for (Placed t : p) {
                pdf.text(t.x(), t.y(), t.size(), t.text());
            }
        }
        pdf.save(file);
        return name;
    }

    private static Font notoFont;

    private static synchronized Font noto() throws IOException {
        if (notoFont == null) {
            try {
                Font[] fonts = Font.createFonts(new java.io.File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));
                notoFont = java.util.Arrays.stream(fonts).filter(f -> f.getFontName().equals("Noto Sans CJK JP")).findFirst().orElse(fonts[0]);
            } catch (java.awt.FontFormatException e) {
                throw new IOException(e);
            }
        }
        return notoFont;
    }

    /** An image-only PDF: each page drawn in Noto Sans CJK JP at 200 dpi, slightly rotated like a scanner feed. */
    static void writeScan(Path file, List<List<Placed>> pages) throws IOException {
        float dpi = 200;
        float k = dpi / 72f;
        try (PDDocument doc = new PDDocument()) {
            for (List<Placed> p : pages) {
                int w = (int) (PDRectangle.A4.getWidth() * k);
                int h = (int) (PDRectangle.A4.getHeight() * k);
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.rotate(Math.toRadians(0.3), w / 2.0, h / 2.0);
                g.setColor(Color.BLACK);
                for (Placed t : p) {
                    g.setFont(noto().deriveFont(t.size() * k));
                    // right-aligned amounts keep their right edge with the real glyph widths
                    float x = t.x() * k;
                    if (jp.shinsa.ingest.text.Amounts.isAmount(t.text())) {
                        float right = (t.x() + width(t.text(), t.size())) * k;
                        x = right - g.getFontMetrics().stringWidth(t.text());
                    }
                    g.drawString(t.text(), x, t.y() * k);
                }
                g.dispose();
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                var image = JPEGFactory.createFromImage(doc, img, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
    }

    String writeWorkbook(Path dir, String name, List<Table> tables, Style s, Workbook wb) throws IOException {
        CellStyle numberStyle = wb.createCellStyle();
        numberStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0;\"△\"#,##0"));
        Sheet sheet = null;
        int rowNo = 0;
        for (Table t : tables) {
            if (sheet == null || s.split == Split.SHEETS) {
                sheet = wb.createSheet(t.name());
                rowNo = s.messy ? 2 : 0;
            } else {
                rowNo += 2;
            }
            // messy sheets indent by column (A, B, C) and print the values from column E
            int labelCols = s.messy ? 4 : 1;
            int firstValue = labelCols + (s.messy ? 0 : 0);
            int lastCol = firstValue + t.valueColumns() - 1 + (s.twoColumn ? labelCols + t.valueColumns() : 0);
            for (GRow row : t.rows()) {
                Row r = sheet.createRow(rowNo);
                switch (row.kind()) {
                    case TITLE, TEXT, NOTE -> {
                        int col = row.kind() == Kind.TITLE && s.messy ? 1 : 0;
                        r.createCell(col).setCellValue(row.text());
                        if (s.messy && row.kind() == Kind.TITLE && lastCol > col) {
                            sheet.addMergedRegion(new CellRangeAddress(rowNo, rowNo, col, lastCol));
                        }
                    }
                    case UNIT -> r.createCell(lastCol).setCellValue(row.text());
                    case HEADER -> {
                        if (s.messy) {
                            r.createCell(0).setCellValue("科　　目");
                            sheet.addMergedRegion(new CellRangeAddress(rowNo, rowNo, 0, labelCols - 1));
                        } else {
                            r.createCell(0).setCellValue("科目");
                        }
                        for (int i = 0; i < row.headers().size(); i++) {
                            r.createCell(firstValue + i).setCellValue(row.headers().get(i));
                        }
                    }
                    case DATA -> {
                        writeDataCells(sheet, r, rowNo, row.text(), row.level(), row.values(), 0, labelCols, s, numberStyle);
                        if (row.rightText() != null) {
                            writeDataCells(sheet, r, rowNo, row.rightText(), row.rightLevel(), row.rightValues(),
                                    labelCols + t.valueColumns(), labelCols, s, numberStyle);
                        }
                    }
                    default -> {
                    }
                }
                rowNo++;
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(name)); wb) {
            wb.write(out);
        }
        return name;
    }

    private static void writeDataCells(Sheet sheet, Row r, int rowNo, String label, int level, List<Long> values, int first, int labelCols,
                                       Style s, CellStyle numberStyle) {
        if (label == null || label.isEmpty()) {
            return;
        }
        int col = first + (s.messy ? Math.min(level, labelCols - 1) : 0);
        r.createCell(col).setCellValue(s.messy ? label : "　".repeat(level) + label);
        if (s.messy && col < first + labelCols - 1) {
            sheet.addMergedRegion(new CellRangeAddress(rowNo, rowNo, col, first + labelCols - 1));
        }
        for (int i = 0; i < values.size(); i++) {
            var c = r.createCell(first + labelCols + i);
            if (s.numbersAsText) {
                c.setCellValue(amount(values.get(i), s));
            } else {
                c.setCellValue(values.get(i));
                c.setCellStyle(numberStyle);
            }
        }
    }

    String writeCsv(Path dir, String name, List<Table> tables, Style s, Charset cs) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Table t : tables) {
            int width = 1 + t.valueColumns();
            for (GRow row : t.rows()) {
                List<String> f = new ArrayList<>();
                switch (row.kind()) {
                    case TITLE, TEXT, NOTE -> f.add(row.text());
                    case UNIT -> {
                        for (int i = 0; i < width - 1; i++) {
                            f.add("");
                        }
                        f.add(row.text());
                    }
                    case HEADER -> {
                        f.add("科目");
                        f.addAll(row.headers());
                    }
                    case DATA -> {
                        f.add(row.text());
                        row.values().forEach(v -> f.add(amount(v, s)));
                        if (row.rightText() != null) {
                            f.add(row.rightText());
                            row.rightValues().forEach(v -> f.add(amount(v, s)));
                        }
                    }
                    case BLANK -> f.add("");
                    default -> {
                        continue;
                    }
                }
                b.append(String.join(",", f.stream().map(LayoutVariants::csvField).toList())).append("\r\n");
            }
            b.append("\r\n");
        }
        Files.write(dir.resolve(name), b.toString().getBytes(cs));
        return name;
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
