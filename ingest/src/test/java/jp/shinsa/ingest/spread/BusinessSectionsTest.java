package jp.shinsa.ingest.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.PrintedPart;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.Test;

/**
 * The 医療法人 事業報告書 income statement of a hospital with 本来業務, 附帯業務 and 収益業務 (様式), as a sheet
 * prints it (labels in columns by level, two years): every business's 事業収益 rolls up into 医業収益,
 * its 事業費用 into 医業費用, the businesses' own profits are intermediate rows (docs/decisions/024).
 */
class BusinessSectionsTest {
    private static final int FY = 2024;
    private static final String FILE = "決算書.xlsx";

    /** label, level, value of the earlier year (the later year prints twice as much: every identity holds in both or neither). */
    private static List<StatementRow> rows(Object... labelLevelValue) {
        List<StatementRow> rows = new ArrayList<>();
        for (int k = 0; k < labelLevelValue.length; k += 3) {
            int i = rows.size();
            Long v = (Long) labelLevelValue[k + 2];
            Map<Integer, Long> values = v == null ? Map.of() : Map.of(FY - 1, v, FY, 2 * v);
            Map<Integer, SourceLocation> at = v == null ? Map.of()
                    : Map.of(FY - 1, SourceLocation.ofCell(FILE, "損益計算書", "F" + (i + 1)), FY, SourceLocation.ofCell(FILE, "損益計算書", "G" + (i + 1)));
            int level = (Integer) labelLevelValue[k + 1];
            rows.add(new StatementRow(FILE, i, (String) labelLevelValue[k], List.of(), level, values, null,
                    SourceLocation.ofCell(FILE, "損益計算書", (char) ('A' + level) + "" + (i + 1)), RowMapping.unmapped(List.of(), new Text("", "")),
                    at, null));
        }
        return rows;
    }

    /** The form with three businesses; {@code mainRevenueTotal} is what 本来業務's 事業収益計 prints (its lines add up to 940). */
    private static List<StatementRow> threeBusinesses(long mainRevenueTotal) {
        return rows("損益計算書", 0, null,
                "Ⅰ　事業損益", 0, null,
                "A　本来業務事業損益", 0, null,
                "1　事業収益", 1, null,
                "入院診療収益", 2, 600L,
                "外来診療収益", 2, 300L,
                "その他の医業収益", 2, 40L,
                "事業収益計", 1, mainRevenueTotal,
                "2　事業費用", 1, null,
                "(1)　事業費", 2, null,
                "材料費", 3, 200L,
                "給与費", 3, 450L,
                "委託費", 3, 50L,
                "設備関係費", 3, 80L,
                "うち減価償却費", 4, 30L,
                "経費", 3, 60L,
                "(2)　本部費", 2, 20L,
                "事業費用計", 1, 860L,
                "本来業務事業利益", 1, 80L,
                "B　附帯業務事業損益", 0, null,
                "1　事業収益", 1, 70L,
                "2　事業費用", 1, 65L,
                "附帯業務事業利益", 1, 5L,
                "C　収益業務事業損益", 0, null,
                "1　事業収益", 1, 30L,
                "2　事業費用", 1, 20L,
                "収益業務事業利益", 1, 10L,
                "事業利益", 0, 95L,
                "Ⅱ　事業外損益", 0, null,
                "事業外収益", 1, 15L,
                "事業外費用", 1, 10L,
                "経常利益", 0, 100L,
                "Ⅲ　特別損益", 0, null,
                "特別利益", 1, 5L,
                "特別損失", 1, 5L,
                "税引前当期純利益", 0, 100L,
                "法人税等", 0, 30L,
                "当期純利益", 0, 70L);
    }

    private static StatementSpreader.Spread spread(List<StatementRow> rows) {
        return StatementSpreader.spread(FILE, DocumentType.FINANCIAL_STATEMENTS, 1, false, rows, LearnedMappings.none());
    }

    private static Figure figure(StatementSpreader.Spread s, String account, int year) {
        return s.figures().stream().filter(f -> f.account().equals(account) && f.fiscalYear() == year).findFirst().orElseThrow();
    }

    /** Chart identities (parent = signed sum of its printed children) that fail among the figures, as "parent@year". */
    private static List<String> failingIdentities(StatementSpreader.Spread s) {
        Map<String, Long> v = new HashMap<>();
        s.figures().forEach(f -> v.put(f.account() + "@" + f.fiscalYear(), f.value()));
        List<String> failing = new ArrayList<>();
        for (Account parent : Catalogs.accounts().values()) {
            for (int y = FY - 1; y <= FY; y++) {
                Long total = v.get(parent.code() + "@" + y);
                long sum = 0;
                int known = 0;
                for (Account c : Catalogs.childrenOf(parent.code())) {
                    Long x = v.get(c.code() + "@" + y);
                    if (x != null) {
                        sum += c.sign() * x;
                        known++;
                    }
                }
                if (total != null && known > 0 && total != sum) {
                    failing.add(parent.code() + "@" + y);
                }
            }
        }
        return failing;
    }

