package jp.shinsa.review.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.Program;
import jp.shinsa.review.application.UploadedFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a synthetic application package as the files a hospital would send: 決算書 (BS and PL
 * sheets), 決算状況入力シート, BS実績比較, 補助金交付申請書 and 御見積書, all XLSX, in Japanese.
 * Deterministic for a seed. Some packages carry a planted inconsistency so the demo queue has
 * flagged applications. See docs/decisions/003-demo-data.md.
 */
public final class DemoPackageGenerator {
    static final String SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> INPUT_SHEET_ACCOUNTS = List.of("medical_revenue", "medical_expenses", "medical_profit",
            "ordinary_profit", "net_income", "depreciation", "current_assets", "fixed_assets", "total_assets",
            "current_liabilities", "fixed_liabilities", "total_liabilities", "net_assets", "short_term_borrowings",
            "long_term_borrowings", "cash_and_deposits");
    private static final String[] CORPORATIONS = {"医療法人社団青葉会", "医療法人財団白樺会", "社会医療法人清風会",
        "医療法人社団明和会", "医療法人財団桜台会", "医療法人社団若葉会", "社会医療法人東雲会", "医療法人社団陽光会"};
    private static final String[] FACILITIES = {"青葉中央病院", "白樺記念病院", "清風総合病院", "明和病院",
        "桜台メディカルセンター", "若葉台病院", "東雲総合病院", "陽光病院"};
    private static final String[] WARDS = {"新宿区", "世田谷区", "練馬区", "八王子市", "町田市", "江東区", "足立区", "府中市"};

    /** Item name, spec, maker, unit price, purpose — per program; the last of each list does not fit. */
    private static final Map<String, List<String[]>> ITEMS = Map.of(
            "emergency", List.of(
                    new String[] {"人工呼吸器", "VR-300（救急搬送対応）", "アスカメディカル", "4800000", "救急患者の呼吸管理のため"},
                    new String[] {"除細動器", "DF-900", "三和医科工業", "2300000", "心肺停止患者の蘇生のため"},
                    new String[] {"救急用超音波診断装置", "US-870S", "光陽精機", "4300000", "救急搬送患者の迅速な診断のため"},
                    new String[] {"事務用パソコン", "PC-100", "汎用電機", "250000", "事務作業の効率化のため"}),
            "perinatal", List.of(
                    new String[] {"新生児用人工呼吸器", "NV-50", "みなと医科", "5200000", "新生児集中治療のため"},
                    new String[] {"分娩監視装置", "CTG-20", "アスカメディカル", "1900000", "分娩管理の安全確保のため"},
                    new String[] {"閉鎖式保育器", "IC-700", "光陽精機", "3100000", "低出生体重児の管理のため"},
                    new String[] {"病棟用冷蔵庫", "RF-300", "汎用電機", "180000", "病棟での保管のため"}),
            "infection", List.of(
                    new String[] {"PCR検査装置", "PR-360（迅速モード）", "アスカメディカル", "8290000", "感染症患者の受入体制確保のため"},
                    new String[] {"陰圧個室ユニット", "IR-880Pro（差圧計付）", "昭栄医理科", "4080000", "院内感染防止のため"},
                    new String[] {"安全キャビネット", "BC-500（1300mm幅）", "みなと医科", "1600000", "検体の安全な取扱いのため"},
                    new String[] {"使い捨てガウン", "GW-970EX（100枚）", "メディサプライ", "290000", "感染対策のため"}),
            "remote", List.of(
                    new String[] {"巡回診療車", "MC-2（診療設備搭載）", "東和車体", "15800000", "へき地巡回診療のため"},
                    new String[] {"遠隔診療システム", "TM-400", "セキュアリンク", "3600000", "島しょとの遠隔診療のため"},
                    new String[] {"可搬型衛星通信装置", "SAT-10", "光陽精機", "2400000", "通信途絶時の診療継続のため"},
                    new String[] {"院内掲示用モニター", "DS-55", "汎用電機", "320000", "院内掲示のため"}),
            "cyber", List.of(
                    new String[] {"次世代ファイアウォール", "FW-7200", "セキュアリンク", "3900000", "医療情報システムの防御のため"},
                    new String[] {"バックアップストレージ", "BK-50TB（オフライン保管）", "東京ITソリューションズ", "2700000", "診療継続のためのバックアップ"},
                    new String[] {"統合ログ監視システム", "SIEM-100", "セキュアリンク", "2100000", "不正アクセスの監視のため"},
                    new String[] {"電子カルテ保守契約", "年間保守", "東京ITソリューションズ", "1200000", "電子カルテの保守のため"}));

