package jp.shinsa.scoring.checks;

import static jp.shinsa.models.DocumentType.BS_COMPARISON;
import static jp.shinsa.models.DocumentType.FINANCIAL_STATEMENTS;
import static jp.shinsa.models.DocumentType.INPUT_SHEET;
import static jp.shinsa.scoring.checks.ApplicationFixture.COMPARISON;
import static jp.shinsa.scoring.checks.ApplicationFixture.EMERGENCY;
import static jp.shinsa.scoring.checks.ApplicationFixture.FORM;
import static jp.shinsa.scoring.checks.ApplicationFixture.STATEMENTS;
import static jp.shinsa.scoring.checks.ApplicationFixture.YEAR;
import static jp.shinsa.scoring.checks.ApplicationFixture.aBalancedApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Program;
import jp.shinsa.models.Severity;
import jp.shinsa.models.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsistencyCheckerTest {
    private final ConsistencyChecker checker = new ConsistencyChecker();

    private List<Finding> check(ApplicationFixture fixture) {
        return checker.check(fixture.build(), EMERGENCY);
    }

    private static List<Finding> alarms(List<Finding> findings) {
        return findings.stream().filter(Finding::isAlarm).toList();
    }

    /** The single alarm, and every other finding an INFO consequence of it. */
    private static Finding onlyAlarm(List<Finding> findings) {
        List<Finding> alarms = alarms(findings);
        assertThat(alarms).as("alarms in %s", findings.stream()
                .map(f -> f.severity() + " " + ConsistencyChecker.causeKey(f)).toList()).hasSize(1);
        Finding alarm = alarms.get(0);
        assertThat(findings).filteredOn(f -> f != alarm)
                .allSatisfy(f -> assertThat(f.cause()).isEqualTo(ConsistencyChecker.causeKey(alarm)));
        assertThat(alarm.severity()).isEqualTo(alarm.code().severity());
        assertThat(alarm.message().ja()).isNotBlank();
        assertThat(alarm.message().en()).isNotBlank();
        return alarm;
    }

    @Nested
    class Balanced {
        @Test
        void should_raise_nothing_for_an_application_whose_documents_agree() {
            assertThat(check(aBalancedApplication())).isEmpty();
        }

        @Test
        void should_raise_nothing_when_copies_are_in_thousands_and_statements_have_the_prior_year() {
            assertThat(check(aBalancedApplication().withUnit(INPUT_SHEET, 1000).withUnit(BS_COMPARISON, 1000)
                    .withPriorYearInStatements())).isEmpty();
        }

        @Test
        void should_not_treat_a_figure_that_was_not_found_as_a_mismatch() {
            assertThat(check(aBalancedApplication().withoutFigure(FINANCIAL_STATEMENTS, "medicines", YEAR)
                    .withoutFigure(INPUT_SHEET, "net_income", YEAR - 1).withoutFigure(BS_COMPARISON, "land", YEAR)))
                    .isEmpty();
        }
    }

    @Nested
    class BalanceSheet {
        @Test
        void should_flag_a_balance_sheet_whose_totals_differ_and_group_its_consequences() {
            ApplicationFixture app = aBalancedApplication();
            long stated = app.value("total_liabilities_and_net_assets", YEAR) + 3_600_000_000L;
            List<Finding> findings = check(app.withFigure(FINANCIAL_STATEMENTS, "total_liabilities_and_net_assets", YEAR, stated));

            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.BS_IMBALANCE);
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR);
            assertThat(alarm.file()).isEqualTo(STATEMENTS);
            assertThat(alarm.expected()).isEqualTo(app.value("total_assets", YEAR));
            assertThat(alarm.actual()).isEqualTo(stated);
            assertThat(alarm.message().ja()).contains("資産合計", "2024年度（令和6年度）", "3,600,000,000円");
            assertThat(findings).extracting(Finding::code).contains(FindingCode.SUBTOTAL_MISMATCH, FindingCode.BS_COMPARISON_MISMATCH);
        }
    }

    @Nested
    class RootCauses {
        @Test
        void should_keep_two_independent_errors_as_two_alarms() {
            ApplicationFixture app = aBalancedApplication();
            app.withFigure(FINANCIAL_STATEMENTS, "intangible_fixed_assets", YEAR, app.value("intangible_fixed_assets", YEAR) + 45_000_000)
                    .withFigure(BS_COMPARISON, "retirement_benefit_provision", YEAR,
                            app.value("retirement_benefit_provision", YEAR) - 100_000)
                    .withItemAmount(1, 9_700_000);
            List<Finding> findings = check(app);
            assertThat(alarms(findings)).extracting(Finding::code, Finding::account, Finding::item).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.SUBTOTAL_MISMATCH, "fixed_assets", null),
                    org.assertj.core.groups.Tuple.tuple(FindingCode.BS_COMPARISON_MISMATCH, "retirement_benefit_provision", null),
                    org.assertj.core.groups.Tuple.tuple(FindingCode.ITEM_AMOUNT_MISMATCH, null, 1));
            assertThat(findings).filteredOn(f -> !f.isAlarm()).allSatisfy(f -> assertThat(f.cause()).isNotNull());
        }
    }

    @Nested
    class Evidence {
        @Test
        void should_put_the_suspect_figure_first_and_compare_total_assets_with_the_other_side() {
            ApplicationFixture app = aBalancedApplication();
            long stated = app.value("total_assets", YEAR) + 5_000_000;
            Finding alarm = onlyAlarm(check(app.withFigure(FINANCIAL_STATEMENTS, "total_assets", YEAR, stated)));
            assertThat(alarm.code()).isEqualTo(FindingCode.BS_IMBALANCE);
            assertThat(alarm.actual()).isEqualTo(stated);
            assertThat(alarm.expected()).isEqualTo(app.value("total_liabilities_and_net_assets", YEAR));
            SourceLocation totalAssets = app.build().documents().get(0).figures().stream()
                    .filter(f -> f.account().equals("total_assets") && f.fiscalYear() == YEAR).findFirst().orElseThrow()
                    .location();
            assertThat(alarm.evidence().get(0)).isEqualTo(totalAssets);
        }
    }

    @Nested
    class Subtotals {
        @Test
        void should_flag_the_subtotal_of_an_altered_statement_component_once() {
            ApplicationFixture app = aBalancedApplication();
            long altered = app.value("intangible_fixed_assets", YEAR) - 45_000_000;
            List<Finding> findings = check(app.withFigure(FINANCIAL_STATEMENTS, "intangible_fixed_assets", YEAR, altered));

            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.SUBTOTAL_MISMATCH);
            assertThat(alarm.account()).isEqualTo("fixed_assets");
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR);
            assertThat(alarm.file()).isEqualTo(STATEMENTS);
            assertThat(alarm.actual()).isEqualTo(app.value("fixed_assets", YEAR));
            assertThat(alarm.expected()).isEqualTo(app.value("fixed_assets", YEAR) - 45_000_000);
            assertThat(alarm.message().ja()).contains("固定資産合計", "無形固定資産合計");
            assertThat(alarm.message().en()).contains("Total fixed assets", "FY2024");
            assertThat(findings).filteredOn(f -> f.code() == FindingCode.BS_COMPARISON_MISMATCH)
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.INFO);
                        assertThat(f.account()).isEqualTo("intangible_fixed_assets");
                    });
        }

        @Test
        void should_check_a_subtotal_whose_intermediate_subtotal_is_not_stated() {
            ApplicationFixture app = aBalancedApplication().withoutFigure(FINANCIAL_STATEMENTS, "tangible_fixed_assets", YEAR);
            app.withFigure(FINANCIAL_STATEMENTS, "land", YEAR, app.value("land", YEAR) + 1_000_000)
                    .withoutDocument(BS_COMPARISON);
            Finding alarm = onlyAlarm(check(app));
            assertThat(alarm.code()).isEqualTo(FindingCode.SUBTOTAL_MISMATCH);
            assertThat(alarm.account()).isEqualTo("fixed_assets");
        }
    }

    @Nested
    class ProfitAndLoss {
        @Test
        void should_flag_a_profit_line_that_is_not_what_its_parts_give() {
            ApplicationFixture app = aBalancedApplication();
            List<Finding> findings = check(app.withFigure(FINANCIAL_STATEMENTS, "medical_profit", YEAR,
                    app.value("medical_profit", YEAR) + 30_000_000));

            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.PL_CASCADE_MISMATCH);
            assertThat(alarm.account()).isEqualTo("medical_profit");
            assertThat(alarm.file()).isEqualTo(STATEMENTS);
            assertThat(alarm.expected()).isEqualTo(app.value("medical_profit", YEAR));
            // the next line down and the input sheet disagree too: consequences, not alarms
            assertThat(findings).extracting(Finding::code, Finding::account).contains(
                    org.assertj.core.groups.Tuple.tuple(FindingCode.PL_CASCADE_MISMATCH, "ordinary_profit"),
                    org.assertj.core.groups.Tuple.tuple(FindingCode.INPUT_SHEET_MISMATCH, "medical_profit"));
        }

        @Test
        void should_flag_a_revenue_breakdown_that_does_not_add_up() {
            ApplicationFixture app = aBalancedApplication();
            Finding alarm = onlyAlarm(check(app.withFigure(FINANCIAL_STATEMENTS, "outpatient_revenue", YEAR,
                    app.value("outpatient_revenue", YEAR) + 7_000_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.PL_CASCADE_MISMATCH);
            assertThat(alarm.account()).isEqualTo("medical_revenue");
        }
    }

    @Nested
    class NetAssetsContinuity {
        @Test
        void should_warn_when_net_assets_do_not_follow_from_the_prior_year_and_net_income() {
            ApplicationFixture app = aBalancedApplication();
            // net income of FY2023 appears only on the input sheet; net assets come from the comparison
            Finding alarm = onlyAlarm(check(app.withFigure(INPUT_SHEET, "net_income", YEAR - 1,
                    app.value("net_income", YEAR - 1) + 12_345_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.NET_ASSETS_CONTINUITY);
            assertThat(alarm.severity()).isEqualTo(Severity.WARNING);
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR - 1);
            assertThat(alarm.actual()).isEqualTo(app.value("net_assets", YEAR - 1));
            assertThat(alarm.expected()).isEqualTo(app.value("net_assets", YEAR - 1) + 12_345_000);
            assertThat(alarm.evidence()).hasSize(3);
        }
    }

    @Nested
    class InputSheet {
        @Test
        void should_flag_an_input_sheet_figure_typed_in_thousands() {
            ApplicationFixture app = aBalancedApplication();
            long truth = app.value("fixed_liabilities", YEAR);
            List<Finding> findings = check(app.withFigure(INPUT_SHEET, "fixed_liabilities", YEAR, truth / 1000));

            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.INPUT_SHEET_MISMATCH);
            assertThat(alarm.account()).isEqualTo("fixed_liabilities");
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR);
            assertThat(alarm.file()).isEqualTo(ApplicationFixture.INPUT_SHEET);
            assertThat(alarm.expected()).isEqualTo(truth);
            assertThat(alarm.actual()).isEqualTo(truth / 1000);
            assertThat(alarm.evidence().get(0).file()).isEqualTo(ApplicationFixture.INPUT_SHEET);
            assertThat(alarm.message().ja()).contains("決算状況入力シート", "固定負債合計", "決算書");
        }

        @Test
        void should_raise_one_alarm_for_an_input_sheet_stated_in_thousands_without_saying_so() {
            ApplicationFixture app = aBalancedApplication();
            for (String account : ApplicationFixture.INPUT_SHEET_ACCOUNTS) {
                for (int year = YEAR - 2; year <= YEAR; year++) {
                    app.withFigure(INPUT_SHEET, account, year, Math.round(app.value(account, year) / 1000.0));
                }
            }
            List<Finding> findings = check(app);
            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.INPUT_SHEET_MISMATCH);
            assertThat(alarm.file()).isEqualTo(ApplicationFixture.INPUT_SHEET);
            assertThat(alarm.message().ja()).contains("千円");
            assertThat(findings.size()).isGreaterThan(10);
        }

        @Test
        void should_accept_a_thousand_yen_input_sheet_within_its_rounding_unit_only() {
            ApplicationFixture app = aBalancedApplication().withUnit(INPUT_SHEET, 1000);
            long rounded = ApplicationFixture.round(app.value("cash_and_deposits", YEAR), 1000);
            assertThat(check(app)).isEmpty();
            // one 千円 off the printed rounding is still within 1,000 yen of the statements here (offset 400)
            assertThat(check(app.withFigure(INPUT_SHEET, "cash_and_deposits", YEAR, rounded + 1000))).isEmpty();
            Finding alarm = onlyAlarm(check(app.withFigure(INPUT_SHEET, "cash_and_deposits", YEAR, rounded + 2000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.INPUT_SHEET_MISMATCH);
            assertThat(alarm.account()).isEqualTo("cash_and_deposits");
        }
    }

    @Nested
    class Rounding {
        @Test
        void should_accept_two_thousand_yen_documents_that_rounded_one_figure_apart() {
            // the comparison rounded cash up, the input sheet down: both within 1,000 yen of the statements
            ApplicationFixture app = aBalancedApplication(7, 400).withUnit(INPUT_SHEET, 1000).withUnit(BS_COMPARISON, 1000)
                    .withoutDocument(FINANCIAL_STATEMENTS);
            long down = ApplicationFixture.round(app.value("cash_and_deposits", YEAR - 1), 1000);
            app.withFigure(BS_COMPARISON, "cash_and_deposits", YEAR - 1, down + 1000)
                    .withFigure(BS_COMPARISON, "current_assets", YEAR - 1,
                            ApplicationFixture.round(app.value("current_assets", YEAR - 1), 1000) + 1000)
                    .withFigure(BS_COMPARISON, "total_assets", YEAR - 1,
                            ApplicationFixture.round(app.value("total_assets", YEAR - 1), 1000) + 1000)
                    .withFigure(BS_COMPARISON, "reserves", YEAR - 1,
                            ApplicationFixture.round(app.value("reserves", YEAR - 1), 1000) + 1000)
                    .withFigure(BS_COMPARISON, "net_assets", YEAR - 1,
                            ApplicationFixture.round(app.value("net_assets", YEAR - 1), 1000) + 1000)
                    .withFigure(BS_COMPARISON, "total_liabilities_and_net_assets", YEAR - 1,
                            ApplicationFixture.round(app.value("total_liabilities_and_net_assets", YEAR - 1), 1000) + 1000);
            assertThat(alarms(check(app))).extracting(Finding::code)
                    .containsOnly(FindingCode.MISSING_DOCUMENT);
        }
    }

    @Nested
    class BsComparison {
        @Test
        void should_flag_a_comparison_figure_that_differs_from_the_statements() {
            ApplicationFixture app = aBalancedApplication();
            Finding alarm = onlyAlarm(check(app.withFigure(BS_COMPARISON, "other_fixed_assets", YEAR,
                    app.value("other_fixed_assets", YEAR) - 400_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.BS_COMPARISON_MISMATCH);
            assertThat(alarm.account()).isEqualTo("other_fixed_assets");
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR);
            assertThat(alarm.file()).isEqualTo(COMPARISON);
            assertThat(alarm.expected()).isEqualTo(app.value("other_fixed_assets", YEAR));
        }

        @Test
        void should_compare_with_the_input_sheet_where_the_statements_do_not_cover_the_year() {
            ApplicationFixture app = aBalancedApplication();
            Finding alarm = onlyAlarm(check(app.withFigure(BS_COMPARISON, "cash_and_deposits", YEAR - 1,
                    app.value("cash_and_deposits", YEAR - 1) + 2_000_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.BS_COMPARISON_MISMATCH);
            assertThat(alarm.fiscalYear()).isEqualTo(YEAR - 1);
            assertThat(alarm.evidence()).extracting(SourceLocation::file).contains(ApplicationFixture.INPUT_SHEET);
        }
    }

    @Nested
    class Copies {
        @Test
        void should_flag_the_comparison_and_keep_the_input_sheets_view_when_the_figures_cannot_tell_which_is_wrong() {
            ApplicationFixture app = aBalancedApplication();
            List<Finding> findings = check(app.withFigure(INPUT_SHEET, "cash_and_deposits", YEAR - 1,
                    app.value("cash_and_deposits", YEAR - 1) + 5_000_000));
            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.BS_COMPARISON_MISMATCH);
            assertThat(alarm.message().en()).contains("do not tell");
            assertThat(findings).filteredOn(f -> f.code() == FindingCode.INPUT_SHEET_MISMATCH).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.INFO);
                        assertThat(f.file()).isEqualTo(ApplicationFixture.INPUT_SHEET);
                        assertThat(f.fiscalYear()).isEqualTo(YEAR - 1);
                    });
        }
    }

    @Nested
    class ReadingConfidence {
        @Test
        void should_ask_to_check_the_reading_rather_than_alarm_when_the_suspect_figure_was_read_poorly() {
            ApplicationFixture app = aBalancedApplication().withConfidence(FINANCIAL_STATEMENTS, 0.3);
            List<Finding> findings = check(app.withFigure(FINANCIAL_STATEMENTS, "intangible_fixed_assets", YEAR,
                    app.value("intangible_fixed_assets", YEAR) + 8_000_000));
            assertThat(alarms(findings)).isEmpty();
            assertThat(findings).filteredOn(f -> f.code() == FindingCode.SUBTOTAL_MISMATCH).singleElement()
                    .satisfies(f -> assertThat(f.message().ja()).contains("原本"));
        }

        @Test
        void should_still_alarm_when_a_well_read_copy_disagrees_with_poorly_read_statements() {
            ApplicationFixture app = aBalancedApplication().withConfidence(FINANCIAL_STATEMENTS, 0.3);
            Finding alarm = onlyAlarm(check(app.withFigure(INPUT_SHEET, "total_assets", YEAR,
                    app.value("total_assets", YEAR) + 8_000_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.INPUT_SHEET_MISMATCH);
        }
    }

    @Nested
    class ComparisonDelta {
        @Test
        void should_flag_an_increase_that_is_not_current_minus_prior() {
            ApplicationFixture app = aBalancedApplication();
            long right = app.value("cash_and_deposits", YEAR) - app.value("cash_and_deposits", YEAR - 1);
            Finding alarm = onlyAlarm(check(app.withDelta("cash_and_deposits", right + 10_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.COMPARISON_DELTA_MISMATCH);
            assertThat(alarm.account()).isEqualTo("cash_and_deposits");
            assertThat(alarm.file()).isEqualTo(COMPARISON);
            assertThat(alarm.expected()).isEqualTo(right);
            assertThat(alarm.actual()).isEqualTo(right + 10_000);
        }
    }

    @Nested
    class ApplicationForm {
        @Test
        void should_flag_an_item_amount_that_is_not_quantity_times_unit_price_and_group_the_total() {
            ApplicationFixture app = aBalancedApplication().withItemAmount(2, 8_080_000);
            List<Finding> findings = check(app);
            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.ITEM_AMOUNT_MISMATCH);
            assertThat(alarm.item()).isEqualTo(2);
            assertThat(alarm.file()).isEqualTo(FORM);
            assertThat(alarm.expected()).isEqualTo(2_310_000);
            assertThat(alarm.actual()).isEqualTo(8_080_000);
            assertThat(findings).extracting(Finding::code).contains(FindingCode.ITEM_TOTAL_MISMATCH);
        }

        @Test
        void should_flag_a_total_that_differs_from_sum_of_rows() {
            ApplicationFixture app = aBalancedApplication();
            long wrong = app.itemsTotal() - 1_000_000;
            Finding alarm = onlyAlarm(check(app.withTotal(wrong)));
            assertThat(alarm.code()).isEqualTo(FindingCode.ITEM_TOTAL_MISMATCH);
            assertThat(alarm.expected()).isEqualTo(app.itemsTotal());
            assertThat(alarm.actual()).isEqualTo(wrong);
        }

        @Test
        void should_not_compare_the_total_with_an_item_table_that_misses_a_row() {
            var base = aBalancedApplication().build();
            var form = base.applicationForm().orElseThrow();
            var rows = form.items().stream().filter(i -> i.no() != 2).toList();
            var docs = new java.util.ArrayList<>(base.documents());
            docs.set(docs.indexOf(form), new jp.shinsa.models.ExtractedDocument(form.file(), form.type(), 1, false, null, 1,
                    List.of(), List.of(), rows, form.subsidy(), form.program(), null, List.of(), ""));
            assertThat(checker.check(new jp.shinsa.models.ExtractedApplication("APP", docs), EMERGENCY)).isEmpty();
        }

        @Test
        void should_flag_a_requested_subsidy_that_is_not_the_programs_formula() {
            ApplicationFixture app = aBalancedApplication();
            long computed = EMERGENCY.subsidyFor(app.itemsTotal());
            Finding alarm = onlyAlarm(check(app.withRequested(computed + 1_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.SUBSIDY_CALC_MISMATCH);
            assertThat(alarm.expected()).isEqualTo(computed);
            assertThat(alarm.message().ja()).contains("補助所要額", "1/2");
        }

        @Test
        void should_use_the_cap_and_rate_printed_on_the_form_when_the_program_is_unknown() {
            ApplicationFixture app = aBalancedApplication();
            long computed = EMERGENCY.subsidyFor(app.itemsTotal());
            List<Finding> findings = checker.check(app.withRequested(computed + 5_000).build(), null);
            assertThat(alarms(findings)).extracting(Finding::code).containsExactly(FindingCode.SUBSIDY_CALC_MISMATCH);
        }
    }

    @Nested
    class Quote {
        @Test
        void should_match_quote_lines_by_what_they_are_not_by_number() {
            // the quote numbers the items in reverse order and names them differently: no finding
            assertThat(check(aBalancedApplication())).isEmpty();
        }

        @Test
        void should_flag_an_application_unit_price_that_differs_from_the_quote() {
            Finding alarm = onlyAlarm(check(aBalancedApplication().withQuoteUnitPrice(3, 1_050_000)));
            assertThat(alarm.code()).isEqualTo(FindingCode.QUOTE_PRICE_MISMATCH);
            assertThat(alarm.item()).isEqualTo(3);
            assertThat(alarm.expected()).isEqualTo(1_050_000);
            assertThat(alarm.actual()).isEqualTo(1_150_000);
            assertThat(alarm.evidence()).extracting(SourceLocation::file).containsExactly(FORM, ApplicationFixture.QUOTE);
        }

        @Test
        void should_accept_a_price_backed_by_one_of_two_vendors_quotes() {
            ApplicationFixture app = aBalancedApplication();
            var base = app.build();
            var quote = base.ofType(DocumentType.QUOTE).get(0);
            var competitor = new jp.shinsa.models.ExtractedDocument("御見積書_競合.pdf", DocumentType.QUOTE, 1, false, null, 1,
                    List.of(), List.of(), quote.items().stream().map(l -> new jp.shinsa.models.RequestedItem(l.no(), l.name(),
                            l.spec(), l.maker(), l.quantity(), l.unitPrice() + 90_000, null, null,
                            SourceLocation.ofFile("御見積書_競合.pdf"))).toList(), null, null, null, List.of(), "");
            var docs = new java.util.ArrayList<>(base.documents());
            docs.add(competitor);
            assertThat(checker.check(new jp.shinsa.models.ExtractedApplication("APP", docs), EMERGENCY)).isEmpty();
        }

        @Test
        void should_score_a_renamed_line_with_the_same_model_above_an_unrelated_line() {
            var item = new jp.shinsa.models.RequestedItem(1, "生体情報モニタ", "BM-500", null, 3L, 1L, 3L, null,
                    SourceLocation.ofFile(FORM));
            var renamed = new jp.shinsa.models.RequestedItem(7, "ベッドサイドモニタ", "BM-500", null, 3L, 1L, 3L, null,
                    SourceLocation.ofFile("q.pdf"));
            var unrelated = new jp.shinsa.models.RequestedItem(1, "人工呼吸器", "RV-800", null, 3L, 1L, 3L, null,
                    SourceLocation.ofFile("q.pdf"));
            assertThat(QuotePriceRule.similarity(item, renamed)).isGreaterThanOrEqualTo(QuotePriceRule.THRESHOLD);
            assertThat(QuotePriceRule.similarity(item, unrelated)).isLessThan(QuotePriceRule.THRESHOLD);
        }
    }

    @Nested
    class Documents {
        @Test
        void should_flag_a_required_document_that_is_absent() {
            Finding alarm = onlyAlarm(check(aBalancedApplication().withoutDocument(INPUT_SHEET)));
            assertThat(alarm.code()).isEqualTo(FindingCode.MISSING_DOCUMENT);
            assertThat(alarm.documentType()).isEqualTo(INPUT_SHEET);
            assertThat(alarm.message().ja()).contains("決算状況入力シート");
        }

        @Test
        void should_not_require_the_comparison_by_default() {
            assertThat(check(aBalancedApplication().withoutDocument(BS_COMPARISON))).isEmpty();
        }

        @Test
        void should_take_required_documents_from_the_programs_configuration() {
            Program withCatalogue = new Program("custom", "テスト事業", "Test", 1, 2, 10_000_000, "", "",
                    List.of(DocumentType.APPLICATION_FORM, DocumentType.CATALOG));
            List<Finding> findings = checker.check(aBalancedApplication().withoutDocument(INPUT_SHEET).build(), withCatalogue);
            assertThat(alarms(findings)).filteredOn(f -> f.code() == FindingCode.MISSING_DOCUMENT)
                    .extracting(Finding::documentType).containsExactly(DocumentType.CATALOG);
        }

        @Test
        void should_flag_a_file_that_could_not_be_read() {
            Finding alarm = onlyAlarm(check(aBalancedApplication().withUnreadableFile("追加資料.pdf")));
            assertThat(alarm.code()).isEqualTo(FindingCode.UNREADABLE_DOCUMENT);
            assertThat(alarm.file()).isEqualTo("追加資料.pdf");
        }

        @Test
        void should_report_a_missing_type_as_a_consequence_of_an_unreadable_file() {
            List<Finding> findings = check(aBalancedApplication().withoutDocument(FINANCIAL_STATEMENTS)
                    .withUnreadableFile("scan.pdf"));
            Finding alarm = onlyAlarm(findings);
            assertThat(alarm.code()).isEqualTo(FindingCode.UNREADABLE_DOCUMENT);
            assertThat(findings).filteredOn(f -> f.code() == FindingCode.MISSING_DOCUMENT).singleElement()
                    .satisfies(f -> assertThat(f.documentType()).isEqualTo(FINANCIAL_STATEMENTS));
        }
    }
}
