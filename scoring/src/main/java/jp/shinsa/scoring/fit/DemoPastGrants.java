package jp.shinsa.scoring.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.shinsa.models.GrantDecision;
import jp.shinsa.models.PastGrant;

/**
 * The project's own demo past grants, so a fresh installation can train and show purpose fit
 * without real data. Generated deterministically from a seed: all names, makers and prices are
 * fictional. Contents (see docs/decisions/006-purpose-fit.md):
 * <ul>
 * <li>five programs of programs.csv, FY2016–2023, ids {@code DEMO-yyyy-nnnn};</li>
 * <li>about 60% requests of an item type that serves the program: mostly AWARDED, some REDUCED
 *     (基準単価を超えるため減額, price above the reference), a few REJECTED (label noise as in real data);</li>
 * <li>about 15% requests of another program's equipment: REJECTED 事業目的に合致しない (a few awarded);</li>
 * <li>about 25% ineligible whatever the program: consumables (消耗品のため対象外), upkeep
 *     (維持管理費のため対象外), construction (工事費は対象外), general-purpose goods (汎用品のため対象外),
 *     and vehicles outside the remote-care program (車両は巡回・搬送事業以外は対象外).</li>
 * </ul>
 */
public final class DemoPastGrants {
    public static final long DEFAULT_SEED = 20261124L;
    public static final int DEFAULT_SIZE = 1000;

    private record Type(String program, String[] names, String prefix, String[] descriptors, String[] makers,
                        long medianPrice, String ineligibleReason) {
    }

    private static final String[] MED = {"三和医科工業", "光陽精機", "北斗医療機器", "アスカメディカル", "東邦メディテック",
        "大和ライフサイエンス", "センチュリーメディカル", "みなと医科", "昭栄医理科", "富嶽メディカルシステムズ"};
    private static final String[] IT = {"セキュアリンク", "ネットシールド", "ブルーウォール", "データキーパー", "富士見情報システム",
        "サイバーガード"};
    private static final String[] CAR = {"東和自動車", "みずほ特装", "大洋モータース", "中央ボディ工業"};
    private static final String[] GOODS = {"スター電機", "ミナミ電器", "丸菱ファニチャー", "ハヤシ家具製作所", "白鳥衛生材料",
        "メディサプライ", "菱和電機", "東都建設", "明和工務店"};

