package jp.shinsa.review.application.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import jp.shinsa.ingest.pdf.PdfCMapGuard;
import jp.shinsa.review.application.StoredFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Shows one of the application's files: PDF pages as images (rendered on the server with PDFBox),
 * spreadsheets as tables, CSV as text, and marks where a selected figure or item came from (a box on
 * the page, or the cell).
 */
class DocumentViewer extends VerticalLayout {
    static final float SCALE = 1.5f;
    private static final int MAX_ROWS = 300;
    private static final int MAX_COLS = 26;
    private final Function<String, byte[]> content;
    private final Select<String> fileSelect = new Select<>();
    private final Select<Integer> pageSelect = new Select<>();
    private final Div canvas = new Div();
    private final Span caption = new Span();
    private String file;
    private int page = 1;
    private Mark mark;

    /** What to mark: a page and box (PDF points from the top-left) or a sheet and cell. */
    record Mark(String file, Integer page, String sheet, String cell, Float x, Float y, Float width, Float height) {
    }

    DocumentViewer(List<StoredFile> files, Function<String, byte[]> content) {
        this.content = content;
        setPadding(false);
        setSizeFull();
        fileSelect.setItems(files.stream().map(StoredFile::fileName).toList());
        fileSelect.setId("viewer-file");
        fileSelect.setWidth("24em");
        fileSelect.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                show(e.getValue(), 1, null);
            }
        });
        pageSelect.setId("viewer-page");
        pageSelect.setWidth("7em");
        pageSelect.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(file, e.getValue(), mark);
            }
        });
        canvas.setId("viewer-canvas");
        canvas.getStyle().set("position", "relative").set("overflow", "auto").set("flex", "1")
                .set("border", "1px solid var(--lumo-contrast-20pct, #ccc)").set("background", "white");
        canvas.setWidthFull();
        caption.setId("viewer-caption");
        HorizontalLayout bar = new HorizontalLayout(fileSelect, pageSelect, caption);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(bar, canvas);
        if (!files.isEmpty()) {
            show(files.get(0).fileName(), 1, null);
        }
    }

    void show(Mark m) {
        show(m.file(), m.page() == null ? 1 : m.page(), m);
    }

    void show(String fileName, int pageNo, Mark m) {
        this.file = fileName;
        this.page = pageNo;
        this.mark = m;
        fileSelect.setValue(fileName);
        canvas.removeAll();
        byte[] bytes = content.apply(fileName);
        String lower = fileName.toLowerCase(Locale.ROOT);
        try {
            if (isPdf(bytes)) {
                showPdf(bytes);
            } else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm")) {
                pageSelect.setVisible(false);
                showSpreadsheet(bytes);
            } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                pageSelect.setVisible(false);
                showText(bytes);
            } else {
                pageSelect.setVisible(false);
                canvas.add(new Span(getTranslation("viewer.noPreview")));
            }
        } catch (Exception | OutOfMemoryError e) {
            pageSelect.setVisible(false);
            canvas.removeAll();
            canvas.add(new Span(getTranslation("viewer.cannotShow") + ": " + e.getMessage()));
        }
        caption.setText(m == null ? "" : getTranslation("viewer.marked") + " " + describe(m));
    }

    private void showPdf(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            // A font map that would expand without bound is refused here as the reader refuses it (docs/decisions/011).
            var refused = PdfCMapGuard.check(doc, doc.getNumberOfPages());
            if (refused.isPresent()) {
                throw new IOException(refused.get());
            }
            int pages = doc.getNumberOfPages();
            pageSelect.setVisible(pages > 1);
            pageSelect.setItems(java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList());
            pageSelect.setItemLabelGenerator(p -> p + " / " + pages);
            int p = Math.max(1, Math.min(page, pages));
            pageSelect.setValue(p);
            var image = new PDFRenderer(doc).renderImage(p - 1, SCALE);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] data = png.toByteArray();
            Image img = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                    new ByteArrayInputStream(data), "page-" + p + ".png", "image/png", data.length)), file + " p." + p);
            img.setId("viewer-page-image");
            img.getStyle().set("display", "block");
            canvas.add(img);
            if (mark != null && mark.x() != null && mark.page() != null && mark.page() == p) {
                Div box = new Div();
                box.setId("viewer-mark");
                box.getStyle().set("position", "absolute")
                        .set("left", px(mark.x() * SCALE - 3)).set("top", px(mark.y() * SCALE - 3))
                        .set("width", px(Math.max(mark.width(), 8) * SCALE + 6))
                        .set("height", px(Math.max(mark.height(), 8) * SCALE + 6))
                        .set("border", "3px solid #e8590c").set("background", "rgba(255, 200, 0, 0.25)")
                        .set("pointer-events", "none");
                canvas.add(box);
                box.scrollIntoView();
            }
        }
    }

    private void showSpreadsheet(byte[] bytes) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter fmt = new DataFormatter(Locale.JAPAN);
            StringBuilder html = new StringBuilder("<div>");
            for (Sheet sheet : wb) {
                boolean markedSheet = mark != null && sheet.getSheetName().equals(mark.sheet());
                html.append("<h4 style='margin:.5em'>").append(escape(sheet.getSheetName())).append("</h4>");
                html.append("<table style='border-collapse:collapse;font-size:13px'>");
                int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);
                for (int r = 0; r <= last; r++) {
                    Row row = sheet.getRow(r);
                    html.append("<tr><th style='color:#888;padding:0 4px'>").append(r + 1).append("</th>");
                    int cols = row == null ? 0 : Math.min(row.getLastCellNum(), MAX_COLS);
                    for (int c = 0; c < cols; c++) {
                        Cell cell = row.getCell(c);
                        String ref = new CellReference(r, c).formatAsString(false);
                        boolean marked = markedSheet && ref.equals(mark.cell());
                        html.append("<td data-cell='").append(ref).append("'")
                                .append(marked ? " id='viewer-mark'" : "")
                                .append(" style='border:1px solid #ddd;padding:2px 6px;white-space:nowrap;")
                                .append(marked ? "background:#ffe066;outline:3px solid #e8590c;" : "")
                                .append(cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                        ? "text-align:right;" : "")
                                .append("'>").append(cell == null ? "" : escape(fmt.formatCellValue(cell))).append("</td>");
                    }
                    html.append("</tr>");
                }
                html.append("</table>");
            }
            html.append("</div>");
            Div table = new Div();
            table.getElement().setProperty("innerHTML", html.toString());
            canvas.add(table);
            if (mark != null && mark.cell() != null) {
                canvas.getElement().executeJs(
                        "const m = this.querySelector('#viewer-mark'); if (m) m.scrollIntoView({block: 'center'});");
            }
        }
    }

    private void showText(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("\uFFFD")) {
            text = new String(bytes, java.nio.charset.Charset.forName("MS932"));
        }
        Div pre = new Div();
        pre.getElement().setProperty("innerHTML", "<pre style='margin:.5em'>" + escape(text.length() > 200_000
                ? text.substring(0, 200_000) : text) + "</pre>");
        canvas.add(pre);
    }

    static String describe(Mark m) {
        if (m.page() != null) {
            return m.file() + " p." + m.page();
        }
        return m.file() + (m.sheet() == null ? "" : " " + m.sheet() + (m.cell() == null ? "" : "!" + m.cell()));
    }

    private static boolean isPdf(byte[] b) {
        return b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1fpx", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
