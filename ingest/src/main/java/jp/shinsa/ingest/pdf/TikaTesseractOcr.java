package jp.shinsa.ingest.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * OCR of page images through Tika's Tesseract parser, in Japanese, one block per page (page
 * segmentation 6 keeps a table's label and amounts on one line, where automatic segmentation would
 * read the columns one after another), with inter-word spacing preserved so wide gaps still
 * separate cells.
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
    private static final Pattern BROKEN_THOUSANDS = Pattern.compile("(\\d)\\s*[,.，、]\\s*(\\d{3})(?!\\d)");

    private final String language;
    private final int timeoutSeconds;
    private final TesseractOCRParser parser;
    private final boolean available;
    private volatile boolean orientationDetection;

    public TikaTesseractOcr(String language, int timeoutSeconds) {
        this.language = language;
        this.timeoutSeconds = timeoutSeconds;
        TesseractOCRParser p = new TesseractOCRParser();
        boolean ok;
        try {
            p.setLanguage(language);
            p.setPageSegMode(TEXT_SEGMENTATION);
            p.setPreserveInterwordSpacing(true);
            p.setTimeout(timeoutSeconds);
            p.initialize(Map.of());
            ok = p.hasTesseract();
        } catch (Exception | LinkageError e) {
            ok = false;
        }
        this.parser = p;
        this.available = ok;
        this.orientationDetection = ok;
    }

    public boolean available() {
        return available;
    }

    /** The text of one page image. */
    public String text(BufferedImage image) throws IOException {
        return text(png(image), "image/png");
    }

    public String text(byte[] image, String mediaType) throws IOException {
        BodyContentHandler handler = new BodyContentHandler(-1);
        try {
            tesseract(image, mediaType, TEXT_SEGMENTATION, handler);
        } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
            throw new IOException("OCR failed: " + e.getMessage(), e);
        }
        return handler.toString();
    }

    /** Page segmentation for reading text: sparse columns of variable size ({@code --psm 4}). */
    private static final String TEXT_SEGMENTATION = "4";
    /** Page segmentation for orientation detection only ({@code --psm 0}). */
    private static final String ORIENTATION_ONLY = "0";

    /** Runs Tesseract on one image in the given page segmentation mode; the metadata Tika filled in. */
    private Metadata tesseract(byte[] image, String mediaType, String pageSegMode, BodyContentHandler handler)
            throws IOException, org.xml.sax.SAXException, org.apache.tika.exception.TikaException {
        TesseractOCRConfig cfg = new TesseractOCRConfig();
        cfg.setLanguage(language);
        cfg.setPageSegMode(pageSegMode);
        if (TEXT_SEGMENTATION.equals(pageSegMode)) {
            cfg.setPreserveInterwordSpacing(true);
        }
        cfg.setTimeoutSeconds(timeoutSeconds);
        ParseContext ctx = new ParseContext();
        ctx.set(TesseractOCRConfig.class, cfg);
        Metadata md = new Metadata();
        md.set(Metadata.CONTENT_TYPE, mediaType);
        parser.parse(new ByteArrayInputStream(image), handler, md, ctx);
        return md;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /**
     * Degrees to turn {@code page} clockwise so its text stands upright: 0, 90, 180 or 270, from
     * Tesseract's orientation detection (page segmentation 0, {@code osd.traineddata}). 0 when that
     * is not installed, finds too little text or is unsure. About a second per page: callers ask only
     * when a page read badly ({@link #legibility}). Works on a copy at about 150 dpi.
     *
     * @param dpi the resolution {@code page} was rendered at
     */
    public int uprightTurn(BufferedImage page, int dpi) throws IOException {
        if (!orientationDetection) {
            return 0;
        }
        BufferedImage small = dpi > 170 ? ScanPreprocessor.scale(page, 150.0 / dpi) : page;
        Metadata md;
        try {
            md = tesseract(png(small), "image/png", ORIENTATION_ONLY, new BodyContentHandler(-1));
        } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("osd") || m.contains("traineddata")) {
                orientationDetection = false; // not installed: do not ask again
            }
            return 0;
        }
        Integer rotate = md.getInt(TesseractOCRParser.PSM0_ROTATE);
        String confidence = md.get(TesseractOCRParser.PSM0_ORIENTATION_CONFIDENCE);
        if (rotate == null || confidence == null || Double.parseDouble(confidence) < MIN_ORIENTATION_CONFIDENCE) {
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
        List<Line> out = new ArrayList<>();
        for (String raw : ocrText.split("\\R")) {
            String line = JapaneseText.nfkc(raw).replaceAll("[|¦｜\\[\\]]", " ");
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
                out.add(new Line(page, null, out.size(), cells));
            }
        }
        return out;
    }

    // Before a statement amount only △ or ▲ is printed; OCR reads them as A, Δ, ム, 人, 入, ハ, へ …, sometimes doubled
    // (a thin-stroked △ such as Noto Sans CJK prints comes out as 人へ).
    private static final Pattern OCR_AMOUNT = Pattern.compile(
            "^([△▲AaΔムﾑ^人入和八ハへヘALA]{0,2})(\\d{1,4}(?:[.,]{1,2}(?:\\d{3}|\\d{6}))+|\\d{1,3})(円)?$");
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