    private static final List<Type> TYPES = List.of(
        // emergency
        t("emergency", new String[] {"人工呼吸器", "成人用人工呼吸器", "人工呼吸器（ICU用）"}, "VX", new String[] {"NPPV機能付", "搬送対応", ""}, MED, 4_800_000),
        t("emergency", new String[] {"除細動器", "体外式除細動器"}, "DF", new String[] {"ペーシング機能付", "モニタ一体型", ""}, MED, 2_300_000),
        t("emergency", new String[] {"生体情報モニタ", "ベッドサイドモニタ"}, "BM", new String[] {"送信機能付", "救急外来用", ""}, MED, 3_200_000),
        t("emergency", new String[] {"救急用超音波診断装置", "救急外来用エコー"}, "US", new String[] {"FAST検査対応", ""}, MED, 4_600_000),
        t("emergency", new String[] {"ビデオ喉頭鏡", "気管挿管用ビデオ喉頭鏡"}, "VL", new String[] {"ディスプレイ一体型", ""}, MED, 780_000),
        t("emergency", new String[] {"自動心臓マッサージ器", "胸骨圧迫装置"}, "CP", new String[] {"バンド式", "ピストン式", ""}, MED, 3_000_000),
        t("emergency", new String[] {"血液ガス分析装置", "POCT血液ガス分析装置"}, "BG", new String[] {"カートリッジ式", "乳酸値測定対応"}, MED, 2_500_000),
        t("emergency", new String[] {"救急用ストレッチャー", "ストレッチャー（救急外来用）"}, "ST", new String[] {"X線透過天板", "油圧昇降"}, MED, 700_000),
        // perinatal
        t("perinatal", new String[] {"分娩監視装置", "分娩監視装置（CTG）"}, "CT", new String[] {"双胎対応", ""}, MED, 1_800_000),
        t("perinatal", new String[] {"閉鎖型保育器", "保育器（閉鎖式）"}, "IN", new String[] {"体重計内蔵", ""}, MED, 4_200_000),
        t("perinatal", new String[] {"新生児用人工呼吸器", "新生児人工呼吸器"}, "NV", new String[] {"HFO機能付", ""}, MED, 6_000_000),
        t("perinatal", new String[] {"光線治療器", "新生児光線治療器"}, "PH", new String[] {"LED式", "ブランケット型", ""}, MED, 1_100_000),
        t("perinatal", new String[] {"産科用超音波診断装置", "産婦人科用エコー"}, "OB", new String[] {"胎児計測ソフト", ""}, MED, 6_200_000),
        t("perinatal", new String[] {"分娩台", "分娩台（電動式）"}, "DT", new String[] {"脚台着脱式", ""}, MED, 3_200_000),
        // infection
        t("infection", new String[] {"PCR検査装置", "全自動PCR検査装置", "リアルタイムPCR装置"}, "PR", new String[] {"4チャネル", "迅速モード", ""}, MED, 6_500_000),
        t("infection", new String[] {"全自動核酸抽出装置", "核酸抽出装置"}, "NE", new String[] {"磁気ビーズ法", "96検体"}, MED, 4_500_000),
        t("infection", new String[] {"簡易陰圧装置", "ポータブル陰圧装置"}, "NP", new String[] {"HEPAフィルター付", "ダクト接続型"}, MED, 1_200_000),
        t("infection", new String[] {"HEPAフィルター付空気清浄機", "医療用空気清浄機"}, "AC", new String[] {"紫外線ランプ併用", "床置型", ""}, MED, 520_000),
        t("infection", new String[] {"抗原定量検査装置", "感染症迅速診断装置"}, "AG", new String[] {"全自動", ""}, MED, 2_800_000),
        // remote
        t("remote", new String[] {"巡回診療車", "巡回診療用車両"}, "MC", new String[] {"診察室架装", "X線装置搭載", ""}, CAR, 14_500_000),
        t("remote", new String[] {"患者搬送車", "患者等搬送車"}, "PV", new String[] {"ストレッチャー対応", "四輪駆動"}, CAR, 8_000_000),
        t("remote", new String[] {"遠隔画像伝送システム", "遠隔画像診断システム"}, "TR", new String[] {"DICOM対応", "暗号化通信"}, IT, 4_000_000),
        t("remote", new String[] {"ポータブルX線撮影装置", "回診用X線撮影装置"}, "MX", new String[] {"無線FPD", ""}, MED, 11_000_000),
        // cyber
        t("cyber", new String[] {"次世代ファイアウォール", "ファイアウォール（次世代型）"}, "FW", new String[] {"冗長構成", "IPS機能付"}, IT, 3_200_000),
        t("cyber", new String[] {"UTM（統合脅威管理装置）", "UTM装置"}, "UT", new String[] {"中規模向け", "冗長構成"}, IT, 1_500_000),
        t("cyber", new String[] {"バックアップストレージ", "イミュータブルバックアップストレージ"}, "BK", new String[] {"48TB", "イミュータブル"}, IT, 6_000_000),
        t("cyber", new String[] {"EDRソフトウェア", "エンドポイントセキュリティ（EDR）"}, "ED", new String[] {"500端末", "300端末"}, IT, 1_900_000),
        t("cyber", new String[] {"医療情報システム用サーバ", "基幹系サーバ（二重化）"}, "SV", new String[] {"UPS付", "仮想化基盤"}, IT, 6_200_000),
        // ineligible whatever the program
        t(null, new String[] {"ディスポーザブル手袋・マスク", "感染対策消耗品（手袋・マスク）", "滅菌ガーゼ一式"}, "GM", new String[] {""}, GOODS, 150_000, "消耗品のため対象外"),
        t(null, new String[] {"電子カルテ保守費用", "ウイルス対策ソフト年間更新料", "医療機器点検委託費"}, "EM", new String[] {"1年"}, GOODS, 1_500_000, "維持管理費のため対象外"),
        t(null, new String[] {"来院者駐車場舗装工事", "病棟内装改修工事", "空調設備工事"}, "PK", new String[] {""}, GOODS, 4_500_000, "工事費は対象外"),
        t(null, new String[] {"事務用パソコン", "冷蔵庫（一般用）", "応接セット", "休憩室家具", "洗濯機（職員用）"}, "RF", new String[] {""}, GOODS, 300_000, "汎用品のため対象外"),
        t("not-remote", new String[] {"送迎用マイクロバス", "公用車（乗用）"}, "MB", new String[] {"ディーゼル", ""}, CAR, 7_000_000, "車両は巡回・搬送事業以外は対象外"));

