package jp.shinsa.review.registry;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.PastGrant;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.scoring.fit.PastGrantCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training data in PostgreSQL (imported past grants and past applicants), with the shipped
 * demo data as the fallback while nothing has been imported. Rows whose id hashes to 0 mod 5 are
 * the held-out set: candidates are trained without them, and compared on them.
 */
@Repository
class TrainingData {
    static final List<String> APPLICANT_ACCOUNTS = List.of("medical_revenue", "medical_expenses", "medical_profit",
            "ordinary_profit", "net_income", "depreciation", "current_assets", "fixed_assets", "total_assets",
            "current_liabilities", "fixed_liabilities", "total_liabilities", "net_assets", "short_term_borrowings",
            "long_term_borrowings", "cash_and_deposits");
    static final String LABEL = "distress_within_3y";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    TrainingData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static boolean heldOut(String id) {
        return Math.floorMod(id.hashCode(), 5) == 0;
    }

    /** A past applicant: id, year, beds, the 16 accounts, distressed. */
    record Applicant(String id, int fiscalYear, Integer beds, Map<String, Long> accounts, int distressed) {
    }

    List<PastGrant> grants() {
        List<PastGrant> stored = jdbc.sql("""
                SELECT id, fiscal_year, program, applicant_type, item_name, spec, maker, quantity, unit_price, amount,
                       decision, reason_ja FROM past_grant ORDER BY id""")
                .query((rs, i) -> new PastGrant(rs.getString("id"), rs.getInt("fiscal_year"), rs.getString("program"),
                        rs.getString("applicant_type"), rs.getString("item_name"), rs.getString("spec"), rs.getString("maker"),
                        rs.getLong("quantity"), rs.getLong("unit_price"),
                        rs.getLong("amount"), jp.shinsa.models.GrantDecision.valueOf(rs.getString("decision")),
                        rs.getString("reason_ja")))
                .list();
        if (!stored.isEmpty()) {
            return stored;
        }
        return new PastGrantCsv().read(new StringReader(new String(PipelineFactory.demoPastGrants(), StandardCharsets.UTF_8)))
                .requireClean();
    }

    boolean grantsImported() {
        return jdbc.sql("SELECT count(*) FROM past_grant").query(Long.class).single() > 0;
    }

    boolean applicantsImported() {
        return jdbc.sql("SELECT count(*) FROM past_applicant").query(Long.class).single() > 0;
    }

    List<Applicant> applicants() {
        List<Applicant> stored = jdbc.sql("SELECT id, fiscal_year, beds, accounts::text AS a, distressed FROM past_applicant ORDER BY id")
                .query((rs, i) -> new Applicant(rs.getString("id"), rs.getInt("fiscal_year"), rs.getObject("beds", Integer.class),
                        accounts(rs.getString("a")), rs.getInt("distressed")))
                .list();
        return stored.isEmpty() ? parseApplicants(PipelineFactory.demoPastApplicants()) : stored;
    }

    private static Map<String, Long> accounts(String json) {
        Map<String, Long> out = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    /** Parses the past-applicants CSV format; throws with the line number on the first bad row. */
    static List<Applicant> parseApplicants(byte[] csv) {
        ApplicantImport read = readApplicants(csv);
        if (!read.badRows().isEmpty()) {
            throw new IllegalStateException("bad past-applicants data: " + read.badRows().get(0));
        }
        return read.rows();
    }

    record ApplicantImport(List<Applicant> rows, List<String> badRows) {
    }

    static ApplicantImport readApplicants(byte[] csv) {
        List<Applicant> rows = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "")))) {
            Set<String> header = parser.getHeaderMap().keySet();
            List<String> missing = new ArrayList<>();
            for (String c : concat(List.of("id", "fiscal_year", "beds", LABEL), APPLICANT_ACCOUNTS)) {
                if (!header.contains(c)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                bad.add("header: missing columns " + missing);
                return new ApplicantImport(List.of(), bad);
            }
            Set<String> seen = new java.util.HashSet<>();
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    String id = r.get("id");
                    if (id.isBlank() || !seen.add(id)) {
                        throw new IllegalArgumentException(id.isBlank() ? "empty id" : "duplicate id " + id);
                    }
                    Map<String, Long> accounts = new LinkedHashMap<>();
                    for (String a : APPLICANT_ACCOUNTS) {
                        accounts.put(a, Long.parseLong(r.get(a)));
                    }
                    int label = Integer.parseInt(r.get(LABEL));
                    if (label != 0 && label != 1) {
                        throw new IllegalArgumentException(LABEL + " must be 0 or 1");
                    }
                    String beds = r.get("beds");
                    rows.add(new Applicant(id, Integer.parseInt(r.get("fiscal_year")),
                            beds.isBlank() ? null : Integer.parseInt(beds), accounts, label));
                } catch (RuntimeException e) {
                    bad.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            bad.add("unreadable CSV: " + e.getMessage());
        }
        return new ApplicantImport(rows, bad);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The applicants as the past-applicants CSV the risk trainer reads. */
    static byte[] applicantsCsv(List<Applicant> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(concat(concat(List.of("id", "fiscal_year", "beds"),
                APPLICANT_ACCOUNTS), List.of(LABEL)).toArray(String[]::new)).get().print(w)) {
            for (Applicant a : rows) {
                List<Object> values = new ArrayList<>(List.of(a.id(), a.fiscalYear(), a.beds() == null ? "" : a.beds()));
                APPLICANT_ACCOUNTS.forEach(k -> values.add(a.accounts().get(k)));
                values.add(a.distressed());
                p.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    long insertBatch(String kind, String fileName, String sha256, int rows, String actor) {
        return jdbc.sql("INSERT INTO import_batch (kind, file_name, sha256, rows_added, imported_by) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(kind, fileName, sha256, rows, actor).query(Long.class).single();
    }

    Set<String> existingGrantIds() {
        return new java.util.HashSet<>(jdbc.sql("SELECT id FROM past_grant").query(String.class).list());
    }

    Set<String> existingApplicantIds() {
        return new java.util.HashSet<>(jdbc.sql("SELECT id FROM past_applicant").query(String.class).list());
    }

    void insertGrant(PastGrant g, long batch) {
        jdbc.sql("""
                INSERT INTO past_grant (id, fiscal_year, program, applicant_type, item_name, spec, maker, quantity, unit_price,
                                        amount, decision, reason_ja, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.id(), g.fiscalYear(), g.program(), g.applicantType(), g.itemName(), g.spec(), g.maker(),
                        g.quantity(), g.unitPrice(), g.amount(), g.decision().name(), g.reasonJa(), batch)
                .update();
    }

    void insertApplicant(Applicant a, long batch) {
        jdbc.sql("INSERT INTO past_applicant (id, fiscal_year, beds, accounts, distressed, import_id) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)")
                .params(a.id(), a.fiscalYear(), a.beds(), JSON.writeValueAsString(a.accounts()), a.distressed(), batch)
                .update();
    }


    List<ImportBatch> batches() {
        return jdbc.sql("SELECT * FROM import_batch ORDER BY id DESC")
                .query((rs, i) -> new ImportBatch(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getInt("rows_added"), rs.getString("imported_by"),
                        rs.getObject("imported_at", java.time.OffsetDateTime.class)))
                .list();
    }
}
