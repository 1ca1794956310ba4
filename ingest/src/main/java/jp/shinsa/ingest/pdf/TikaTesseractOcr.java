package jp.shinsa.ingest.pdf;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;

/**
 * OCR of page images by the {@code tesseract} command, in Japanese, page segmentation 4 (sparse
 * columns of variable size: a table's label and amounts stay on one line), with inter-word spacing
 * preserved so wide gaps still separate cells. Each run writes the text and Tesseract's TSV word
 * boxes, so every cell of an OCR line can carry the box of its words ({@link #lines(Reading, String,
 * int, AffineTransform)}). The class kept its name from when it called Tesseract through Tika's
 * parser; the command is run directly now, with {@code OMP_THREAD_LIMIT=1} so that pages read in
 * parallel do not fight over the cores (docs/decisions/018-office-scans.md).
 */
public final class TikaTesseractOcr {
    private static final Pattern WIDE_GAP = Pattern.compile("\\s{2,}");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern SPLIT_GROUP_1 = Pattern.compile("(\\d[,.]\\d{2}) (\\d)(?![\\d,.])");
    private static final Pattern SPLIT_GROUP_2 = Pattern.compile("(\\d[,.]\\d) (\\d{2})(?![\\d,.])");
    private static final Pattern SPACE_AS_SEPARATOR = Pattern.compile("(?<![\\d,.])(\\d{1,3}) (\\d{3}[,.]{1,2}\\d{3})");
    private static final Pattern SPACE_AS_LAST_SEPARATOR = Pattern.compile("(\\d[,.]{1,2}\\d{3}) (\\d{3})(?![\\d,.])");
    private static final Pattern SPACE_BEFORE_SEPARATOR = Pattern.compile("(?<![\\d,.])(\\d{1,3}) ([.,]{1,2}\\d{3}[.,])");
    private static final Pattern SPACE_AS_ONLY_SEPARATOR = Pattern.compile("(?<=^|\\s)([△▲AaΔ人入]{0,2}\\d{1,3}) (\\d{3})(?=$|\\s)");

    private static final Pattern CHANGE_HEADER = Pattern.compile("(?<=^|\\s)(?:[^\\s減]減|増[滅咸减])(?=$|\\s)");
    private static final Pattern MISREAD_ERA = Pattern.compile("(?<=[(（])[^令昭平\\s\\d]和(?=\\d{1,2}年)");
    private static final Pattern YEAR_HEADER = Pattern.compile("(?<=^|\\s)([前当本今])\\s?(?:[生牛午牢平芋]\\s?[度庭渡]|年\\s?[庭渡席])(?=$|\\s)");

    private final String language;
    private final int timeoutSeconds;
    private final boolean available;
    private volatile boolean orientationDetection;

    public TikaTesseractOcr(String language, int timeoutSeconds) {
        this.language = language;
        this.timeoutSeconds = timeoutSeconds;
        boolean ok;
        boolean osd;
        try {
            String langs = run(List.of(TESSERACT, "--list-langs"), 20);
            List<String> installed = langs.lines().map(String::strip).toList();
            ok = installed.containsAll(List.of(language.split("\\+")));
            osd = installed.contains("osd");
        } catch (IOException e) {
            ok = false;
            osd = false;
        }
        this.available = ok;
        this.orientationDetection = ok && osd;
    }

    public boolean available() {
        return available;
    }

    /** One word Tesseract read: its text, the line it belongs to (in reading order) and its box in the image's pixels. */
    public record Word(String text, int line, int left, int top, int width, int height, double confidence) {
    }

    /** What Tesseract read on one image: the text as lines and the words with their boxes. */
    public record Reading(String text, List<Word> words) {
        public Reading {
            words = List.copyOf(words);
        }

        static Reading of(String text) {
            return new Reading(text, List.of());
        }
    }

    /** The text of one page image. */
    public String text(BufferedImage image) throws IOException {
        return read(image).text();
    }

