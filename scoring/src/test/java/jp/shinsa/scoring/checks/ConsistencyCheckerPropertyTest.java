package jp.shinsa.scoring.checks;

import static jp.shinsa.scoring.checks.ApplicationFixture.EMERGENCY;
import static jp.shinsa.scoring.checks.ApplicationFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.shinsa.models.Account;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the checker over random applications: documents that agree never raise a finding,
 * and one altered figure raises exactly one alarm, with the code and keys findings.md gives for it,
 * everything else being an INFO consequence of that alarm. Named {@code …Test} so Surefire's default
 * includes pick it up; the jqwik engine runs it beside JUnit Jupiter.
 */
class ConsistencyCheckerPropertyTest {
    private final ConsistencyChecker checker = new ConsistencyChecker();

    /** How the documents are laid out: copies in yen or 千円, statements with or without FY2023. */
    record Layout(long seed, long offset, long inputSheetUnit, long comparisonUnit, boolean priorYear) {
        ApplicationFixture fixture() {
            ApplicationFixture f = ApplicationFixture.aBalancedApplication(seed, offset)
                    .withUnit(DocumentType.INPUT_SHEET, inputSheetUnit).withUnit(DocumentType.BS_COMPARISON, comparisonUnit);
            return priorYear ? f.withPriorYearInStatements() : f;
        }
    }

    record Alteration(DocumentType document, String account, int year, long by) {
    }

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<Long> offsets = Arbitraries.longs().between(1, 999).filter(o -> o != 500);
        Arbitrary<Long> units = Arbitraries.of(1L, 1000L);
        return Combinators.combine(Arbitraries.longs(), offsets, units, units, Arbitraries.of(true, false))
                .as(Layout::new);
    }

    @Provide
    Arbitrary<Alteration> alterations() {
        List<Alteration> targets = new ArrayList<>();
        for (Account a : Catalogs.accounts().values()) {
            boolean memo = a.parent() == null && Catalogs.childrenOf(a.code()).isEmpty();
            if (!memo) {
                // a memo line (うち減価償却費) has no arithmetic; with one other copy nothing tells which is wrong
                targets.add(new Alteration(DocumentType.FINANCIAL_STATEMENTS, a.code(), YEAR, 0));
                targets.add(new Alteration(DocumentType.FINANCIAL_STATEMENTS, a.code(), YEAR - 1, 0));
            }
            if (a.isBalanceSheet()) {
                targets.add(new Alteration(DocumentType.BS_COMPARISON, a.code(), YEAR, 0));
                targets.add(new Alteration(DocumentType.BS_COMPARISON, a.code(), YEAR - 1, 0));
            }
        }
        ApplicationFixture.INPUT_SHEET_ACCOUNTS.forEach(a -> targets.add(new Alteration(DocumentType.INPUT_SHEET, a, YEAR, 0)));
        Arbitrary<Long> by = Arbitraries.longs().between(2_000, 900_000_000).map(v -> v / 1000 * 1000)
                .flatMap(v -> Arbitraries.of(v, -v));
        return Combinators.combine(Arbitraries.of(targets), by)
                .as((t, d) -> new Alteration(t.document(), t.account(), t.year(), d));
    }

    @Property(tries = 300)
    void consistent_statements_never_raise_a_finding(@ForAll("layouts") Layout layout) {
        assertThat(checker.check(layout.fixture().build(), EMERGENCY)).isEmpty();
    }

    @Property(tries = 600)
    void a_single_altered_figure_raises_the_right_code_with_the_right_keys(@ForAll("layouts") Layout layout,
                                                                          @ForAll("alterations") Alteration change) {
        // FY2023 figures are checked against the statements only when these state FY2023
        Assume.that(change.year() == YEAR || layout.priorYear());
        ApplicationFixture app = layout.fixture();
        long printed = ApplicationFixture.round(app.value(change.account(), change.year()), app.unitOf(change.document()));
        app.withFigure(change.document(), change.account(), change.year(), printed + change.by());

        List<Finding> findings = checker.check(app.build(), EMERGENCY);

        List<Finding> alarms = findings.stream().filter(Finding::isAlarm).toList();
        assertThat(alarms).as("alarms for %s in %s", change, findings.stream()
                .map(f -> f.severity() + " " + ConsistencyChecker.causeKey(f)).toList()).hasSize(1);
        Finding alarm = alarms.get(0);
        Expected want = expected(change);
        assertThat(alarm.code()).as("code for %s", change).isEqualTo(want.code());
        assertThat(alarm.account()).as("account for %s", change).isEqualTo(want.account());
        assertThat(alarm.fiscalYear()).isEqualTo(change.year());
        assertThat(alarm.file()).isEqualTo(ApplicationFixture.fileOf(change.document()));
        assertThat(findings).filteredOn(f -> f != alarm)
                .allSatisfy(f -> assertThat(f.cause()).isEqualTo(ConsistencyChecker.causeKey(alarm)));
    }

    @Property(tries = 100)
    void an_altered_increase_raises_a_delta_mismatch_for_its_account(@ForAll("layouts") Layout layout,
                                                                     @ForAll @IntRange(min = 0, max = 29) int index,
                                                                     @ForAll @LongRange(min = 1, max = 50_000) long thousands) {
        String account = Catalogs.accounts().values().stream().filter(Account::isBalanceSheet).toList().get(index).code();
        ApplicationFixture app = layout.fixture();
        long unit = app.unitOf(DocumentType.BS_COMPARISON);
        long delta = ApplicationFixture.round(app.value(account, YEAR), unit)
                - ApplicationFixture.round(app.value(account, YEAR - 1), unit);
        List<Finding> findings = checker.check(app.withDelta(account, delta + thousands * 1000).build(), EMERGENCY);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.COMPARISON_DELTA_MISMATCH);
            assertThat(f.account()).isEqualTo(account);
            assertThat(f.file()).isEqualTo(ApplicationFixture.COMPARISON);
        });
    }

    private record Expected(FindingCode code, String account) {
    }

    /** findings.md, stated plainly: what a correct reviewer raises for one altered figure. */
    private static Expected expected(Alteration change) {
        switch (change.document()) {
            case INPUT_SHEET:
                return new Expected(FindingCode.INPUT_SHEET_MISMATCH, change.account());
            case BS_COMPARISON:
                return new Expected(FindingCode.BS_COMPARISON_MISMATCH, change.account());
            default:
                break;
        }
        if (change.account().equals("total_assets") || change.account().equals("total_liabilities_and_net_assets")) {
            return new Expected(FindingCode.BS_IMBALANCE, null);
        }
        Account a = Catalogs.account(change.account()).orElseThrow();
        FindingCode arithmetic = a.isBalanceSheet() ? FindingCode.SUBTOTAL_MISMATCH : FindingCode.PL_CASCADE_MISMATCH;
        // a stated subtotal that is wrong is named itself; a wrong component is named by its subtotal
        return new Expected(arithmetic, Catalogs.childrenOf(a.code()).isEmpty() ? a.parent() : a.code());
    }
}