    private static final String[] PROGRAMS = {"emergency", "perinatal", "infection", "remote", "cyber"};
    private static final String[] APPLICANTS = {"医療法人社団", "医療法人社団", "医療法人財団", "社会医療法人"};

    private DemoPastGrants() {
    }

    /** {@value #DEFAULT_SIZE} decisions from {@value #DEFAULT_SEED}. */
    public static List<PastGrant> standard() {
        return generate(DEFAULT_SEED, DEFAULT_SIZE);
    }

    public static List<PastGrant> generate(long seed, int size) {
        Random r = new Random(seed);
        List<PastGrant> out = new ArrayList<>(size);
        int[] perYear = new int[2030];
        for (int i = 0; i < size; i++) {
            int year = 2016 + i * 8 / Math.max(1, size);
            String program = PROGRAMS[r.nextInt(PROGRAMS.length)];
            double u = r.nextDouble();
            Type type;
            if (u < 0.60) {
                type = pick(r, t -> program.equals(t.program()));
            } else if (u < 0.75) {
                type = pick(r, t -> t.ineligibleReason() == null && !program.equals(t.program()));
            } else {
                type = pick(r, t -> t.ineligibleReason() != null && !("remote".equals(program) && "not-remote".equals(t.program())));
            }
            String name = type.names()[r.nextInt(type.names().length)];
            String desc = type.descriptors()[r.nextInt(type.descriptors().length)];
            String spec = type.prefix() + "-" + (100 + r.nextInt(30) * 10) * (r.nextBoolean() ? 1 : 10)
                    + new String[] {"", "A", "S", "EX", "Pro", "II"}[r.nextInt(6)] + (desc.isEmpty() ? "" : "（" + desc + "）");
            String maker = type.makers()[r.nextInt(type.makers().length)];
            long price = roundPrice(type.medianPrice() * Math.exp(r.nextGaussian() * 0.22));
            GrantDecision decision;
            String reason = "";
            if (type.ineligibleReason() != null) {
                decision = r.nextDouble() < 0.03 ? GrantDecision.AWARDED : GrantDecision.REJECTED;
                reason = decision == GrantDecision.REJECTED ? type.ineligibleReason() : "";
            } else if (program.equals(type.program())) {
                double d = r.nextDouble();
                if (d < 0.09) {
                    decision = GrantDecision.REDUCED;
                    reason = "基準単価を超えるため減額";
                    price = roundPrice(price * 1.35);
                } else if (d < 0.14) {
                    decision = GrantDecision.REJECTED;
                    reason = r.nextBoolean() ? "汎用品のため対象外" : "事業目的に合致しない";
                } else {
                    decision = GrantDecision.AWARDED;
                }
            } else {
                decision = r.nextDouble() < 0.05 ? GrantDecision.AWARDED : GrantDecision.REJECTED;
                reason = decision == GrantDecision.REJECTED ? "事業目的に合致しない" : "";
            }
            long quantity = price > 3_000_000 ? 1 : 1 + r.nextInt(3);
            String id = String.format("DEMO-%d-%04d", year, ++perYear[year]);
            out.add(new PastGrant(id, year, program, APPLICANTS[r.nextInt(APPLICANTS.length)], name, spec, maker,
                    quantity, price, quantity * price, decision, reason));
        }
        return List.copyOf(out);
    }

    private static Type pick(Random r, java.util.function.Predicate<Type> p) {
        List<Type> c = TYPES.stream().filter(p).toList();
        return c.get(r.nextInt(c.size()));
    }

    private static long roundPrice(double v) {
        return Math.max(1000, Math.round(v / 1000) * 1000);
    }

    private static Type t(String program, String[] names, String prefix, String[] descriptors, String[] makers,
                          long median) {
        return new Type(program, names, prefix, descriptors, makers, median, null);
    }

    private static Type t(String program, String[] names, String prefix, String[] descriptors, String[] makers,
                          long median, String reason) {
        return new Type(program, names, prefix, descriptors, makers, median, reason);
    }
}