    /** The text of an image file Java could not decode, given to Tesseract as it is. */
    public String text(byte[] image, String mediaType) throws IOException {
        Path dir = Files.createTempDirectory("shinsa-ocr-");
        try {
            Path in = dir.resolve("page");
            Files.write(in, image);
            return recognise(in, dir).text();
        } finally {
            delete(dir);
        }
    }

    /** Text and word boxes of one page image (grey; written to Tesseract as a PGM, which costs nothing to encode). */
    public Reading read(BufferedImage image) throws IOException {
        return read(image, TEXT_SEGMENTATION, List.of());
    }

    /**
     * Text and word boxes of one image in the given page segmentation mode, with extra
     * {@code -c name=value} settings (a digits-only whitelist for an amount column).
     */
    public Reading read(BufferedImage image, String pageSegMode, List<String> settings) throws IOException {
        Path dir = Files.createTempDirectory("shinsa-ocr-");
        try {
            Path in = dir.resolve("page.pgm");
            writePgm(ScanPreprocessor.toGrey(image), in);
            List<String> cmd = new ArrayList<>(List.of(TESSERACT, in.toString(), dir.resolve("out").toString(),
                    "-l", language, "--psm", pageSegMode, "-c", "preserve_interword_spacing=1"));
            for (String s : settings) {
                cmd.add("-c");
                cmd.add(s);
            }
            cmd.add("txt");
            cmd.add("tsv");
            run(cmd, timeoutSeconds);
            return parse(Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("out.tsv")));
        } finally {
            delete(dir);
        }
    }

    private Reading recognise(Path in, Path dir) throws IOException {
        run(List.of(TESSERACT, in.toString(), dir.resolve("out").toString(), "-l", language, "--psm", TEXT_SEGMENTATION,
                "-c", "preserve_interword_spacing=1", "txt", "tsv"), timeoutSeconds);
        return parse(Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("out.tsv")));
    }

    private static final String TESSERACT = "tesseract";
    /** Page segmentation for reading text: sparse columns of variable size ({@code --psm 4}). */
    static final String TEXT_SEGMENTATION = "4";
    /** Page segmentation for one line ({@code --psm 7}): a re-read cell. */
    public static final String SINGLE_LINE = "7";
    /** Page segmentation for orientation detection only ({@code --psm 0}). */
    private static final String ORIENTATION_ONLY = "0";

    /**
     * Runs a command with one OpenMP thread (several Tesseracts side by side would otherwise each
     * start a thread per core and spin against each other), within {@code seconds}; its output.
     * An interrupted or overdue run is killed.
     */
    private static String run(List<String> cmd, int seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("tesseract not found: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IOException("OCR took longer than " + seconds + " s");
            }
            String text = out.join();
            if (p.exitValue() != 0) {
                throw new IOException("OCR failed: " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("OCR interrupted");
        } finally {
            p.destroyForcibly();
        }
    }

    private static void writePgm(BufferedImage grey, Path file) throws IOException {
        int w = grey.getWidth();
        int h = grey.getHeight();
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] row = new byte[w];
            var raster = grey.getRaster();
            for (int y = 0; y < h; y++) {
                raster.getDataElements(0, y, w, 1, row);
                out.write(row);
            }
        }
    }

    private static void delete(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /**
     * The text and the words of Tesseract's TSV output, each word numbered by its text line; the
     * TSV's lines (block, paragraph, line) are in the same order as the text's non-empty lines.
     */
    static Reading parse(String text, String tsv) {
        List<Word> words = new ArrayList<>();
        List<String> blockOfLine = new ArrayList<>();
        String lastKey = null;
        int line = -1;
        for (String row : tsv.split("\\R")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String t = f[11];
            if (t.isBlank()) {
                continue;
            }
            String key = f[2] + "/" + f[3] + "/" + f[4];
            if (!key.equals(lastKey)) {
                line++;
                lastKey = key;
                blockOfLine.add(f[2]);
            }
            try {
                words.add(new Word(t, line, Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]), Double.parseDouble(f[10])));
            } catch (NumberFormatException e) {
                // a malformed row: skip it
            }
        }
        return topDown(new Reading(text, words), blockOfLine);
    }

    /**
     * {@code reading} with Tesseract's blocks put top-down where it listed a block before one lying
     * wholly above it (without the ruled lines that tied them, the liabilities half of a balance sheet
     * came out before the title and the column headers, so its rows had no years). Blocks side by side
     * overlap in height and keep Tesseract's order. The reading as it is when its text lines and TSV
     * lines do not pair up one to one.
     */
    public static Reading topDown(Reading reading, List<String> blockOfLine) {
        List<String> textLines = reading.text().lines().filter(l -> !l.isBlank()).toList();
        int n = blockOfLine.size();
        if (textLines.size() != n || n == 0) {
            return reading;
        }
        List<List<Word>> byLine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byLine.add(new ArrayList<>());
        }
        for (Word w : reading.words()) {
            byLine.get(w.line()).add(w);
        }
        for (int i = 0; i < n; i++) {
            if (!letters(textLines.get(i)).equals(letters(byLine.get(i).stream().map(Word::text).reduce("", String::concat)))) {
                return reading;
            }
        }
        // blocks in Tesseract's order with their lines and vertical extent
        List<List<Integer>> blocks = new ArrayList<>();
        List<int[]> extent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !blockOfLine.get(i).equals(blockOfLine.get(i - 1))) {
                blocks.add(new ArrayList<>());
                extent.add(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
            }
            blocks.get(blocks.size() - 1).add(i);
            for (Word w : byLine.get(i)) {
                int[] e = extent.get(extent.size() - 1);
                e[0] = Math.min(e[0], w.top());
                e[1] = Math.max(e[1], w.top() + w.height());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            int at = order.size();
            for (int k = 0; k < order.size(); k++) {
                if (extent.get(b)[1] <= extent.get(order.get(k))[0]) {
                    at = k; // wholly above a block placed before it
                    break;
                }
            }
            order.add(at, b);
        }
        boolean same = true;
        for (int k = 0; k < order.size(); k++) {
            same &= order.get(k) == k;
        }
        if (same) {
            return reading;
        }
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        int line = 0;
        for (int b : order) {
            for (int i : blocks.get(b)) {
                text.append(textLines.get(i)).append('\n');
                for (Word w : byLine.get(i)) {
                    words.add(new Word(w.text(), line, w.left(), w.top(), w.width(), w.height(), w.confidence()));
                }
                line++;
            }
            text.append('\n');
        }
        return new Reading(text.toString(), words);
    }

    /**
     * Degrees to turn {@code page} clockwise so its text stands upright: 0, 90, 180 or 270, from
     * Tesseract's orientation detection (page segmentation 0, {@code osd.traineddata}). 0 when that
     * is not installed, finds too little text or is unsure. About a second per page: callers ask only
     * when a page lies turned or read badly. Works on a copy at about 150 dpi.
     *
     * @param dpi the resolution {@code page} was rendered at
     */
    public int uprightTurn(BufferedImage page, int dpi) throws IOException {
        if (!orientationDetection) {
            return 0;
        }
        BufferedImage small = dpi > 170 ? ScanPreprocessor.scale(page, 150.0 / dpi) : page;
        Path dir = Files.createTempDirectory("shinsa-osd-");
        String out;
        try {
            Path in = dir.resolve("page.pgm");
            writePgm(ScanPreprocessor.toGrey(small), in);
            out = run(List.of(TESSERACT, in.toString(), "stdout", "--psm", ORIENTATION_ONLY, "-l", "osd"), timeoutSeconds);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("osd") || m.contains("traineddata")) {
                orientationDetection = false; // not installed: do not ask again
            }
            return 0;
        } finally {
            delete(dir);
        }
        Integer rotate = null;
        Double confidence = null;
        for (String l : out.split("\\R")) {
            String[] kv = l.split(":", 2);
            if (kv.length < 2) {
                continue;
            }
            try {
                if (kv[0].strip().equals("Rotate")) {
                    rotate = Integer.parseInt(kv[1].strip());
                } else if (kv[0].strip().equals("Orientation confidence")) {
                    confidence = Double.parseDouble(kv[1].strip());
                }
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (rotate == null || confidence == null || confidence < MIN_ORIENTATION_CONFIDENCE) {
            return 0;
        }
        return Math.floorMod(rotate, 360);
    }

    /** Below this Tesseract's orientation guess is no better than chance (it gives ~10 on a clear page). */
    private static final double MIN_ORIENTATION_CONFIDENCE = 1.0;
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    // what digits and separators become when a page is read upside down or sideways
    private static final Pattern TURNED_DIGITS = Pattern.compile(".*(\\d['`?][\\dA-Za-z]|[A-Za-z]\\d|\\d[A-Za-z]).*");

    /**
     * How well OCR text reads, for choosing between orientations: amounts that parse (four digits or
     * more, so a stray "1" does not count) minus tokens that mix digits with letters or apostrophes,
     * which is what digits and group separators become on a page read upside down or sideways
     * ("998'ZE6'6ヤ9'LL"). A statement read upright scores in the tens; one read turned, below zero.
     */
    public static int legibility(String ocrText) {
        int score = 0;
        for (String token : JapaneseText.nfkc(ocrText).split("\\s+")) {
            if (!HAS_DIGIT.matcher(token).matches()) {
                continue;
            }
            String amount = mendAmount(token);
            if (amount != null && amount.replaceAll("\\D", "").length() >= 4) {
                score++;
            } else if (TURNED_DIGITS.matcher(token).matches()) {
                score--;
            }
        }
        return score;
    }

    /**
     * OCR text as lines of cells. Cells are first split at wide gaps (inter-word spacing is
     * preserved), then at single spaces between an amount and text; spaces between CJK characters
     * are removed; amounts are mended for what Tesseract does to them: group separators read as
     * "." or ",." and △ read as "A".
     */
    public static List<Line> lines(String ocrText, String file, int page) {
        return lines(Reading.of(ocrText), file, page, null);
    }

    /**
     * As {@link #lines(String, String, int)}, and each cell carries the box of the words it was read
     * from, mapped by {@code toPage} from the OCR'd image's pixels to PDF points from the top-left of
     * the stored page (null: no boxes, the page only). Words are found by their letters and digits in
     * reading order, so mended separators and a △ read as "A" still find their word.
     */
    public static List<Line> lines(Reading reading, String file, int page, AffineTransform toPage) {
        List<Line> out = new ArrayList<>();
        List<List<Word>> wordLines = new ArrayList<>();
        for (Word w : reading.words()) {
            while (wordLines.size() <= w.line()) {
                wordLines.add(new ArrayList<>());
            }
            wordLines.get(w.line()).add(w);
        }
        int nextWordLine = 0;
        for (String raw : reading.text().split("\\R")) {
            List<Word> words = List.of();
            if (toPage != null && !raw.isBlank()) {
                // the TSV's next line whose letters are this text line's (normally the very next one)
                String key = letters(raw);
                for (int i = nextWordLine; i < Math.min(wordLines.size(), nextWordLine + 4); i++) {
                    if (letters(wordLines.get(i).stream().map(Word::text).reduce("", String::concat)).equals(key)) {
                        words = wordLines.get(i);
                        nextWordLine = i + 1;
                        break;
                    }
                }
            }
            // "|" from a column rule, "_" from the end of an underline: never part of a statement's text
            String line = JapaneseText.nfkc(withoutSpecks(raw, words)).replaceAll("[|¦｜\\[\\]_]", " ");
            // a year column's header with its 年 or 度 misread ("当生度"): the column would lose its year
            line = YEAR_HEADER.matcher(line).replaceAll("$1年度");
            // beside year headers, a two-character cell with 増 or 減 is the 増減 column's header (增 and 減 are
            // small and dense: grain turns them into 疾減, 噌減, 増滅 …); the column would be taken for a year's
            if (line.contains("年度")) {
                line = CHANGE_HEADER.matcher(line).replaceAll("増減");
                // and a year header's era with its 令 misread (信和7年3月31日): the column would get no year
                line = MISREAD_ERA.matcher(line).replaceAll("令和");
            }
            // a digit group broken by a stray space: "1,234,56 7"
            line = SPLIT_GROUP_1.matcher(line).replaceAll("$1$2");
            line = SPLIT_GROUP_2.matcher(line).replaceAll("$1$2");
            // a separator read as a space: "4 275,624,777"
            line = SPACE_AS_SEPARATOR.matcher(line).replaceAll("$1,$2");
            line = SPACE_AS_LAST_SEPARATOR.matcher(line).replaceAll("$1,$2");
            // a separator read as a space in a short amount: "△22 745"
            line = SPACE_AS_ONLY_SEPARATOR.matcher(line).replaceAll("$1,$2");
            // a stray space before a separator: "2 .351.149,973"
            line = SPACE_BEFORE_SEPARATOR.matcher(line).replaceAll("$1$2");
            if (line.isBlank()) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            int offset = 0;
            for (String chunk : WIDE_GAP.split(line.strip())) {
                // "SW-290 (48ポート)" is one printed string: no space before an opening parenthesis
                String c = JapaneseText.joinCjk(chunk).replaceAll("(?<=[A-Za-z0-9\\-]) +(?=\\((?![\\d,.]+\\)))", "").strip();
                if (c.isEmpty()) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (String token : SPACE.split(c)) {
                    String amount = mendAmount(token);
                    if (amount != null) {
                        if (!text.isEmpty()) {
                            cells.add(new Cell(text.toString(), offset, text.length(), SourceLocation.ofPage(file, page)));
                            offset += text.length() + 1;
                            text.setLength(0);
                        }
                        cells.add(new Cell(amount, offset, amount.length(), SourceLocation.ofPage(file, page)));
                        offset += amount.length() + 1;
                    } else {
                        if (!text.isEmpty()) {
                            text.append(' ');
                        }
                        text.append(token);
                    }
                }
                if (!text.isEmpty()) {
                    cells.add(new Cell(text.toString(), offset, text.length(), SourceLocation.ofPage(file, page)));
                    offset += text.length() + 1;
                }
                offset += 2;
            }
            if (!cells.isEmpty()) {
                out.add(new Line(page, null, out.size(), words.isEmpty() ? cells : located(cells, words, file, page, toPage)));
            }
        }
        return out;
    }

    /** A word read from specks is less than this share of its line's usual word height. */
    static final double SPECK_HEIGHT = 0.6;
    /** ... and Tesseract is less sure of it than this (a printed digit reads at 80–97). */
    static final double SPECK_CONFIDENCE = 50;
    private static final Pattern TOKENS = Pattern.compile("\\S+|\\s+");

    /**
     * {@code raw} with the words Tesseract read from a few specks of dirt blanked: a number far
     * shorter than the other words of its line and read with little confidence ("8" from two specks
     * between a label and its amount). Such a stray amount makes a row look one column wider, or a
     * column header look like a row of amounts, and the figures of the row or the whole column are
     * lost. The line is returned as it is when its words are unknown or do not match its text.
     */
    static String withoutSpecks(String raw, List<Word> words) {
        if (words.size() < 2) {
            return raw;
        }
        double[] heights = words.stream().mapToDouble(Word::height).sorted().toArray();
        double usual = heights[heights.length / 2];
        List<String> tokens = new ArrayList<>();
        var m = TOKENS.matcher(raw);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<Integer> wordTokens = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isBlank()) {
                wordTokens.add(i);
            }
        }
        if (wordTokens.size() != words.size()) {
            return raw;
        }
        boolean changed = false;
        for (int k = 0; k < words.size(); k++) {
            Word w = words.get(k);
            String token = tokens.get(wordTokens.get(k));
            if (!token.equals(w.text())) {
                return raw;
            }
            if (w.height() < SPECK_HEIGHT * usual && w.confidence() < SPECK_CONFIDENCE
                    && mendAmount(JapaneseText.nfkc(token)) != null) {
                tokens.set(wordTokens.get(k), " ".repeat(token.length()));
                changed = true;
            }
        }
        return changed ? String.join("", tokens) : raw;
    }

    /** The letters and digits of {@code s} (NFKC), which is what OCR text and its TSV words share. */
    private static String letters(String s) {
        StringBuilder b = new StringBuilder();
        JapaneseText.nfkc(s).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** {@code cells} each with the box of the words its letters were read from, where they are found in order. */
    private static List<Cell> located(List<Cell> cells, List<Word> words, String file, int page, AffineTransform toPage) {
        StringBuilder stream = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String l = letters(words.get(i).text());
            for (int k = 0; k < l.length(); k++) {
                stream.append(l.charAt(k));
                owner.add(i);
            }
        }
        List<Cell> out = new ArrayList<>(cells.size());
        int from = 0;
        for (Cell c : cells) {
            String key = letters(c.text());
            int at = key.isEmpty() ? -1 : stream.indexOf(key, from);
            if (at < 0) {
                out.add(c);
                continue;
            }
            from = at + key.length();
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            for (int w = owner.get(at); w <= owner.get(at + key.length() - 1); w++) {
                Word word = words.get(w);
                double[] corners = {word.left(), word.top(), word.left() + word.width(), word.top(),
                    word.left(), word.top() + word.height(), word.left() + word.width(), word.top() + word.height()};
                toPage.transform(corners, 0, corners, 0, 4);
                for (int k = 0; k < 8; k += 2) {
                    x0 = Math.min(x0, corners[k]);
                    x1 = Math.max(x1, corners[k]);
                    y0 = Math.min(y0, corners[k + 1]);
                    y1 = Math.max(y1, corners[k + 1]);
                }
            }
            out.add(new Cell(c.text(), c.x(), c.width(),
                    SourceLocation.ofBox(file, page, (float) x0, (float) y0, (float) (x1 - x0), (float) (y1 - y0))));
        }
        return out;
    }

    // Before a statement amount only △ or ▲ is printed; OCR reads them as A, Δ, ム, 人, 入, ハ, へ …, sometimes doubled
    // (a thin-stroked △ such as Noto Sans CJK prints comes out as 人へ).
    private static final Pattern OCR_AMOUNT = Pattern.compile(
            "^([△▲AaΔムﾑ^人入和八ハへヘALA]{0,2})(\\d{1,6}(?:[.,]{1,2}(?:\\d{3}|\\d{6}))+[.,]?|\\d{1,3})(円)?$");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("^[△▲]?\\d+$");

    /** The token as a clean amount ("△1,234"), or null when it is not one. */
    static String mendAmount(String token) {
        String t = token.replace("，", ",").replace("．", ".");
        if (PLAIN_AMOUNT.matcher(t).matches()) {
            return t;
        }
        var m = OCR_AMOUNT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        String sign = m.group(1);
        String digits = String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(m.group(2).replaceAll("[.,]+", "")));
        return (sign.isEmpty() ? "" : "△") + digits;
    }

    static boolean hasWideGap(String s) {
        return WIDE_GAP.matcher(s).find();
    }
}
