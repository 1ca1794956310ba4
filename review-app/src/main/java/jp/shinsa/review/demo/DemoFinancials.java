package jp.shinsa.review.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic hospital's statements for three fiscal years in which every identity of accounts.csv
 * holds, and net assets roll forward by net income. Values are whole yen.
 */
final class DemoFinancials {
    final Map<Integer, Map<String, Long>> byYear = new LinkedHashMap<>();

    static DemoFinancials generate(Random rnd, int beds, boolean distressed) {
        DemoFinancials f = new DemoFinancials();
        long revenue = (long) (beds * (18_000_000L + rnd.nextInt(12_000_000)));
        long reserves = (long) (revenue * (distressed ? 0.02 + rnd.nextDouble() * 0.05 : 0.25 + rnd.nextDouble() * 0.4));
        long capital = 10_000_000L * (1 + rnd.nextInt(20));
        double margin = distressed ? -0.06 + rnd.nextDouble() * 0.04 : 0.01 + rnd.nextDouble() * 0.05;
        for (int year = 2022; year <= 2024; year++) {
            revenue = Math.round(revenue * (0.97 + rnd.nextDouble() * 0.08));
            Map<String, Long> v = new LinkedHashMap<>();
            long inpatient = round(revenue * 0.66);
            long outpatient = round(revenue * 0.27);
            long otherRev = revenue - inpatient - outpatient;
            v.put("inpatient_revenue", inpatient);
            v.put("outpatient_revenue", outpatient);
            v.put("other_medical_revenue", otherRev);
            v.put("medical_revenue", revenue);
            long expenses = Math.round(revenue * (1 - margin - (rnd.nextDouble() - 0.5) * 0.01));
            long material = round(expenses * 0.22);
            long personnel = round(expenses * 0.53);
            long outsourcing = round(expenses * 0.07);
            long equipment = round(expenses * 0.09);
            long otherExp = expenses - material - personnel - outsourcing - equipment;
            v.put("material_costs", material);
            v.put("personnel_costs", personnel);
            v.put("outsourcing_costs", outsourcing);
            v.put("equipment_costs", equipment);
            v.put("other_medical_expenses", otherExp);
            v.put("medical_expenses", expenses);
            long medicalProfit = revenue - expenses;
            v.put("medical_profit", medicalProfit);
            long nonOpRev = round(revenue * 0.015);
            long nonOpExp = round(revenue * (distressed ? 0.02 : 0.008));
            v.put("non_operating_revenue", nonOpRev);
            v.put("non_operating_expenses", nonOpExp);
            long ordinary = medicalProfit + nonOpRev - nonOpExp;
            v.put("ordinary_profit", ordinary);
            long gains = round(revenue * 0.001 * rnd.nextInt(3));
            long losses = round(revenue * 0.001 * rnd.nextInt(4));
            v.put("extraordinary_gains", gains);
            v.put("extraordinary_losses", losses);
            long pretax = ordinary + gains - losses;
            v.put("pretax_profit", pretax);
            long taxes = pretax > 0 ? round(pretax * 0.3) : 70_000;
            v.put("income_taxes", taxes);
            long netIncome = pretax - taxes;
            v.put("net_income", netIncome);
            v.put("depreciation", round(equipment * 0.55));
            v.put("interest_expense", round(nonOpExp * 0.6));
            reserves += netIncome;

            long receivables = round(revenue * 0.17);
            long medicines = round(revenue * 0.012);
            long supplies = round(revenue * 0.008);
            long otherCurrent = round(revenue * 0.02);
            long allowance = -round(receivables * 0.004);
            long buildings = round(revenue * 0.55);
            long medicalEquipment = round(revenue * 0.12);
            long land = round(revenue * 0.2);
            long otherTangible = round(revenue * 0.03);
            long tangible = buildings + medicalEquipment + land + otherTangible;
            long intangible = round(revenue * 0.01);
            long otherFixed = round(revenue * 0.04);
            long fixedAssets = tangible + intangible + otherFixed;
            long payable = round(revenue * 0.05);
            long shortTerm = round(revenue * (distressed ? 0.12 : 0.03));
            long currentPortion = round(revenue * 0.04);
            long otherCurrentLiab = round(revenue * 0.06);
            long retirement = round(revenue * 0.05);
            long otherFixedLiab = round(revenue * 0.01);
            long netAssets = capital + reserves;
            long nonCash = receivables + medicines + supplies + otherCurrent + allowance + fixedAssets;
            long minCash = round(revenue * (distressed ? 0.02 : 0.08));
            // Long-term borrowings close the balance sheet with at least the minimum cash.
            long longTerm = Math.max(round(revenue * 0.1),
                    nonCash + minCash - netAssets - payable - shortTerm - currentPortion - otherCurrentLiab
                            - retirement - otherFixedLiab);
            long currentLiab = payable + shortTerm + currentPortion + otherCurrentLiab;
            long fixedLiab = longTerm + retirement + otherFixedLiab;
            long totalLiab = currentLiab + fixedLiab;
            long total = totalLiab + netAssets;
            long cash = total - nonCash;
            long currentAssets = cash + receivables + medicines + supplies + otherCurrent + allowance;
            v.put("cash_and_deposits", cash);
            v.put("medical_receivables", receivables);
            v.put("medicines", medicines);
            v.put("medical_supplies", supplies);
            v.put("other_current_assets", otherCurrent);
            v.put("allowance_doubtful", allowance);
            v.put("current_assets", currentAssets);
            v.put("buildings", buildings);
            v.put("medical_equipment", medicalEquipment);
            v.put("land", land);
            v.put("other_tangible_assets", otherTangible);
            v.put("tangible_fixed_assets", tangible);
            v.put("intangible_fixed_assets", intangible);
            v.put("other_fixed_assets", otherFixed);
            v.put("fixed_assets", fixedAssets);
            v.put("total_assets", total);
            v.put("accounts_payable", payable);
            v.put("short_term_borrowings", shortTerm);
            v.put("current_portion_long_term_debt", currentPortion);
            v.put("other_current_liabilities", otherCurrentLiab);
            v.put("current_liabilities", currentLiab);
            v.put("long_term_borrowings", longTerm);
            v.put("retirement_benefit_provision", retirement);
            v.put("other_fixed_liabilities", otherFixedLiab);
            v.put("fixed_liabilities", fixedLiab);
            v.put("total_liabilities", totalLiab);
            v.put("capital", capital);
            v.put("reserves", reserves);
            v.put("net_assets", netAssets);
            v.put("total_liabilities_and_net_assets", total);
            f.byYear.put(year, v);
        }
        return f;
    }

    Map<String, Long> year(int fy) {
        return byYear.get(fy);
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
