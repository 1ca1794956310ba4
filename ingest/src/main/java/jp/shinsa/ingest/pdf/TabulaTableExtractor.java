package jp.shinsa.ingest.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.shinsa.ingest.text.JapaneseText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import technology.tabula.ObjectExtractor;
import technology.tabula.Page;
import technology.tabula.RectangularTextContainer;
import technology.tabula.Table;
import technology.tabula.extractors.BasicExtractionAlgorithm;
import technology.tabula.extractors.SpreadsheetExtractionAlgorithm;

/**
 * Tables of a PDF page area with Tabula-java: lattice (ruling lines) where the area is ruled,
 * stream (text alignment) otherwise. Tabula's Nurminen table detection does not run on PDFBox 3,
 * so callers give the area (a table's header row found in the positioned lines, or a region).
 * Returns plain grids of NFKC text; empty strings for empty or spanned cells.
 */
public final class TabulaTableExtractor {
    public enum Mode { AUTO, LATTICE, STREAM }

    /**
     * @param page   1-based page number
     * @param top    area in PDF points from the top-left corner of the page
     */
    public List<List<List<String>>> tables(Path pdf, int page, float top, float left, float bottom, float right, Mode mode)
            throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return tables(doc, page, top, left, bottom, right, mode);
        }
    }

    /** The page height in PDF points (crop box), to turn bottom-left coordinates into top-left ones. */
    public float pageHeight(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getPage(page - 1).getCropBox().getHeight();
        }
    }

    List<List<List<String>>> tables(PDDocument doc, int page, float top, float left, float bottom, float right, Mode mode)
            throws IOException {
        ObjectExtractor ex = new ObjectExtractor(doc);
        Page p = ex.extract(page).getArea(top, left, bottom, right);
        SpreadsheetExtractionAlgorithm lattice = new SpreadsheetExtractionAlgorithm();
        List<Table> tables;
        if (mode == Mode.LATTICE || mode == Mode.AUTO && lattice.isTabular(p)) {
            tables = new ArrayList<>(lattice.extract(p));
            if (tables.isEmpty() && mode == Mode.AUTO) {
                tables = new ArrayList<>(new BasicExtractionAlgorithm().extract(p));
            }
        } else {
            tables = new ArrayList<>(new BasicExtractionAlgorithm().extract(p));
        }
        List<List<List<String>>> out = new ArrayList<>();
        for (Table t : tables) {
            List<List<String>> grid = new ArrayList<>();
            for (List<RectangularTextContainer> row : t.getRows()) {
                List<String> r = new ArrayList<>();
                for (RectangularTextContainer c : row) {
                    r.add(JapaneseText.nfkc(c.getText()).strip());
                }
                grid.add(r);
            }
            out.add(grid);
        }
        return out;
    }
}
