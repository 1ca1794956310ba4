package jp.shinsa.ingest;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.pdf.PdfBoxLayoutReader;
import jp.shinsa.ingest.pdf.PdfCMapGuard;
import jp.shinsa.ingest.pdf.ScanPreprocessor;
import jp.shinsa.ingest.pdf.TikaTesseractOcr;
import jp.shinsa.ingest.sheet.CommonsCsvReader;
import jp.shinsa.ingest.sheet.PoiSpreadsheetReader;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.EncryptedDocumentException;
import org.apache.tika.mime.MediaType;

/** Turns one file into positioned lines, choosing the reader by the detected (not the named) type. */
final class FileLayoutReader {
    private static final int MAX_ROWS = 20_000;
    private static final int MAX_COLUMNS = 200;

    private final IngestOptions options;
    private final TikaTesseractOcr ocr;
    private final FileTypes types;
    private final PdfBoxLayoutReader pdf = new PdfBoxLayoutReader();
    private final PoiSpreadsheetReader sheets = new PoiSpreadsheetReader(MAX_ROWS, MAX_COLUMNS);
    private final CommonsCsvReader csv = new CommonsCsvReader(MAX_ROWS);

    FileLayoutReader(IngestOptions options, TikaTesseractOcr ocr) {
        this.options = options;
        this.ocr = ocr;
        this.types = new FileTypes(options);
    }

