package jp.shinsa.ingest.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.models.ExtractedDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.PageIterator;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * Dev tool: pages per second of the ingest reader on text PDFs, scanned PDFs and spreadsheets, beside
 * plain PDFBox text extraction and Tabula alone (stream and lattice) on the same PDFs.
 * <pre>-Dshinsa.bench.text=/work/shared/corpus/dev [-Dshinsa.bench.scanned=/tmp/scan6]</pre>
 */
class IngestBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "shinsa.bench.text", matches = ".+")
    void measure_pages_per_second() throws IOException {
        List<Path> files = files(Path.of(System.getProperty("shinsa.bench.text")));
        List<Path> pdfs = files.stream().filter(p -> p.toString().endsWith(".pdf")).toList();
        List<Path> sheets = files.stream().filter(p -> p.toString().endsWith(".xlsx") || p.toString().endsWith(".xls")).toList();
        ApplicationReader reader = new ApplicationReader(IngestOptions.defaults());
        // warm-up: class loading and JIT would otherwise be charged to the first tool measured
        for (Path p : pdfs.subList(0, Math.min(10, pdfs.size()))) {
            reader.readFile(p);
            plainText(p);
            tabula(p, false);
        }
        int pages = 0;
        long t0 = System.nanoTime();
        for (Path p : pdfs) {
            ExtractedDocument d = reader.readFile(p);
            pages += d.pages();
        }
        report("ingest ApplicationReader, text PDFs", pages, t0);
        t0 = System.nanoTime();
        for (Path p : pdfs) {
            plainText(p);
        }
        report("plain PDFBox PDFTextStripper, text PDFs", pages, t0);
        t0 = System.nanoTime();
        for (Path p : pdfs) {
            tabula(p, false);
        }
        report("Tabula stream (BasicExtractionAlgorithm) alone", pages, t0);
        t0 = System.nanoTime();
        for (Path p : pdfs) {
            tabula(p, true);
        }
        report("Tabula lattice (SpreadsheetExtractionAlgorithm) alone", pages, t0);
        int sheetCount = 0;
        t0 = System.nanoTime();
        for (Path p : sheets) {
            sheetCount += reader.readFile(p).pages();
        }
        report("ingest ApplicationReader, XLSX (pages = sheets)", sheetCount, t0);
        String scanned = System.getProperty("shinsa.bench.scanned");
        if (scanned != null) {
            List<Path> scans = files(Path.of(scanned)).stream().filter(p -> p.toString().endsWith(".pdf")).toList();
            int ocrPages = 0;
            t0 = System.nanoTime();
            long ocrNanos = 0;
            for (Path p : scans) {
                long s = System.nanoTime();
                ExtractedDocument d = reader.readFile(p);
                if (d.ocr()) {
                    ocrPages += d.pages();
                    ocrNanos += System.nanoTime() - s;
                }
            }
            System.err.printf(Locale.ROOT, "BENCH | %s | %d pages | %.1f s | %.3f pages/s%n", "ingest ApplicationReader, scanned PDFs (OCR)",
                    ocrPages, ocrNanos / 1e9, ocrPages / (ocrNanos / 1e9));
        }
    }

    private static void report(String what, int pages, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "BENCH | %s | %d pages | %.1f s | %.1f pages/s%n", what, pages, s, pages / s);
    }

    private static void plainText(Path p) {
        try (PDDocument d = Loader.loadPDF(p.toFile())) {
            new PDFTextStripper().getText(d);
        } catch (IOException e) {
            // unreadable files (the encrypted one) cost what they cost
        }
    }

    private static void tabula(Path p, boolean lattice) {
        try (PDDocument d = Loader.loadPDF(p.toFile()); ObjectExtractor ex = new ObjectExtractor(d)) {
            PageIterator it = ex.extract();
            while (it.hasNext()) {
                Page page = it.next();
                if (lattice) {
                    new SpreadsheetExtractionAlgorithm().extract(page);
                } else {
                    new BasicExtractionAlgorithm().extract(page);
                }
            }
        } catch (IOException e) {
            // as above
        }
    }

    private static List<Path> files(Path parent) throws IOException {
        try (Stream<Path> s = Files.walk(parent, 2, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/truth/")).sorted().toList();
        }
    }
}
