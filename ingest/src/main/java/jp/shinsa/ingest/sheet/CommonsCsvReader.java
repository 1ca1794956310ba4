package jp.shinsa.ingest.sheet;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;

/**
 * CSV with commons-csv. Japanese CSV comes as UTF-8 (with or without BOM) or Shift_JIS (Excel's
 * default, windows-31j); the encoding that decodes without error wins, UTF-8 first.
 */
public final class CommonsCsvReader {
    private final int maxRows;

    public CommonsCsvReader(int maxRows) {
        this.maxRows = maxRows;
    }

    public DocumentLayout read(byte[] bytes, String name) throws IOException {
        String content = decode(bytes);
        char delimiter = content.lines().limit(20).mapToLong(l -> l.chars().filter(ch -> ch == '\t').count()).sum()
                > content.lines().limit(20).mapToLong(l -> l.chars().filter(ch -> ch == ',').count()).sum() ? '\t' : ',';
        List<Line> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (Reader r = new StringReader(content)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            int row = 0;
            for (CSVRecord rec : format.parse(r)) {
                if (++row > maxRows) {
                    break;
                }
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    String v = JapaneseText.nfkc(rec.get(i)).strip();
                    if (!v.isEmpty()) {
                        cells.add(new Cell(v, i + JapaneseText.sheetIndent(rec.get(i), 0), 1, SourceLocation.ofCell(name, "csv",
                                CellReference.convertNumToColString(i) + (rec.getRecordNumber()))));
                    }
                }
                if (!cells.isEmpty()) {
                    Line l = new Line(1, "csv", lines.size(), cells);
                    lines.add(l);
                    text.append(l.text()).append('\n');
                }
            }
        }
        return new DocumentLayout(lines, text.toString(), 1, false, true);
    }

    public static String decodeText(byte[] bytes) {
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("windows-31j"), Charset.forName("EUC-JP")}) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException e) {
                // try the next encoding
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
}
