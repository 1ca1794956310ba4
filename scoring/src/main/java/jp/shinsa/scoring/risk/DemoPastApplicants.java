package jp.shinsa.scoring.risk;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Seeded synthetic past applicants in the columns of past-applicants.csv, so a fresh install can
 * train its default model without any real data.
 *
 * <p>Assumptions (from summary statistics of the project's demo past-applicants data, not its
 * rows): hospitals of 50–500 beds with about ¥27M medical revenue per bed; three financial states —
 * healthy (62.5%), watch (22.5%) and distressed (15%) — that differ in equity ratio, margins,
 * borrowings, current ratio and cash; distress within three years follows the state with label
 * noise (55.5%, 16.7% and 3.3% of each state are labelled distressed: about 14% overall). Within a
 * state the ratios vary independently (normal, clipped); every accounts.csv identity among the 16
 * accounts holds (current + fixed = total assets; total liabilities + net assets = total assets;
 * revenue − expenses = medical profit). Interest expense and prior years are not in the format.
 */
public final class DemoPastApplicants {
    public static final String LABEL = "distress_within_3y";
    public static final String[] HEADER = {"id", "fiscal_year", "beds", "medical_revenue", "medical_expenses",
            "medical_profit", "ordinary_profit", "net_income", "depreciation", "current_assets", "fixed_assets",
            "total_assets", "current_liabilities", "fixed_liabilities", "total_liabilities", "net_assets",
            "short_term_borrowings", "long_term_borrowings", "cash_and_deposits", LABEL};

    /** Per state: mean and sd of each ratio. */
    private record State(double share, double distressRate, double[] equity, double[] medicalMargin,
                         double[] ordinaryGap, double[] netGap, double[] longBorrowings, double[] shortBorrowings,
                         double[] currentRatio, double[] cashToAssets, double[] assetsToRevenue,
                         double[] fixedToAssets, double[] depreciation) {
    }

    private static final State HEALTHY = new State(0.625, 0.033, ms(0.481, 0.083), ms(0.0357, 0.0196),
            ms(0.0055, 0.0064), ms(-0.0104, 0.0072), ms(0.50, 0.129), ms(0.016, 0.0097), ms(3.10, 0.66),
            ms(0.217, 0.057), ms(1.39, 0.186), ms(0.643, 0.057), ms(0.045, 0.0092));
    private static final State WATCH = new State(0.225, 0.167, ms(0.213, 0.059), ms(-0.0058, 0.0173),
            ms(0.0028, 0.0067), ms(-0.0023, 0.0037), ms(0.654, 0.121), ms(0.070, 0.022), ms(1.30, 0.186),
            ms(0.093, 0.026), ms(1.21, 0.156), ms(0.746, 0.036), ms(0.0467, 0.0095));
    private static final State DISTRESSED = new State(0.15, 0.555, ms(0.0002, 0.046), ms(-0.0549, 0.0248),
            ms(0.0013, 0.0069), ms(-0.0022, 0.0036), ms(0.733, 0.147), ms(0.165, 0.036), ms(0.686, 0.087),
            ms(0.036, 0.011), ms(1.13, 0.157), ms(0.793, 0.030), ms(0.0488, 0.0095));

    private DemoPastApplicants() {
    }

    private static double[] ms(double mean, double sd) {
        return new double[] {mean, sd};
    }

    /** {@code rows} applicants as CSV text with a header, the same for the same seed. */
    public static String csv(int rows, long seed) {
        Random r = new Random(seed);
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (int i = 1; i <= rows; i++) {
                p.printRecord((Object[]) row(i, r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static double draw(Random r, double[] ms, double min, double max) {
        return Math.max(min, Math.min(max, ms[0] + ms[1] * r.nextGaussian()));
    }

    private static String[] row(int i, Random r) {
        double u = r.nextDouble();
        State s = u < HEALTHY.share ? HEALTHY : u < HEALTHY.share + WATCH.share ? WATCH : DISTRESSED;
        int beds = 50 + r.nextInt(451);
        int year = 2014 + r.nextInt(8);
        double revenue = beds * draw(r, ms(27.2e6, 8.0e6), 12e6, 45e6);
        double medicalMargin = draw(r, s.medicalMargin, -0.15, 0.15);
        double ordinaryMargin = medicalMargin + draw(r, s.ordinaryGap, -0.03, 0.03);
        double netMargin = ordinaryMargin + draw(r, s.netGap, -0.04, 0.01);
        double totalAssets = revenue * draw(r, s.assetsToRevenue, 0.7, 2.2);
        double fixedAssets = totalAssets * draw(r, s.fixedToAssets, 0.45, 0.9);
        double currentAssets = totalAssets - fixedAssets;
        double cash = Math.min(totalAssets * draw(r, s.cashToAssets, 0.005, 0.4), currentAssets * 0.9);
        double netAssets = totalAssets * draw(r, s.equity, -0.2, 0.75);
        double totalLiabilities = totalAssets - netAssets;
        double currentLiabilities = Math.min(currentAssets / draw(r, s.currentRatio, 0.4, 6), totalLiabilities * 0.9);
        double fixedLiabilities = totalLiabilities - currentLiabilities;
        double shortBorrowings = Math.min(revenue * draw(r, s.shortBorrowings, 0, 0.3), currentLiabilities * 0.8);
        double longBorrowings = Math.min(revenue * draw(r, s.longBorrowings, 0.05, 1.4), fixedLiabilities * 0.95);
        double depreciation = revenue * draw(r, s.depreciation, 0.015, 0.08);
        long rev = Math.round(revenue);
        long medicalProfit = Math.round(revenue * medicalMargin);
        long ta = Math.round(totalAssets);
        long ca = Math.round(currentAssets);
        long cl = Math.round(currentLiabilities);
        long tl = Math.round(totalLiabilities);
        int label = r.nextDouble() < s.distressRate ? 1 : 0;
        return new String[] {String.format("DEMO-%05d", i), Integer.toString(year), Integer.toString(beds),
                Long.toString(rev), Long.toString(rev - medicalProfit), Long.toString(medicalProfit),
                Long.toString(Math.round(revenue * ordinaryMargin)), Long.toString(Math.round(revenue * netMargin)),
                Long.toString(Math.round(depreciation)), Long.toString(ca), Long.toString(ta - ca), Long.toString(ta),
                Long.toString(cl), Long.toString(tl - cl), Long.toString(tl), Long.toString(ta - tl),
                Long.toString(Math.round(shortBorrowings)), Long.toString(Math.round(longBorrowings)),
                Long.toString(Math.round(cash)), Integer.toString(label)};
    }
}