    /** A generated package: its name, its files and what was planted (for tests). */
    public record DemoPackage(String name, List<UploadedFile> files, String planted) {
    }

    public DemoPackage generate(int index) {
        Random rnd = new Random(1000L + index);
        List<String> programs = List.copyOf(Catalogs.programs().keySet());
        String programCode = programs.get(index % programs.size());
        Program program = Catalogs.program(programCode).orElseThrow();
        int beds = 60 + rnd.nextInt(400);
        boolean distressed = index % 5 == 3;
        DemoFinancials fin = DemoFinancials.generate(rnd, beds, distressed);
        String corp = CORPORATIONS[index % CORPORATIONS.length];
        String facility = FACILITIES[index % FACILITIES.length];
        String address = "東京都" + WARDS[index % WARDS.length] + "本町" + (1 + rnd.nextInt(5)) + "丁目" + (1 + rnd.nextInt(20)) + "番";
        String planted = switch (index % 4) {
            case 1 -> "INPUT_SHEET_MISMATCH";
            case 2 -> "ITEM_AMOUNT_MISMATCH";
            default -> null;
        };
        List<String[]> catalogue = ITEMS.get(programCode);
        List<String[]> items = new ArrayList<>();
        int n = 2 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(catalogue.get((index + i) % catalogue.size()));
        }
        String name = String.format("DEMO-%04d", index + 1);
        List<UploadedFile> files = new ArrayList<>();
        files.add(xlsx("決算書_令和6年度.xlsx", statements(fin, corp)));
        files.add(xlsx("決算状況入力シート.xlsx", inputSheet(fin, corp, facility, "INPUT_SHEET_MISMATCH".equals(planted))));
        files.add(xlsx("BS実績比較.xlsx", comparison(fin, corp)));
        files.add(xlsx("補助金交付申請書.xlsx", applicationForm(program, corp, facility, address, beds, items,
                "ITEM_AMOUNT_MISMATCH".equals(planted))));
        files.add(xlsx("御見積書.xlsx", quote(corp, items)));
        return new DemoPackage(name, files, planted);
    }

    private static XSSFWorkbook statements(DemoFinancials fin, String corp) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Map<String, Long> v = fin.year(2024);
        Sheet bs = wb.createSheet("貸借対照表");
        int r = header(bs, "貸借対照表", corp, "令和7年3月31日現在");
        row(bs, r++, "科目", "金額");
        row(bs, r++, "（資産の部）");
        for (Account a : Catalogs.accounts().values()) {
            if (a.isBalanceSheet()) {
                if ("accounts_payable".equals(a.code())) {
                    row(bs, r++, "（負債の部）");
                } else if ("capital".equals(a.code())) {
                    row(bs, r++, "（純資産の部）");
                }
                row(bs, r++, a.labelJa(), v.get(a.code()));
            }
        }
        Sheet pl = wb.createSheet("損益計算書");
        r = header(pl, "損益計算書", corp, "自 令和6年4月1日 至 令和7年3月31日");
        row(pl, r++, "科目", "金額");
        for (Account a : Catalogs.accounts().values()) {
            if (!a.isBalanceSheet() && a.parent() != null || "net_income".equals(a.code())) {
                row(pl, r++, a.labelJa(), v.get(a.code()));
            }
        }
        row(pl, r++, "（参考）");
        row(pl, r++, "うち減価償却費", v.get("depreciation"));
        row(pl, r, "うち支払利息", v.get("interest_expense"));
        return wb;
    }

    private static XSSFWorkbook inputSheet(DemoFinancials fin, String corp, String facility, boolean alter) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("入力シート");
        row(s, 0, "決算状況入力シート");
        row(s, 1, "法人名", corp);
        row(s, 2, "施設名", facility);
        row(s, 3, "記入者", "経理課");
        row(s, 4, "単位", "円");
        row(s, 6, "科目", "令和4年度", "令和5年度", "令和6年度");
        int r = 7;
        for (String code : INPUT_SHEET_ACCOUNTS) {
            Account a = Catalogs.account(code).orElseThrow();
            long y2024 = fin.year(2024).get(code);
            if (alter && "current_assets".equals(code)) {
                y2024 += 900_000; // a typing error the checks must catch
            }
            row(s, r++, a.labelJa(), fin.year(2022).get(code), fin.year(2023).get(code), y2024);
        }
        return wb;
    }

    private static XSSFWorkbook comparison(DemoFinancials fin, String corp) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("BS実績比較");
        int r = header(s, "貸借対照表 実績比較", corp, "前年度：令和6年3月31日　当年度：令和7年3月31日");
        row(s, r++, "科目", "前年度（令和5年度）", "当年度（令和6年度）", "増減");
        for (Account a : Catalogs.accounts().values()) {
            if (a.isBalanceSheet()) {
                long prior = fin.year(2023).get(a.code());
                long current = fin.year(2024).get(a.code());
                row(s, r++, a.labelJa(), prior, current, current - prior);
            }
        }
        return wb;
    }

    private static XSSFWorkbook applicationForm(Program program, String corp, String facility, String address, int beds,
                                                List<String[]> items, boolean alter) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("申請書");
        row(s, 0, "様式第1号");
        row(s, 1, "補助金交付申請書（所要額調書）");
        row(s, 2, "", "", "", "", "", "", "令和7年7月10日");
        row(s, 3, "東京都知事　殿");
        row(s, 5, "法人名", corp);
        row(s, 6, "施設名", facility);
        row(s, 7, "所在地", address);
        row(s, 8, "病床数", beds + "床");
        row(s, 9, "補助事業名", program.nameJa());
        row(s, 10, "事業目的", program.purposeJa());
        row(s, 12, "No", "品名", "規格・型式", "メーカー", "数量", "単価（円）", "金額（円）", "整備目的");
        int r = 13;
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            String[] it = items.get(i);
            long price = Long.parseLong(it[3]);
            long amount = price;
            if (alter && i == 0) {
                amount += 100_000;
            }
            total += amount;
            row(s, r++, (long) (i + 1), it[0], it[1], it[2], 1L, price, amount, it[4]);
        }
        r++;
        row(s, r++, "", "", "", "", "", "合計（税込）", total);
        row(s, r++, "", "", "", "", "", "補助基準額", program.capYen());
        row(s, r++, "", "", "", "", "", "補助率", program.rate());
        row(s, r, "", "", "", "", "", "補助所要額", program.subsidyFor(total));
        return wb;
    }

    private static XSSFWorkbook quote(String corp, List<String[]> items) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("御見積書");
        row(s, 0, "御見積書");
        row(s, 1, corp + "　御中");
        row(s, 2, "", "", "", "", "令和7年6月20日");
        row(s, 3, "", "", "", "", "株式会社デモ医療機器販売");
        row(s, 5, "No", "品名", "規格・型式", "数量", "単価（税込）", "金額（税込）");
        int r = 6;
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            String[] it = items.get(i);
            long price = Long.parseLong(it[3]);
            total += price;
            row(s, r++, (long) (i + 1), it[0], it[1], 1L, price, price);
        }
        long tax = total * 10 / 110;
        r++;
        row(s, r++, "", "", "", "", "小計（税抜）", total - tax);
        row(s, r++, "", "", "", "", "消費税等（10%）", tax);
        row(s, r, "", "", "", "", "合計（税込）", total);
        return wb;
    }

    private static int header(Sheet s, String title, String corp, String asOf) {
        row(s, 0, title);
        row(s, 1, corp);
        row(s, 2, asOf);
        row(s, 3, "（単位：円）");
        return 5;
    }

    private static void row(Sheet s, int index, Object... values) {
        Row row = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Long l) {
                row.createCell(i).setCellValue(l);
            } else if (v != null && !"".equals(v)) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }

    private static UploadedFile xlsx(String name, XSSFWorkbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return new UploadedFile(name, SPREADSHEET, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
