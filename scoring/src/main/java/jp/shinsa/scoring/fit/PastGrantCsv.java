package jp.shinsa.scoring.fit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.GrantDecision;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and validates past decisions in the format of past-grants.csv (UTF-8, header row,
 * {@code id,fiscal_year,program,applicant_type,item_name,spec,maker,quantity,unit_price,amount,decision,reason_ja}).
 * Every row is validated on its own and every bad row is reported with its line number and a
 * bilingual reason, so a caller can refuse the whole file when any row is bad (nothing half-imported):
 * see {@link PastGrantImport#requireClean()}.
 */
public final class PastGrantCsv {
    public static final List<String> HEADER = List.of("id", "fiscal_year", "program", "applicant_type", "item_name",
            "spec", "maker", "quantity", "unit_price", "amount", "decision", "reason_ja");

    /** A row that was not accepted; {@code line} is the 1-based physical line in the file (the header is line 1). */
    public record BadRow(long line, String id, Text reason) {
    }

    /** The outcome of reading one file: the valid rows, and every invalid row with its reason. */
    public record PastGrantImport(List<PastGrant> accepted, List<BadRow> badRows) {
        public PastGrantImport {
            accepted = List.copyOf(accepted);
            badRows = List.copyOf(badRows);
        }

        public boolean clean() {
            return badRows.isEmpty();
        }

        /** The accepted rows, or an exception listing the bad rows when there is any (all or nothing). */
        public List<PastGrant> requireClean() {
            if (!clean()) {
                StringBuilder b = new StringBuilder(badRows.size() + " bad row(s) in past grants; nothing imported:");
                badRows.stream().limit(20).forEach(r -> b.append("\n  line ").append(r.line()).append(": ")
                        .append(r.reason().en()));
                throw new IllegalArgumentException(b.toString());
            }
            return accepted;
        }
    }

    private final Set<String> programs;

    /** Validates program codes against programs.csv. */
    public PastGrantCsv() {
        this(Catalogs.programs().keySet());
    }

    /** Validates program codes against the given set (e.g. the workbench's configured programs). */
    public PastGrantCsv(Set<String> programCodes) {
        this.programs = Set.copyOf(programCodes);
    }

    public PastGrantImport read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PastGrantImport read(Reader reader) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<PastGrant> accepted = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            List<String> missing = HEADER.stream().filter(h -> !header.contains(h)).toList();
            if (!missing.isEmpty()) {
                bad.add(new BadRow(1, null, new Text("見出し行に列がありません: " + String.join(", ", missing),
                        "header lacks column(s): " + String.join(", ", missing))));
                return new PastGrantImport(List.of(), bad);
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            Map<String, Long> seenIds = new HashMap<>();
            for (CSVRecord rec : parser) {
                long line = rec.getParser().getCurrentLineNumber();
                try {
                    PastGrant g = parse(rec, index);
                    Long first = seenIds.putIfAbsent(g.id(), line);
                    if (first != null) {
                        throw new RowException("ID " + g.id() + " が重複しています（" + first + "行目）",
                                "duplicate id " + g.id() + " (first on line " + first + ")");
                    }
                    accepted.add(g);
                } catch (RowException e) {
                    bad.add(new BadRow(line, value(rec, index, "id"), e.text));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Malformed CSV (e.g. an unterminated quote) makes the rest of the file unreadable.
            bad.add(new BadRow(accepted.size() + bad.size() + 2L, null,
                    new Text("CSVとして読めません: " + e.getMessage(), "not readable as CSV: " + e.getMessage())));
        }
        return new PastGrantImport(accepted, bad);
    }

    /** Writes grants in the same format (for exports and for the demo data). */
    public static void write(List<PastGrant> grants, Writer out) {
        try {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
                    .setRecordSeparator("\n").get());
            for (PastGrant g : grants) {
                p.printRecord(g.id(), g.fiscalYear(), g.program(), g.applicantType(), g.itemName(), g.spec(),
                        g.maker(), g.quantity(), g.unitPrice(), g.amount(), g.decision().name(), g.reasonJa());
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PastGrant parse(CSVRecord rec, Map<String, Integer> index) throws RowException {
        if (rec.size() != index.size()) {
            throw new RowException("列数が " + rec.size() + " です（" + index.size() + " 列のはず）",
                    "has " + rec.size() + " columns, expected " + index.size());
        }
        String id = required(rec, index, "id", "ID");
        int year = (int) number(rec, index, "fiscal_year", "年度", 1989, 2100);
        String program = required(rec, index, "program", "事業");
        if (!programs.contains(program)) {
            throw new RowException("事業コード " + program + " は登録されていません", "unknown program code " + program);
        }
        String item = required(rec, index, "item_name", "品名");
        long quantity = number(rec, index, "quantity", "数量", 1, 1_000_000);
        long unitPrice = number(rec, index, "unit_price", "単価", 0, 10_000_000_000L);
        long amount = number(rec, index, "amount", "金額", 0, 1_000_000_000_000L);
        if (quantity * unitPrice != amount) {
            throw new RowException("金額 " + amount + " が 数量×単価 " + quantity * unitPrice + " と一致しません",
                    "amount " + amount + " differs from quantity × unit price " + quantity * unitPrice);
        }
        String d = required(rec, index, "decision", "決定");
        GrantDecision decision;
        try {
            decision = GrantDecision.valueOf(d.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowException("決定 " + d + " は AWARDED / REDUCED / REJECTED のいずれでもありません",
                    "decision " + d + " is not AWARDED, REDUCED or REJECTED");
        }
        String reason = value(rec, index, "reason_ja");
        if (decision == GrantDecision.REJECTED && reason.isEmpty()) {
            throw new RowException("不採択の理由（reason_ja）がありません", "a rejection needs a reason (reason_ja)");
        }
        return new PastGrant(id, year, program, value(rec, index, "applicant_type"), item, value(rec, index, "spec"),
                value(rec, index, "maker"), quantity, unitPrice, amount, decision, reason);
    }

    private static String value(CSVRecord rec, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= rec.size() ? "" : rec.get(i).trim();
    }

    private static String required(CSVRecord rec, Map<String, Integer> index, String column, String ja)
            throws RowException {
        String v = value(rec, index, column);
        if (v.isEmpty()) {
            throw new RowException(ja + "（" + column + "）が空です", column + " is empty");
        }
        return v;
    }

    private static long number(CSVRecord rec, Map<String, Integer> index, String column, String ja, long min, long max)
            throws RowException {
        String v = required(rec, index, column, ja);
        long n;
        try {
            n = Long.parseLong(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RowException(ja + "（" + column + "）" + v + " は整数ではありません", column + " " + v + " is not a whole number");
        }
        if (n < min || n > max) {
            throw new RowException(ja + "（" + column + "）" + n + " が範囲 " + min + "〜" + max + " の外です",
                    column + " " + n + " is outside " + min + "–" + max);
        }
        return n;
    }

    private static final class RowException extends Exception {
        final Text text;

        RowException(String ja, String en) {
            super(en, null, false, false);
            this.text = new Text(ja, en);
        }
    }
}
