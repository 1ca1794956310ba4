package jp.shinsa.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's account and program lists, shipped with this module as copies of
 * {@code shared/spec/accounts.csv} and {@code programs.csv} so a fresh clone needs nothing beside it.
 * The CSVs are simple (no quoted commas except in the last column of programs.csv, handled here).
 */
public final class Catalogs {
    private static final Map<String, Account> ACCOUNTS = loadAccounts();
    private static final Map<String, Program> PROGRAMS = loadPrograms();

    private Catalogs() {
    }

    public static Map<String, Account> accounts() {
        return ACCOUNTS;
    }

    public static Optional<Account> account(String code) {
        return Optional.ofNullable(ACCOUNTS.get(code));
    }

    public static Map<String, Program> programs() {
        return PROGRAMS;
    }

    public static Optional<Program> program(String code) {
        return Optional.ofNullable(code == null ? null : PROGRAMS.get(code));
    }

    /** Direct components of a subtotal, in file order. */
    public static List<Account> childrenOf(String parentCode) {
        return ACCOUNTS.values().stream().filter(a -> parentCode.equals(a.parent())).toList();
    }

    private static Map<String, Account> loadAccounts() {
        Map<String, Account> out = new LinkedHashMap<>();
        for (List<String> row : rows("accounts.csv")) {
            String parent = row.get(2).isBlank() ? null : row.get(2);
            int sign = parent == null ? 0 : ("-".equals(row.get(3)) ? -1 : 1);
            out.put(row.get(0), new Account(row.get(0), row.get(1), parent, sign, row.get(4), row.get(5)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Program> loadPrograms() {
        Map<String, Program> out = new LinkedHashMap<>();
        for (List<String> row : rows("programs.csv")) {
            String[] rate = row.get(3).split("/");
            out.put(row.get(0), new Program(row.get(0), row.get(1), row.get(2), Integer.parseInt(rate[0].trim()),
                    Integer.parseInt(rate[1].trim()), Long.parseLong(row.get(4).trim()), row.get(5), row.get(6), null));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Rows after the header; the last column takes the rest of the line (it may hold commas). */
    private static List<List<String>> rows(String resource) {
        try (InputStream in = Catalogs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            int columns = header.split(",").length;
            List<List<String>> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(",", columns);
                List<String> row = new ArrayList<>(List.of(parts));
                while (row.size() < columns) {
                    row.add("");
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
