package jp.shinsa.ingest.sheet;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * XLSX and XLS cell by cell with Apache POI: each row of each sheet becomes a line whose cells keep
 * their sheet and reference (B12); merged cells span their columns so header matching by overlap
 * works as on a PDF page. Numbers come from the cell value, not its display format.
 */
public final class PoiSpreadsheetReader {
    private static final java.util.regex.Pattern SCALING_FORMAT = java.util.regex.Pattern.compile("[0#],+(?:[;_\\\")\\s]|$)");
    private final int maxRows;
    private final int maxColumns;

    public PoiSpreadsheetReader(int maxRows, int maxColumns) {
        this.maxRows = maxRows;
        this.maxColumns = maxColumns;
    }

    public DocumentLayout read(File file, String name) throws IOException {
        try (Workbook wb = WorkbookFactory.create(file, null, true)) {
            List<Line> lines = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            DataFormatter fmt = new DataFormatter();
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) {
                    continue;
                }
                Map<String, Integer> spans = new HashMap<>();
                for (CellRangeAddress r : sheet.getMergedRegions()) {
                    spans.put(r.getFirstRow() + ":" + r.getFirstColumn(), r.getLastColumn() - r.getFirstColumn() + 1);
                }
                int rowsRead = 0;
                for (Row row : sheet) {
                    if (++rowsRead > maxRows) {
                        break;
                    }
                    List<Cell> cells = new ArrayList<>();
                    for (org.apache.poi.ss.usermodel.Cell c : row) {
                        if (c.getColumnIndex() >= maxColumns) {
                            break;
                        }
                        String raw = value(c, fmt);
                        String v = JapaneseText.nfkc(raw).strip();
                        if (v.isEmpty()) {
                            continue;
                        }
                        int span = spans.getOrDefault(c.getRowIndex() + ":" + c.getColumnIndex(), 1);
                        double indent = JapaneseText.sheetIndent(raw, c.getCellStyle() == null ? 0 : c.getCellStyle().getIndention());
                        cells.add(new Cell(v, c.getColumnIndex() + indent, span, SourceLocation.ofCell(name, sheet.getSheetName(),
                                new CellAddress(c.getRowIndex(), c.getColumnIndex()).formatAsString())));
                    }
                    if (!cells.isEmpty()) {
                        Line l = new Line(s + 1, sheet.getSheetName(), lines.size(), cells);
                        lines.add(l);
                        text.append(l.text()).append('\n');
                    }
                }
                text.append('\n');
            }
            return new DocumentLayout(lines, text.toString(), wb.getNumberOfSheets(), false, true);
        }
    }

    private static String value(org.apache.poi.ss.usermodel.Cell c, DataFormatter fmt) {
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case STRING -> c.getRichStringCellValue().getString();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(c)) {
                    // one unambiguous form whatever the cell's (often US) display format
                    var dt = c.getLocalDateTimeCellValue();
                    yield dt == null ? "" : String.format("%d/%d/%d", dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth());
                }
                double d = c.getNumericCellValue();
                String format = c.getCellStyle() == null ? null : c.getCellStyle().getDataFormatString();
                // "#,##0," shows thousands; a fraction shows rounded: the printed value is the displayed one
                if (format != null && SCALING_FORMAT.matcher(format).find() || d != Math.rint(d)) {
                    yield fmt.formatCellValue(c, null);
                }
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    yield Long.toString((long) d);
                }
                yield Double.toString(d);
            }
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> "";
        };
    }
}