    @Test
    void should_roll_every_business_revenue_and_expense_into_the_medical_accounts() {
        StatementSpreader.Spread s = spread(threeBusinesses(940L));

        assertThat(List.of("medical_revenue", "medical_expenses", "medical_profit", "other_medical_revenue", "other_medical_expenses",
                "inpatient_revenue", "material_costs", "depreciation", "ordinary_profit", "extraordinary_gains"))
                .extracting(a -> figure(s, a, FY - 1).value())
                .containsExactly(1040L, 945L, 95L, 140L, 165L, 600L, 200L, 30L, 100L, 5L);
        assertThat(figure(s, "medical_revenue", FY).value()).isEqualTo(2080L);
        assertThat(figure(s, "medical_revenue", FY - 1).derivedFrom()).extracting(PrintedPart::label, PrintedPart::value)
                .containsExactly(tuple("事業収益計", 940L), tuple("1　事業収益", 70L), tuple("1　事業収益", 30L));
        assertThat(figure(s, "medical_expenses", FY - 1).derivedFrom()).extracting(PrintedPart::label, PrintedPart::value)
                .containsExactly(tuple("事業費用計", 860L), tuple("2　事業費用", 65L), tuple("2　事業費用", 20L));
        assertThat(figure(s, "other_medical_revenue", FY - 1).derivedFrom()).extracting(PrintedPart::label)
                .containsExactly("その他の医業収益", "1　事業収益", "1　事業収益");
        assertThat(figure(s, "other_medical_expenses", FY - 1).derivedFrom()).extracting(PrintedPart::label)
                .containsExactly("経費", "(2)　本部費", "2　事業費用", "2　事業費用");
        assertThat(figure(s, "medical_profit", FY - 1).label()).isEqualTo("事業利益");
        assertThat(failingIdentities(s)).isEmpty();
    }

    @Test
    void should_keep_each_business_profit_as_an_intermediate_row_without_an_alarm() {
        StatementSpreader.Spread s = spread(threeBusinesses(940L));

        assertThat(s.unmapped()).isEmpty();
        for (String label : List.of("本来業務事業利益", "附帯業務事業利益", "収益業務事業利益")) {
            StatementRow r = s.rows().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow();
            assertThat(r.mapping().kind()).isEqualTo(RowMapping.Kind.IGNORED);
            assertThat(r.mapping().reason().ja()).contains("事業別の利益");
            assertThat(r.mapping().reason().en()).contains("business's own profit");
        }
        // every value row is read with confidence: nothing for the examiner to confirm
        assertThat(s.rows()).filteredOn(r -> !r.heading())
                .allSatisfy(r -> assertThat(r.mapping().confidence()).as(r.label()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
        assertThat(s.figures()).allSatisfy(f -> assertThat(f.confidence()).as(f.account()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN));
    }

    @Test
    void should_leave_a_misprinted_business_subtotal_to_the_medical_revenue_identity() {
        // 本来業務's 事業収益計 prints 950 where its lines add up to 940 (a typo: its profit line, 80, is right)
        StatementSpreader.Spread s = spread(threeBusinesses(950L));

        assertThat(figure(s, "medical_revenue", FY - 1).value()).isEqualTo(1050L);
        assertThat(figure(s, "medical_revenue", FY - 1).confidence()).isGreaterThanOrEqualTo(StatementSpreader.UNCERTAIN);
        assertThat(figure(s, "other_medical_revenue", FY - 1).value()).isEqualTo(140L);
        // 医業収益 ≠ 入院 + 外来 + その他, on confident figures: scoring's PL_CASCADE_MISMATCH for medical_revenue
        assertThat(failingIdentities(s)).contains("medical_revenue@" + (FY - 1), "medical_revenue@" + FY);
        assertThat(failingIdentities(s)).allMatch(f -> f.startsWith("medical_revenue@") || f.startsWith("medical_profit@"));
    }

    @Test
    void should_read_a_hospital_with_its_own_business_only_as_before() {
        StatementSpreader.Spread s = spread(rows("損益計算書", 0, null,
                "事業損益", 0, null,
                "本来業務事業損益", 0, null,
                "事業収益", 0, null,
                "入院診療収益", 1, 600L,
                "外来診療収益", 1, 300L,
                "その他の医業収益", 1, 40L,
                "事業収益計", 0, 940L,
                "事業費用", 0, null,
                "材料費", 1, 200L,
                "給与費", 1, 450L,
                "委託費", 1, 50L,
                "設備関係費", 1, 80L,
                "経費", 1, 80L,
                "事業費用計", 0, 860L,
                "事業利益", 0, 80L,
                "事業外収益", 0, 30L,
                "事業外費用", 0, 10L,
                "経常利益", 0, 100L));

        StatementRow total = s.rows().stream().filter(x -> x.label().equals("事業収益計")).findFirst().orElseThrow();
        assertThat(total.mapping().kind()).isEqualTo(RowMapping.Kind.ACCOUNT);
        assertThat(figure(s, "medical_revenue", FY - 1).derivedFrom()).isEmpty();
        assertThat(figure(s, "other_medical_expenses", FY - 1).value()).isEqualTo(80L);
        assertThat(failingIdentities(s)).isEmpty();
    }
}
