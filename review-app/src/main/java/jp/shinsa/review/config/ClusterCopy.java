package jp.shinsa.review.config;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the workbench's database from one PostgreSQL server to an empty one of another major version
 * (decision 017): the schema is made on the new server by the application's own Flyway migrations, up to
 * the version the old database has, every table's rows are streamed across with {@code COPY} (text
 * format, portable between majors) and the sequences set; then every table's row count and a checksum
 * of its rows are compared on both sides. Anything the migrations do not make (another database, a
 * role, a large object, a table or column of its own) stops the copy with its name rather than being
 * left behind.
 */
final class ClusterCopy {
    private static final Logger log = LoggerFactory.getLogger(ClusterCopy.class);
    /** Session settings that make the text of every value the same on both servers. */
    private static final String[] SAME_TEXT = {"SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'", "SET extra_float_digits = 1", "SET bytea_output = 'hex'"};

    /** What was copied: tables, rows, and the schema version the migrations were run to (null: none). */
    record Result(int tables, long rows, String schemaVersion) {
    }

    private ClusterCopy() {
    }

    static Result copy(DataSource from, DataSource to, String... flywayLocations) throws SQLException, IOException {
        try (Connection src = from.getConnection(); Connection dst = to.getConnection()) {
            // One snapshot of the old database for the copy and its check.
            src.setAutoCommit(false);
            src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            src.setReadOnly(true);
            settle(src);
            refuseWhatMigrationsDoNotMake(src);
            MigrationInfo current = Flyway.configure().dataSource(from).locations(flywayLocations).load().info().current();
            Map<String, List<String>> oldTables = tables(src);
            if (current == null) {
                if (!oldTables.isEmpty()) {
                    throw new IOException("the old database has tables but no Flyway history: " + oldTables.keySet());
                }
                src.rollback();
                return new Result(0, 0, null);
            }
            String version = current.getVersion().getVersion();
            Flyway.configure().dataSource(to).locations(flywayLocations).target(version).load().migrate();
            settle(dst);
            Map<String, List<String>> newTables = tables(dst);
            if (!oldTables.equals(newTables)) {
                throw new IOException("the old database's tables differ from what the migrations up to " + version
                        + " make: " + difference(oldTables, newTables));
            }
            List<String> sequences = sequences(src);
            if (!sequences.equals(sequences(dst))) {
                throw new IOException("the old database's sequences differ from what the migrations up to " + version
                        + " make: " + sequences + " against " + sequences(dst));
            }
            long rows = 0;
            dst.setAutoCommit(false);
            try (Statement s = dst.createStatement()) {
                // Rows go in as they are: no trigger and no foreign-key check fires during the load.
                s.execute("SET LOCAL session_replication_role = replica");
                s.execute("TRUNCATE " + String.join(", ", newTables.keySet()));
            }
            for (Map.Entry<String, List<String>> t : newTables.entrySet()) {
                long n = copyTable(src, dst, t.getKey(), t.getValue());
                log.info("upgrade: {} rows of {} copied", n, t.getKey());
                rows += n;
            }
            copySequences(src, dst, sequences);
            dst.commit();
            dst.setAutoCommit(true);
            for (String t : newTables.keySet()) {
                String before = checksum(src, t);
                String after = checksum(dst, t);
                if (!before.equals(after)) {
                    throw new IOException("table " + t + " differs after the copy (rows and checksum " + before
                            + " before, " + after + " after)");
                }
            }
            for (String seq : sequences) {
                String before = sequenceState(src, seq);
                String after = sequenceState(dst, seq);
                if (!before.equals(after)) {
                    throw new IOException("sequence " + seq + " differs after the copy (" + before + " / " + after + ")");
                }
            }
            src.rollback();
            return new Result(newTables.size(), rows, version);
        }
    }

    private static void settle(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SAME_TEXT) {
                s.execute(sql);
            }
        }
    }

    private static void refuseWhatMigrationsDoNotMake(Connection src) throws SQLException, IOException {
        List<String> databases = strings(src, "SELECT datname FROM pg_database "
                + "WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1");
        if (!databases.isEmpty()) {
            throw new IOException("the old server has databases besides postgres, which the upgrade does not carry: " + databases);
        }
        List<String> roles = strings(src, "SELECT rolname FROM pg_roles WHERE rolname <> 'postgres' "
                + "AND rolname NOT LIKE 'pg\\_%' ORDER BY 1");
        if (!roles.isEmpty()) {
            throw new IOException("the old server has roles besides postgres, which the upgrade does not carry: " + roles);
        }
        if (!"0".equals(strings(src, "SELECT count(*) FROM pg_largeobject_metadata").getFirst())) {
            throw new IOException("the old database has large objects, which the upgrade does not carry");
        }
    }

    /** Every ordinary table outside the system schemas, qualified and quoted, with its stored columns in order. */
    private static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(cl.relname), quote_ident(a.attname)
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                WHERE cl.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
                ORDER BY 1, a.attnum""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static List<String> sequences(Connection c) throws SQLException {
        return strings(c, "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences ORDER BY 1");
    }

    private static long copyTable(Connection src, Connection dst, String table, List<String> columns)
            throws SQLException {
        String cols = String.join(", ", columns);
        CopyOut out = src.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " (" + cols + ") TO STDOUT");
        CopyIn in = dst.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + cols + ") FROM STDIN");
        try {
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                in.writeToCopy(row, 0, row.length);
            }
            return in.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
    }

    private static void copySequences(Connection src, Connection dst, List<String> sequences) throws SQLException {
        for (String seq : sequences) {
            try (Statement s = src.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + seq);
                 PreparedStatement set = dst.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                rs.next();
                set.setString(1, seq);
                set.setLong(2, rs.getLong(1));
                set.setBoolean(3, rs.getBoolean(2));
                set.executeQuery().close();
            }
        }
    }

    /** Row count and an order-independent sum of each row's MD5, as text. */
    private static String checksum(Connection c, String table) throws SQLException {
        return strings(c, "SELECT count(*) || ':' || coalesce(sum(('x' || left(md5(t::text), 16))::bit(64)::bigint::numeric), 0)"
                + " FROM ONLY " + table + " t").getFirst();
    }

    private static String sequenceState(Connection c, String seq) throws SQLException {
        return strings(c, "SELECT last_value || ':' || is_called FROM " + seq).getFirst();
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String difference(Map<String, List<String>> old, Map<String, List<String>> made) {
        List<String> parts = new ArrayList<>();
        for (var e : old.entrySet()) {
            if (!made.containsKey(e.getKey())) {
                parts.add("table " + e.getKey() + " is not made by the migrations");
            } else if (!made.get(e.getKey()).equals(e.getValue())) {
                parts.add("table " + e.getKey() + " has columns " + e.getValue() + ", the migrations make "
                        + made.get(e.getKey()));
            }
        }
        for (String t : made.keySet()) {
            if (!old.containsKey(t)) {
                parts.add("table " + t + " is missing in the old database");
            }
        }
        return String.join("; ", parts);
    }
}
