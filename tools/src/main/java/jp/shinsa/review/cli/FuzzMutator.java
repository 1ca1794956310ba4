package jp.shinsa.review.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jp.shinsa.review.cli.FuzzSeeds.Kind;
import jp.shinsa.review.cli.FuzzSeeds.Seed;

/**
 * Makes fuzz file {@code i} from {@code (seed, i)} alone, so any failure is reproduced by its index
 * without replaying the run. About a third of the files get one structure-aware mutation only (a
 * valid ZIP with one odd XML value, a PDF with one odd number or reference) and mostly still parse,
 * which is what reaches the extractors; a third stack structure-aware and byte-level mutations;
 * a third are byte-level only (flips, deletions, duplications, insertions, truncation, splicing).
 */
final class FuzzMutator {
    /** One fuzz input: where it came from and what was done to it, in words. */
    record Mutant(int index, Kind kind, String seedName, String mutations, byte[] bytes) {
        String fileName() {
            return String.format("fuzz-%06d.%s", index, kind.extension);
        }
    }

    private static final String[] PDF_NUMBERS = {"0", "-1", "2147483647", "-2147483648", "2147483648", "4294967296",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999999", "0.0000001", "-0", "1e308",
            "3.4028235E39", "00000000000000000000000001", "-.", "."};
    private static final String[] CELL_REFS = {"XFD1048576", "XFE1", "A1048577", "A0", "A-1", "AAAAAAAA1", "A99999999999",
            "", "1A", "A2147483648", "ZZ", "$A$1", "A1:B2"};
    private static final String[] ROW_NUMBERS = {"0", "-1", "1048576", "1048577", "2147483647", "2147483648", "99999999999", "x", ""};
    private static final String[] SHARED_INDEXES = {"-1", "999999", "2147483647", "2147483648", "x", "1.5", "", "1e3"};
    private static final String[] CELL_VALUES = {"1e309", "-1e309", "NaN", "-0", "1E-400", "99999999999999999999999",
            "Infinity", "0x10", "4.9E-324", "1.7976931348623157E308", "", "２３", "1,000"};
    private static final String[] CELL_TYPES = {"n", "b", "e", "str", "inlineStr", "d", "zzz", ""};
    private static final String[] FORMAT_CODES = {"0".repeat(10_000), "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
            "[<=9999999]###\\-####;(###)\\ ###\\-####", "#,##0" + ",".repeat(40), "0.0E+00000", "[h]:mm:ss", "@@@@",
            "\"", "[Red", "# ?/?", "# ????????/????????", "[$€-2] #,##0.00", "yyyy\"年\"m\"月\"d\"日\"" + ";".repeat(10),
            "[DBNum3][$-411]0", "0;0;0;0;0;0", "\\", "[>=100][<=200]0", "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", "e"};
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.#/\\\\])-?\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern OBJ = Pattern.compile("(\\d+) (\\d+) obj");
    private static final Pattern REF = Pattern.compile("(\\d+) (\\d+) R");
    private static final Pattern LENGTH = Pattern.compile("/Length (\\d+(?: \\d+ R)?)");
    private static final Pattern XREF_ENTRY = Pattern.compile("(\\d{10}) (\\d{5}) ([nf])");
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)");
    private static final Pattern COUNT = Pattern.compile("/Count (\\d+)");

    static final java.time.LocalDateTime FIXED_TIME = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);

    private final FuzzSeeds seeds;
    private final long seed;

    FuzzMutator(FuzzSeeds seeds, long seed) {
        this.seeds = seeds;
        this.seed = seed;
    }

    Mutant mutate(int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        double k = r.nextDouble();
        Kind kind = k < 0.45 ? Kind.PDF : k < 0.9 ? Kind.XLSX : Kind.CSV;
        List<Seed> pool = seeds.of(kind);
        Seed s = pool.get(r.nextInt(pool.size()));
        byte[] b = s.bytes();
        List<String> done = new ArrayList<>();
        double mode = r.nextDouble();
        int aware = mode < 0.35 ? 1 : mode < 0.65 ? 1 + r.nextInt(3) : 0;
        int bytes = mode < 0.35 ? 0 : mode < 0.65 ? 1 + r.nextInt(2) : 1 + r.nextInt(6);
        for (int j = 0; j < aware; j++) {
            b = switch (kind) {
                case PDF -> pdf(b, r, done);
                case XLSX -> xlsx(b, r, done);
                case CSV -> csv(b, r, done);
            };
        }
        for (int j = 0; j < bytes; j++) {
            // Raw bytes of a ZIP mostly stop at its checks; most XLSX byte mutations go inside one part instead.
            b = kind == Kind.XLSX && r.nextInt(10) < 7 ? insidePart(b, r, done) : bytes(b, r, done, kind);
        }
        return new Mutant(index, kind, s.name(), String.join(" + ", done), b);
    }

    /** A 64-bit finaliser (SplitMix64): neighbouring indexes get unrelated streams. */
    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- byte level: what a format-blind fuzzer does ----

    private byte[] bytes(byte[] b, SplittableRandom r, List<String> done, Kind kind) {
        if (b.length < 2) {
            return insert(b, r, done);
        }
        return switch (r.nextInt(7)) {
            case 0 -> {
                byte[] out = b.clone();
                int n = 1 + r.nextInt(16);
                for (int i = 0; i < n; i++) {
                    int p = r.nextInt(out.length);
                    out[p] ^= (byte) (1 << r.nextInt(8));
                }
                done.add("flip " + n + " bits");
                yield out;
            }
            case 1 -> {
                byte[] out = b.clone();
                int[] values = {0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE};
                int n = 1 + r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    int p = r.nextInt(out.length);
                    if (r.nextBoolean() && p + 4 <= out.length) {
                        int v = r.nextBoolean() ? 0x7FFFFFFF : 0xFFFFFFFF;
                        out[p] = (byte) v;
                        out[p + 1] = (byte) (v >> 8);
                        out[p + 2] = (byte) (v >> 16);
                        out[p + 3] = (byte) (v >> 24);
                    } else {
                        out[p] = (byte) values[r.nextInt(values.length)];
                    }
                }
                done.add("overwrite " + n + " interesting values");
                yield out;
            }
            case 2 -> {
                int len = 1 + r.nextInt(Math.max(1, Math.min(b.length / 4, 4096)));
                int p = r.nextInt(b.length - Math.min(len, b.length - 1));
                done.add("delete " + len + " bytes at " + p);
                yield concat(slice(b, 0, p), slice(b, Math.min(b.length, p + len), b.length));
            }
            case 3 -> {
                int len = 1 + r.nextInt(Math.min(b.length, 4096));
                int from = r.nextInt(b.length - len + 1);
                int to = r.nextInt(b.length + 1);
                done.add("duplicate " + len + " bytes from " + from + " to " + to);
                yield concat(slice(b, 0, to), slice(b, from, from + len), slice(b, to, b.length));
            }
            case 4 -> insert(b, r, done);
            case 5 -> {
                int p = 1 + r.nextInt(b.length - 1);
                done.add("truncate at " + p);
                yield slice(b, 0, p);
            }
            default -> {
                List<Seed> pool = r.nextInt(10) < 6 ? seeds.of(kind) : seeds.all();
                Seed other = pool.get(r.nextInt(pool.size()));
                int p = r.nextInt(b.length);
                int q = r.nextInt(other.bytes().length);
                done.add("splice at " + p + " with " + other.name() + " from " + q);
                yield concat(slice(b, 0, p), slice(other.bytes(), q, other.bytes().length));
            }
        };
    }

    private static byte[] insert(byte[] b, SplittableRandom r, List<String> done) {
        byte[] junk = new byte[1 + r.nextInt(256)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) r.nextInt(256);
        }
        int p = r.nextInt(b.length + 1);
        done.add("insert " + junk.length + " random bytes at " + p);
        return concat(slice(b, 0, p), junk, slice(b, p, b.length));
    }

    // ---- PDF: numbers, references, xref, stream lengths, keywords, nesting, content operators ----

    private byte[] pdf(byte[] b, SplittableRandom r, List<String> done) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        String out = switch (r.nextInt(9)) {
            case 0 -> {
                int n = 1 + r.nextInt(4);
                String t = s;
                for (int i = 0; i < n; i++) {
                    t = replaceOne(t, NUMBER, 0, r, PDF_NUMBERS[r.nextInt(PDF_NUMBERS.length)], done, "pdf number");
                }
                yield t;
            }
            case 1 -> {
                if (r.nextBoolean()) {
                    yield replaceOne(s, STARTXREF, 1, r, pick(r, "0", "-1", "99999999", "2147483648", String.valueOf(r.nextInt(s.length()))),
                            done, "startxref");
                }
                yield replaceOne(s, XREF_ENTRY, 1, r, String.format("%010d", r.nextInt(Math.max(1, s.length() * 2))), done, "xref offset");
            }
            case 2 -> replaceOne(s, OBJ, 1, r, pick(r, "0", "1", "2", "3", "-1", "2147483647", "99999999999"), done, "object number");
            case 3 -> replaceOne(s, REF, 1, r, pick(r, "0", "1", "2", "3", "4", "5", "-1", "2147483647", "99999"), done, "object reference");
            case 4 -> replaceOne(s, LENGTH, 1, r, pick(r, "0", "-1", "1", "2147483647", "99999999999", "9999 0 R", "1 0 R"), done, "stream /Length");
            case 5 -> {
                String word = pick(r, "endstream", "endobj", "stream", ">>", "trailer", "xref", "%%EOF");
                int at = nth(s, word, r);
                if (at < 0) {
                    yield s;
                }
                done.add("remove '" + word + "' at " + at);
                yield s.substring(0, at) + s.substring(at + word.length());
            }
            case 6 -> {
                int depth = pickInt(r, 100, 1_000, 10_000, 100_000);
                boolean dict = r.nextBoolean();
                boolean closed = r.nextBoolean();
                String open = dict ? "<< /K " : "[";
                String close = dict ? ">>" : "]";
                int at = nth(s, r.nextBoolean() ? "/Type" : ">>", r);
                at = at < 0 ? r.nextInt(s.length()) : at;
                done.add((closed ? "" : "unclosed ") + (dict ? "dictionaries" : "arrays") + " nested " + depth + " deep at " + at);
                yield s.substring(0, at) + (dict ? "/Deep " : "/Deep ") + open.repeat(depth) + (closed ? (dict ? "1 " : "") + close.repeat(depth) : "")
                        + " " + s.substring(at);
            }
            case 7 -> {
                int at = nth(s, "BT ", r);
                if (at < 0) {
                    yield replaceOne(s, COUNT, 1, r, pick(r, "0", "2147483647", "-1", "999999"), done, "/Count");
                }
                String ops = pick(r, "q ".repeat(pickInt(r, 1_000, 100_000)), "Q Q Q Q ", "BT BT BT ", "ET ", "/F9 10 Tf ",
                        "/X1 Do ", "0 0 0 0 0 0 Tm ", "1e30 0 0 1e30 0 0 cm ", "/F1 0 Tf ", "/F1 -1e9 Tf ",
                        "[(" + "x".repeat(10_000) + ")] TJ ", "<FFFE> Tj ", "<D800> Tj ", "1 0 0 1 NaN 0 Tm ");
                done.add("content operators " + abbreviate(ops) + " at " + at);
                yield s.substring(0, at) + ops + s.substring(at);
            }
            default -> replaceOne(s, COUNT, 1, r, pick(r, "0", "2147483647", "-1", "999999", "2"), done, "/Count");
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- XLSX: odd XML inside a valid ZIP, or a damaged ZIP ----

    private byte[] xlsx(byte[] b, SplittableRandom r, List<String> done) {
        Map<String, byte[]> parts = unzip(b);
        if (parts == null || parts.isEmpty()) {
            return zipStructure(b, r, done);
        }
        String sheet = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/sheet")).findFirst().orElse(null);
        int op = r.nextInt(14);
        if (op == 13) {
            return zipStructure(b, r, done);
        }
        String target = switch (op) {
            case 2 -> "xl/sharedStrings.xml";
            case 7 -> "xl/styles.xml";
            case 9, 12 -> "xl/workbook.xml";
            case 10 -> pick(r, "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "docProps/core.xml");
            case 11 -> pick(r, "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                    "xl/styles.xml", "xl/workbook.xml", sheet);
            default -> sheet;
        };
        if (target == null || !parts.containsKey(target)) {
            return bytes(b, r, done, Kind.XLSX);
        }
        String x = new String(parts.get(target), StandardCharsets.UTF_8);
        String changed = switch (op) {
            case 0 -> replaceAttr(x, "c", "r", r, pick(r, CELL_REFS), done);
            case 1 -> replaceAttr(x, "row", "r", r, pick(r, ROW_NUMBERS), done);
            case 2 -> {
                // a cell that points past (or before) the shared strings table
                if (sheet == null) {
                    yield x;
                }
                String s = parts.containsKey(sheet) ? new String(parts.get(sheet), StandardCharsets.UTF_8) : "";
                String t = replaceOne(s, Pattern.compile("t=\"s\"[^>]*><v>(\\d+)</v>"), 1, r, pick(r, SHARED_INDEXES), done, "shared string index");
                parts.put(sheet, t.getBytes(StandardCharsets.UTF_8));
                yield r.nextBoolean() ? x : x.replaceFirst("<si>.*?</si>", "");
            }
            case 3 -> {
                String ref = pick(r, "A1:XFD1048576", "A1:A1", "XFD1048576", "A0:B-1", "", "A1:" + "Z".repeat(100) + "1");
                done.add("dimension " + ref);
                yield x.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"" + ref + "\"/>");
            }
            case 4 -> {
                int n = pickInt(r, 1, 10_000);
                String ref = pick(r, "A1:XFD1048576", "A1:B2", "B2:A1", "A1:A1", "C3:XFD3", "A-1:B2");
                done.add(n + " merged regions " + ref);
                StringBuilder m = new StringBuilder("<mergeCells count=\"" + n + "\">");
                for (int i = 0; i < n; i++) {
                    m.append("<mergeCell ref=\"").append(n == 1 ? ref : "A" + (i + 1) + ":" + "C" + (i + 1)).append("\"/>");
                }
                yield x.replaceFirst("</sheetData>", "</sheetData>" + Matcher.quoteReplacement(m.append("</mergeCells>").toString()));
            }
            case 5 -> {
                int depth = pickInt(r, 1_000, 10_000, 100_000);
                String el = pick(r, "x", "c", "row", "is");
                done.add("<" + el + "> nested " + depth + " deep in " + target);
                int at = x.indexOf("<sheetData>");
                at = at < 0 ? x.length() / 2 : at + "<sheetData>".length();
                yield x.substring(0, at) + ("<" + el + ">").repeat(depth) + ("</" + el + ">").repeat(depth) + x.substring(at);
            }
            case 6 -> {
                String t = x;
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    t = r.nextBoolean() ? replaceOne(t, Pattern.compile("<v>([^<]*)</v>"), 1, r, pick(r, CELL_VALUES), done, "cell value")
                            : replaceAttr(t, "c", "t", r, pick(r, CELL_TYPES), done);
                }
                yield t;
            }
            case 7 -> {
                String code = pick(r, FORMAT_CODES);
                done.add("number format " + abbreviate(code));
                String esc = code.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
                // one custom format, used by every cell style: DateUtil and DataFormatter parse it for each number
                String t = x.replaceAll("(?s)<numFmts.*?</numFmts>", "");
                int at = t.indexOf('>', Math.max(0, t.indexOf("<styleSheet"))) + 1;
                t = t.substring(0, at) + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"" + esc + "\"/></numFmts>" + t.substring(at);
                yield t.replaceAll("(<xf\\b[^>]*?numFmtId=\")\\d+", "$1164");
            }
            case 8 -> replaceAttr(x, "c", "s", r, pick(r, "-1", "99999", "2147483648", "x", "1"), done);
            case 9 -> {
                int n = pickInt(r, 2, 200, 5_000);
                Matcher m = Pattern.compile("<sheet [^>]*/>").matcher(x);
                if (!m.find()) {
                    yield x;
                }
                done.add("sheet entry repeated " + n + " times");
                StringBuilder rep = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    rep.append(m.group().replaceFirst("name=\"[^\"]*\"", "name=\"S" + i + "\"").replaceFirst("sheetId=\"\\d+\"", "sheetId=\"" + (i + 1) + "\""));
                }
                yield x.substring(0, m.start()) + rep + x.substring(m.end());
            }
            case 10 -> replaceOne(x, Pattern.compile("Target=\"([^\"]*)\""), 1, r,
                    pick(r, "", "/", "../../../../etc/passwd", "http://127.0.0.1:9/x.xml", "xl/worksheets/sheet1.xml",
                            "/xl/workbook.xml", "%00", "C:\\x.xml"), done, "relationship target");
            case 11 -> {
                // entity expansion and external entities: the XML parser must not honour DTDs
                String dtd = r.nextBoolean()
                        ? "<!DOCTYPE x [<!ENTITY a \"" + "a".repeat(100) + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                        : "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>";
                done.add("DOCTYPE with entities in " + target);
                String body = x.replaceFirst("^<\\?xml[^>]*\\?>", "");
                int at = body.indexOf("<v>");
                if (at >= 0) {
                    body = body.substring(0, at + 3) + "&e;" + body.substring(at + 3);
                }
                yield "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + body;
            }
            default -> {
                // damage the XML itself but keep the ZIP valid: a parser error, not a ZIP error
                byte[] xb = x.getBytes(StandardCharsets.UTF_8);
                byte[] m = bytes(xb, r, done, Kind.XLSX);
                done.set(done.size() - 1, done.get(done.size() - 1) + " in " + target);
                parts.put(target, m);
                yield null;
            }
        };
        if (changed != null) {
            parts.put(target, changed.getBytes(StandardCharsets.UTF_8));
        }
        if (op == 12 && r.nextBoolean()) {
            String gone = pick(r, List.copyOf(parts.keySet()).toArray(String[]::new));
            parts.remove(gone);
            done.add("part " + gone + " removed");
        }
        return zip(parts);
    }

    /** A byte-level mutation of one part, the ZIP rebuilt around it (raw bytes when it is no longer a readable ZIP). */
    private byte[] insidePart(byte[] b, SplittableRandom r, List<String> done) {
        Map<String, byte[]> parts = unzip(b);
        if (parts == null || parts.isEmpty()) {
            return bytes(b, r, done, Kind.XLSX);
        }
        List<String> names = List.copyOf(parts.keySet());
        String name = names.get(r.nextInt(names.size()));
        parts.put(name, bytes(parts.get(name), r, done, Kind.XLSX));
        done.set(done.size() - 1, done.get(done.size() - 1) + " in " + name);
        return zip(parts);
    }

    /** The ZIP's own records: central directory, end record and local headers. */
    private static byte[] zipStructure(byte[] b, SplittableRandom r, List<String> done) {
        byte[] out = b.clone();
        int choice = r.nextInt(3);
        byte[] sig = switch (choice) {
            case 0 -> new byte[] {'P', 'K', 1, 2};
            case 1 -> new byte[] {'P', 'K', 5, 6};
            default -> new byte[] {'P', 'K', 3, 4};
        };
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 4 <= out.length; i++) {
            if (out[i] == sig[0] && out[i + 1] == sig[1] && out[i + 2] == sig[2] && out[i + 3] == sig[3]) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return out;
        }
        int base = at.get(r.nextInt(at.size()));
        int[] fields = switch (choice) {
            case 0 -> new int[] {10, 20, 24, 28, 30, 32, 42}; // method, sizes, name/extra/comment length, local offset
            case 1 -> new int[] {8, 10, 12, 16, 20}; // entries on disk, total entries, CD size, CD offset, comment length
            default -> new int[] {8, 18, 22, 26, 28}; // method, sizes, name/extra length
        };
        int f = fields[r.nextInt(fields.length)];
        long v = pickLong(r, 0L, 0xFFFFL, 0xFFFFFFFFL, 0x7FFFFFFFL, 1L, 99L, 12L, 14L);
        int width = (choice == 0 && (f == 10 || f >= 28 && f <= 32)) || (choice == 1 && (f <= 10 || f == 20))
                || (choice == 2 && (f == 8 || f >= 26)) ? 2 : 4;
        for (int i = 0; i < width && base + f + i < out.length; i++) {
            out[base + f + i] = (byte) (v >> (8 * i));
        }
        done.add(String.format("zip %s field +%d = %d", choice == 0 ? "central directory" : choice == 1 ? "end record" : "local header", f, v));
        return out;
    }

    // ---- CSV ----

    private byte[] csv(byte[] b, SplittableRandom r, List<String> done) {
        String s = new String(b, StandardCharsets.UTF_8);
        int p = r.nextInt(s.length() + 1);
        return switch (r.nextInt(6)) {
            case 0 -> {
                done.add("lone quote at " + p);
                yield (s.substring(0, p) + "\"" + s.substring(p)).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                String field = pick(r, "x", "9", "\"\"").repeat(pickInt(r, 10_000, 1_000_000));
                done.add("huge field at " + p);
                yield (s.substring(0, p) + field + s.substring(p)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                String row = ",".repeat(pickInt(r, 1_000, 100_000)) + "\r\n";
                done.add("wide row at " + p);
                yield (s.substring(0, p) + row + s.substring(p)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                String cs = pick(r, "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP");
                done.add("re-encoded as " + cs);
                yield s.getBytes(java.nio.charset.Charset.forName(cs));
            }
            case 4 -> {
                byte[] odd = pick(r, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {0}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
                int at = r.nextInt(b.length + 1);
                done.add("odd bytes at " + at);
                yield concat(slice(b, 0, at), odd, slice(b, at, b.length));
            }
            default -> replaceOne(s, NUMBER, 0, r, pick(r, PDF_NUMBERS), done, "csv number").getBytes(StandardCharsets.UTF_8);
        };
    }

    // ---- helpers ----

    private static String replaceAttr(String x, String element, String attr, SplittableRandom r, String value, List<String> done) {
        return replaceOne(x, Pattern.compile("<" + element + "\\b[^>]*?\\s" + attr + "=\"([^\"]*)\""), 1, r, value, done,
                "<" + element + " " + attr + ">");
    }

    /** Replaces group {@code group} of one random match of {@code p} (no change when nothing matches). */
    private static String replaceOne(String s, Pattern p, int group, SplittableRandom r, String value, List<String> done, String what) {
        Matcher m = p.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find() && spans.size() < 100_000) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        done.add(what + " " + abbreviate(s.substring(span[0], span[1])) + " → " + abbreviate(value));
        return s.substring(0, span[0]) + value + s.substring(span[1]);
    }

    private static int nth(String s, String word, SplittableRandom r) {
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(word); i >= 0 && at.size() < 10_000; i = s.indexOf(word, i + 1)) {
            at.add(i);
        }
        return at.isEmpty() ? -1 : at.get(r.nextInt(at.size()));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static int pickInt(SplittableRandom r, int... values) {
        return values[r.nextInt(values.length)];
    }

    private static long pickLong(SplittableRandom r, long... values) {
        return values[r.nextInt(values.length)];
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 24 ? t.substring(0, 20) + "…(" + t.length() + ")" : t;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The ZIP's parts in order, or null when it is not a readable ZIP (an earlier byte-level mutation). */
    static Map<String, byte[]> unzip(byte[] b) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readNBytes(4 << 20));
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return parts;
    }

    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(FIXED_TIME); // not the clock: file i must be the same bytes in every run
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
