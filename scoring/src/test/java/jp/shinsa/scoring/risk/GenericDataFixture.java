package jp.shinsa.scoring.risk;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/** A small generic data set: the label depends on x1 (and a little on x2); x3 is noise; some cells missing. */
final class GenericDataFixture {
    private GenericDataFixture() {
    }

    private static double[] row(Random r) {
        double x1 = r.nextGaussian();
        double x2 = r.nextGaussian();
        double x3 = r.nextGaussian();
        double logit = 2.5 * x1 + 0.8 * x2 - 1.5;
        int label = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        return new double[] {x1, x2, x3, label};
    }

    static byte[] csv(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("id,x1,x2,x3,label\n");
        for (int i = 0; i < rows; i++) {
            double[] v = row(r);
            String x2 = i % 17 == 0 ? "" : String.format(Locale.ROOT, "%.5f", v[1]);
            b.append(String.format(Locale.ROOT, "R%d,%.5f,%s,%.5f,%d%n", i, v[0], x2, v[2], (int) v[3]));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] arff(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("% generated\n@relation generic\n@attribute x1 numeric\n"
                + "@attribute x2 numeric\n@attribute x3 numeric\n@attribute class {0,1}\n@data\n");
        for (int i = 0; i < rows; i++) {
            double[] v = row(r);
            String x2 = i % 17 == 0 ? "?" : String.format(Locale.ROOT, "%.5f", v[1]);
            b.append(String.format(Locale.ROOT, "%.5f,%s,%.5f,%d%n", v[0], x2, v[2], (int) v[3]));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