    DocumentLayout read(Path file, String name) throws IOException, UnreadableException {
        MediaType type = types.of(file);
        String base = type.getBaseType().toString();
        String ext = extension(name);
        if (base.equals("application/pdf")) {
            return readPdf(file, name);
        }
        if (base.equals("application/x-tika-ooxml-protected") || base.equals("application/x-tika-msoffice-protected")) {
            throw new UnreadableException("encrypted document");
        }
        if (base.contains("spreadsheetml") || base.equals("application/vnd.ms-excel") || base.contains("ms-excel")
                || (base.equals("application/x-tika-ooxml") && (ext.startsWith("xls")))
                || (base.equals("application/x-tika-msoffice") && ext.startsWith("xls"))) {
            try {
                return sheets.read(file.toFile(), name);
            } catch (EncryptedDocumentException e) {
                throw new UnreadableException("encrypted spreadsheet");
            }
        }
        if (base.equals("application/zip") || base.equals("application/x-7z-compressed") || base.equals("application/gzip")
                || base.equals("application/x-rar-compressed") || base.equals("application/x-tar") || base.equals("application/x-bzip2")
                || base.equals("application/x-xz")) {
            throw new UnreadableException("archive (" + base + ") — submit the documents themselves");
        }
        if (base.startsWith("image/")) {
            return readImage(file, name, base);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (base.equals("text/csv") || base.equals("text/tab-separated-values") || (base.startsWith("text/plain") && looksTabular(bytes))
                || ext.equals("csv") && base.startsWith("text/")) {
            return csv.read(bytes, name);
        }
        return TikaText.read(file, name);
    }

    private DocumentLayout readPdf(Path file, String name) throws IOException, UnreadableException {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new UnreadableException("encrypted PDF");
        } catch (IOException e) {
            throw new UnreadableException("corrupt PDF: " + shortMessage(e));
        }
        try (doc) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableException("PDF has no pages");
            }
            // before PDFBox parses a font: some CMaps make it loop on past the time bound (see PdfCMapGuard)
            var refused = PdfCMapGuard.check(doc, options.maxPages());
            if (refused.isPresent()) {
                throw new UnreadableException("corrupt PDF: " + refused.get());
            }
            List<PdfBoxLayoutReader.PageLines> read = pdf.read(doc, name, options.maxPages());
            List<Line> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean usedOcr = false;
            int imageOnly = 0;
            // Only pages without a text layer are rendered and OCR'd (seconds per page), several at a time.
            List<Future<List<Line>>> ocrd = new ArrayList<>();
            try {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (PdfBoxLayoutReader.PageLines p : read) {
                    if (p.glyphs() < 8) {
                        imageOnly++;
                        if (ocr != null && ocr.available()) {
                            waitForAFreeReader(ocrd);
                            // rendered in colour so that a red seal or blue pen can be dropped (ScanPreprocessor.dropColour)
                            BufferedImage img = ScanPreprocessor.dropColour(
                                    renderer.renderImageWithDPI(p.page() - 1, options.ocrDpi(), ImageType.RGB));
                            int dpi = options.ocrDpi();
                            ocrd.add(OCR_POOL.submit(() -> ocrUpright(img, dpi).lines(name, p.page())));
                            usedOcr = true;
                        }
                        continue;
                    }
                    ocrd.add(java.util.concurrent.CompletableFuture.completedFuture(p.lines()));
                }
                for (Future<List<Line>> f : ocrd) {
                    for (Line l : get(f)) {
                        lines.add(new Line(l.page(), null, lines.size(), l.cells()));
                        text.append(l.text()).append('\n');
                    }
                    text.append('\n');
                }
            } finally {
                ocrd.forEach(f -> f.cancel(true));
            }
            if (imageOnly == read.size() && !usedOcr) {
                throw new UnreadableException(ocr == null ? "image-only PDF and OCR is switched off"
                        : "image-only PDF and Tesseract is not installed");
            }
            if (JapaneseText.compact(text.toString()).isEmpty()) {
                throw new UnreadableException("no text found in PDF");
            }
            return new DocumentLayout(lines, text.toString(), pages, usedOcr, !usedOcr);
        }
    }

    private DocumentLayout readImage(Path file, String name, String mediaType) throws IOException, UnreadableException {
        if (ocr == null || !ocr.available()) {
            throw new UnreadableException(ocr == null ? "image file and OCR is switched off" : "image file and Tesseract is not installed");
        }
        BufferedImage decoded = decode(file);
        List<Line> lines = decoded == null ? TikaTesseractOcr.lines(ocr.text(Files.readAllBytes(file), mediaType), name, 1)
                : ocrUpright(ScanPreprocessor.dropColour(decoded), 300).lines(name, 1);
        if (lines.isEmpty()) {
            throw new UnreadableException("no text recognised in image");
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        return new DocumentLayout(lines, text.toString(), 1, true, false);
    }

    /**
     * OCR of a scanned page, read the right way up: a noisy grey page is cleaned and a skew of up to
     * 5° straightened first. A page whose lines run up and down (a quarter turned) is asked about its
     * orientation before it is read; any other page is read as it lies and asked only when the text
     * then reads badly (few amounts, digits turned into letters), the turned page read too, keeping
     * whichever reads better. A clean upright page costs one OCR pass plus a few tens of milliseconds.
     * The words' boxes are mapped back through every turn and straightening to PDF points of the page
     * as stored, which is the page the viewer shows.
     *
     * @see "docs/decisions/012-straightening-scans.md"
     * @see "docs/decisions/018-office-scans.md"
     */
    private OcrPage ocrUpright(BufferedImage page, int dpi) throws IOException {
        BufferedImage cleaned = ScanPreprocessor.clean(page);
        int gutter = ScanPreprocessor.twoUpGutter(cleaned);
        // a portrait page lying a quarter turned has a band without ink too (between its labels and
        // amounts) but its lines run up and down: it is one page, turned, not two side by side
        if (gutter > 0 && !ScanPreprocessor.linesRunVertically(cleaned)) {
            // two pages copied side by side: each half is read as a page of its own
            OcrPage left = ocrUpright(new Straight(ScanPreprocessor.crop(cleaned, 0, gutter), new AffineTransform()), dpi);
            OcrPage right = ocrUpright(new Straight(ScanPreprocessor.crop(cleaned, gutter, cleaned.getWidth()),
                    AffineTransform.getTranslateInstance(-gutter, 0)), dpi);
            return left.and(right);
        }
        return ocrUpright(new Straight(cleaned, new AffineTransform()), dpi);
    }

    private OcrPage ocrUpright(Straight prepared, int dpi) throws IOException {
        AffineTransform pixelsToPoints = AffineTransform.getScaleInstance(72.0 / dpi, 72.0 / dpi);
        Straight first = straight(prepared);
        boolean upAndDown = ScanPreprocessor.linesRunVertically(first.image());
        if (upAndDown) {
            int turn = ocr.uprightTurn(first.image(), dpi);
            if (turn != 0) {
                Straight turned = straight(first.turn(turn));
                return new OcrPage(read(turned, dpi), turned.toPage(pixelsToPoints));
            }
        }
        TikaTesseractOcr.Reading reading = read(first, dpi);
        int legibility = TikaTesseractOcr.legibility(reading.text());
        if (legibility >= WELL_READ) {
            return new OcrPage(reading, first.toPage(pixelsToPoints));
        }
        // Lines running up and down were asked about once (OSD said upright). Lines running across leave two
        // ways up, upright or upside down: reading the page turned half round answers that as well as OSD
        // would and is the reading needed when it is upside down; the more legible of the two is kept (the
        // upright one when neither is better).
        if (upAndDown) {
            return new OcrPage(reading, first.toPage(pixelsToPoints));
        }
        Straight turned = straight(first.turn(180));
        TikaTesseractOcr.Reading again = read(turned, dpi);
        return TikaTesseractOcr.legibility(again.text()) > legibility
                ? new OcrPage(again, turned.toPage(pixelsToPoints)) : new OcrPage(reading, first.toPage(pixelsToPoints));
    }

    /** Amounts a page must yield (net of garbled ones) to be taken as read upright without reading it turned. */
    private static final int WELL_READ = 5;

    /** An image prepared for OCR and the map from the rendered page's pixels to its pixels. */
    private record Straight(BufferedImage image, AffineTransform fromPage) {
        Straight turn(int degrees) {
            return then(ScanPreprocessor.turn(image, degrees), ScanPreprocessor.turning(image, degrees));
        }

        Straight then(BufferedImage next, AffineTransform step) {
            AffineTransform t = new AffineTransform(step);
            t.concatenate(fromPage);
            return new Straight(next, t);
        }

        /** The map from this image's pixels to points of the stored page. */
        AffineTransform toPage(AffineTransform pixelsToPoints) {
            AffineTransform t = new AffineTransform(pixelsToPoints);
            try {
                t.concatenate(fromPage.createInverse());
            } catch (java.awt.geom.NoninvertibleTransformException e) {
                throw new IllegalStateException(e); // turns and rotations are always invertible
            }
            return t;
        }
    }

    /** What OCR read on a page (one reading, or one per half of a two-up page) and the maps from its images' pixels to the stored page's points. */
    private record OcrPage(List<TikaTesseractOcr.Reading> readings, List<AffineTransform> toPage) {
        OcrPage(TikaTesseractOcr.Reading reading, AffineTransform toPage) {
            this(List.of(reading), List.of(toPage));
        }

        OcrPage and(OcrPage next) {
            List<TikaTesseractOcr.Reading> r = new ArrayList<>(readings);
            r.addAll(next.readings);
            List<AffineTransform> t = new ArrayList<>(toPage);
            t.addAll(next.toPage);
            return new OcrPage(r, t);
        }

        List<Line> lines(String file, int page) {
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                out.addAll(TikaTesseractOcr.lines(readings.get(i), file, page, toPage.get(i)));
            }
            return out;
        }
    }

    private static Straight straight(Straight s) {
        double skew = ScanPreprocessor.correction(s.image());
        return skew == 0 ? s : s.then(ScanPreprocessor.rotate(s.image(), skew), ScanPreprocessor.rotation(s.image(), skew));
    }

    /**
     * OCR of a level, upright image with its ruled lines whitened first: a rule beside a column
     * header or a total makes Tesseract read the text on its line as letters or a stray digit.
     * Whitening moves no pixel, so the image's map to the page stays {@code s}'s.
     */
    private TikaTesseractOcr.Reading read(Straight s, int dpi) throws IOException {
        BufferedImage image = withoutRules(s.image(), dpi);
        // a page without ink (the blank back of a duplex scan) is not sent to Tesseract. The page is not
        // cropped to its printed area: measured, that changed Tesseract's thresholds on fax pages (F1
        // 0.979 → 0.970 with three △ lost) for little time (decision 018)
        if (!ScanPreprocessor.printed(image)) {
            return new TikaTesseractOcr.Reading("", List.of());
        }
        return ocr.read(image);
    }

    /** {@code image}, a page at {@code dpi}, with its horizontal ruled lines whitened as before each OCR pass. */
    static BufferedImage withoutRules(BufferedImage image, int dpi) {
        return ScanPreprocessor.removeRules(image, (int) Math.round(RULE_LENGTH_INCHES * dpi),
                Math.max(2, (int) Math.round(RULE_THICKNESS_INCHES * dpi)));
    }

    /** Shortest ruled line removed before OCR: several characters wide (a character is about 0.14 inch at 10 pt). */
    static final double RULE_LENGTH_INCHES = 0.6;
    /** Thickest ruled line removed: a filled area is not a rule. */
    static final double RULE_THICKNESS_INCHES = 0.03;

    /** OCR reads this many pages at a time (one Tesseract thread each); {@code shinsa.ocr.threads} overrides. */
    static final int OCR_THREADS = Integer.getInteger("shinsa.ocr.threads",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    private static final java.util.concurrent.ExecutorService OCR_POOL = java.util.concurrent.Executors.newFixedThreadPool(
            OCR_THREADS, r -> {
                Thread t = new Thread(r, "shinsa-ocr");
                t.setDaemon(true);
                return t;
            });

    /** Blocks until fewer than {@link #OCR_THREADS} page readings are under way, so rendered pages do not pile up. */
    private static void waitForAFreeReader(List<Future<List<Line>>> submitted) throws IOException {
        long running = submitted.stream().filter(f -> !f.isDone()).count();
        for (Future<List<Line>> f : submitted) {
            if (running < OCR_THREADS) {
                return;
            }
            if (!f.isDone()) {
                get(f);
                running--;
            }
        }
    }

    private static List<Line> get(Future<List<Line>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("reading interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Largest image decoded in Java to be straightened; bigger ones go to Tesseract as they are. */
    private static final long MAX_DECODED_PIXELS = 40_000_000L;

    /** The image, or null when Java cannot read it or it is too large to decode safely (sizes are read first). */
    private static BufferedImage decode(Path file) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : javax.imageio.ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_DECODED_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean looksTabular(byte[] bytes) {
        String s = CommonsCsvReaderAccess.decode(bytes);
        long lines = s.lines().limit(50).count();
        long withSep = s.lines().limit(50).filter(l -> l.indexOf(',') >= 0 || l.indexOf('\t') >= 0).count();
        return lines > 0 && withSep * 2 >= lines;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String shortMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    /** A short English reason for a failure while reading. */
    static String reason(Throwable t) {
        if (t instanceof UnreadableException u) {
            return u.getMessage();
        }
        if (t instanceof StackOverflowError) {
            return "structure too deeply nested";
        }
        if (t instanceof OutOfMemoryError) {
            return "too large to read in memory";
        }
        if (t instanceof EncryptedDocumentException) {
            return "encrypted document";
        }
        String m = shortMessage(t);
        if (m.toLowerCase(Locale.ROOT).contains("zip bomb") || m.contains("inflate ratio") || m.contains("max entry size")
                || m.contains("exceeds the maximum")) {
            return "decompression bomb refused: " + m;
        }
        String cls = t.getClass().getName();
        if (cls.startsWith("org.apache.poi") || cls.contains("openxml4j") || cls.contains("xmlbeans")) {
            return "corrupt spreadsheet: " + m;
        }
        return "cannot read: " + m;
    }

    /** Gives the tabular sniffing access to the CSV decoder. */
    private static final class CommonsCsvReaderAccess {
        static String decode(byte[] bytes) {
            return CommonsCsvReader.decodeText(bytes);
        }
    }
}
