package jp.shinsa.scoring.risk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * A numeric table with a 0/1 label, read from CSV (with a header) or ARFF. When the columns are
 * account codes of accounts.csv (the past-applicants format), each row becomes {@link RiskFeatures}
 * and the features are the risk features the rows can give; otherwise every numeric column but the
 * label is a feature as it stands (a generic data set such as the Polish bankruptcy data).
 */
final class Dataset {
    /** The accounts that make a table the past-applicants format. */
    private static final Set<String> APPLICANT_COLUMNS = Set.of("medical_revenue", "total_assets", "net_assets");
    private static final Set<String> MISSING = Set.of("", "?", "na", "nan", "null", "n/a");
    private static final Set<String> POSITIVE = Set.of("1", "true", "yes", "y", "t", "positive");
    private static final Set<String> NEGATIVE = Set.of("0", "false", "no", "n", "f", "negative");

    final String name;
    final List<String> features;
    final double[][] x;
    final int[] y;
    final String sha256;
    final boolean applicantFeatures;

    Dataset(String name, List<String> features, double[][] x, int[] y, String sha256, boolean applicantFeatures) {
        this.name = name;
        this.features = List.copyOf(features);
        this.x = x;
        this.y = y;
        this.sha256 = sha256;
        this.applicantFeatures = applicantFeatures;
    }

    int rows() {
        return y.length;
    }

    int positives() {
        int p = 0;
        for (int v : y) {
            p += v;
        }
        return p;
    }

    static Dataset read(Path file, String label) {
        try {
            return parse(file.getFileName().toString(), Files.readAllBytes(file), label);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses CSV or ARFF by the name's extension (ARFF also when the content starts with '@' or '%'). */
    static Dataset parse(String name, byte[] content, String label) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8).stripLeading();
        boolean arff = name.toLowerCase(Locale.ROOT).endsWith(".arff") || head.startsWith("@") || head.startsWith("%");
        Table t = arff ? arff(content, label) : csv(content, label);
        return t.toDataset(name, sha256(content));
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }

    /** Raw columns (NaN for missing) and labels, before features are chosen. */
    private record Table(Map<String, double[]> columns, int[] y) {
        Dataset toDataset(String name, String sha) {
            if (y.length == 0) {
                throw new IllegalArgumentException(name + ": no rows");
            }
            if (columns.keySet().containsAll(APPLICANT_COLUMNS)) {
                return applicants(name, sha);
            }
            List<String> names = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            columns.forEach((k, v) -> {
                if (!allMissing(v)) {
                    names.add(k);
                    cols.add(v);
                }
            });
            return new Dataset(name, names, rowsOf(cols, y.length), y, sha, false);
        }

        private Dataset applicants(String name, String sha) {
            Set<String> accounts = Catalogs.accounts().keySet();
            double[] years = columns.get("fiscal_year");
            List<RiskFeatures> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                Map<String, Long> figures = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> c : columns.entrySet()) {
                    double v = c.getValue()[i];
                    if (accounts.contains(c.getKey()) && !Double.isNaN(v)) {
                        figures.put(c.getKey(), Math.round(v));
                    }
                }
                int year = years == null || Double.isNaN(years[i]) ? 1 : (int) years[i];
                rows.add(RiskFeatures.ofAccounts(figures, year, name + " row " + (i + 1)));
            }
            // Features no row can give (a one-year table has no revenue growth) are left out.
            List<String> names = new ArrayList<>();
            List<double[]> cols = new ArrayList<>();
            for (String code : RiskFeature.codes()) {
                double[] col = new double[y.length];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i).vector(List.of(code))[0];
                }
                if (!allMissing(col)) {
                    names.add(code);
                    cols.add(col);
                }
            }
            return new Dataset(name, names, rowsOf(cols, y.length), y, sha, true);
        }
    }

    private static boolean allMissing(double[] v) {
        for (double d : v) {
            if (!Double.isNaN(d)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] rowsOf(List<double[]> cols, int n) {
        double[][] x = new double[n][cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            for (int i = 0; i < n; i++) {
                x[i][j] = cols.get(j)[i];
            }
        }
        return x;
    }

    private static Table csv(byte[] content, String label) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(stripBom(content)), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, format)) {
            List<String> header = p.getHeaderNames();
            if (!header.contains(label)) {
                throw new IllegalArgumentException("no label column '" + label + "' among " + header);
            }
            List<CSVRecord> records = p.getRecords();
            int[] y = new int[records.size()];
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (String h : header) {
                if (!h.equals(label)) {
                    columns.put(h, new double[records.size()]);
                }
            }
            List<String> nonNumeric = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                CSVRecord rec = records.get(i);
                y[i] = labelValue(rec.get(label), i + 2);
                for (Map.Entry<String, double[]> c : columns.entrySet()) {
                    String s = rec.isSet(c.getKey()) ? rec.get(c.getKey()) : "";
                    double v = number(s);
                    if (Double.isNaN(v) && !MISSING.contains(s.toLowerCase(Locale.ROOT))) {
                        nonNumeric.add(c.getKey());
                    }
                    c.getValue()[i] = v;
                }
            }
            nonNumeric.forEach(columns::remove); // ids, names: not features
            return new Table(columns, y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] stripBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            byte[] out = new byte[b.length - 3];
            System.arraycopy(b, 3, out, 0, out.length);
            return out;
        }
        return b;
    }

    private static double number(String s) {
        if (s == null || MISSING.contains(s.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int labelValue(String s, int line) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (POSITIVE.contains(v)) {
            return 1;
        }
        if (NEGATIVE.contains(v)) {
            return 0;
        }
        double d = number(v);
        if (!Double.isNaN(d)) {
            return d > 0 ? 1 : 0;
        }
        throw new IllegalArgumentException("label '" + s + "' on line " + line + " is not 0/1, true/false or yes/no");
    }

    private static Table arff(byte[] content, String label) {
        try {
            ArffLoader loader = new ArffLoader();
            loader.setSource(new ByteArrayInputStream(content));
            Instances data = loader.getDataSet();
            Attribute cls = data.attribute(label);
            if (cls == null) {
                throw new IllegalArgumentException("no label attribute '" + label + "' in the ARFF");
            }
            int positive = -1;
            if (cls.isNominal()) {
                for (int k = 0; k < cls.numValues(); k++) {
                    if (POSITIVE.contains(cls.value(k).toLowerCase(Locale.ROOT))) {
                        positive = k;
                    }
                }
                if (positive < 0) {
                    positive = cls.numValues() - 1; // by convention the last declared value
                }
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int a = 0; a < data.numAttributes(); a++) {
                Attribute att = data.attribute(a);
                if (a != cls.index() && att.isNumeric()) {
                    columns.put(att.name(), new double[data.numInstances()]);
                }
            }
            int[] y = new int[data.numInstances()];
            for (int i = 0; i < y.length; i++) {
                Instance in = data.instance(i);
                if (in.isMissing(cls)) {
                    throw new IllegalArgumentException("row " + (i + 1) + " has no label");
                }
                y[i] = cls.isNominal() ? ((int) in.value(cls) == positive ? 1 : 0) : (in.value(cls) > 0 ? 1 : 0);
                for (Map.Entry<String, double[]> c : columns.entrySet()) {
                    Attribute att = data.attribute(c.getKey());
                    c.getValue()[i] = in.isMissing(att) ? Double.NaN : in.value(att);
                }
            }
            return new Table(columns, y);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ARFF", e);
        }
    }
}
