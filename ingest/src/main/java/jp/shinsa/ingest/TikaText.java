package jp.shinsa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The text of a file no reader of ingest's own takes (Word, PowerPoint, RTF, OpenDocument, HTML, XML, plain
 * text), through Tika's parsers, as lines of cells split at tabs and wide gaps ({@link FileLayoutReader}).
 */
final class TikaText {
    private TikaText() {
    }

    static DocumentLayout read(Path file, String name) throws IOException, UnreadableException {
        BodyContentHandler handler = new BodyContentHandler(ApplicationReader.MAX_TEXT);
        Metadata md = new Metadata();
        try (InputStream in = TikaInputStream.get(file)) {
            // No embedded-document parser in the context: attachments and nested archives are not opened.
            new AutoDetectParser().parse(in, handler, md, new ParseContext());
        } catch (org.xml.sax.SAXException e) {
            // write limit reached: keep what was read
        } catch (org.apache.tika.exception.EncryptedDocumentException e) {
            throw new UnreadableException("encrypted document");
        } catch (org.apache.tika.exception.TikaException e) {
            throw new UnreadableException("corrupt or unsupported file: " + FileLayoutReader.shortMessage(e));
        }
        List<Line> lines = new ArrayList<>();
        int page = 1;
        for (String raw : handler.toString().split("\\R")) {
            String s = JapaneseText.nfkc(raw).strip();
            if (s.isEmpty()) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            int offset = 0;
            for (String token : s.split("\\t|\\s{2,}")) {
                if (!token.isBlank()) {
                    cells.add(new Cell(token.strip(), offset, token.length(), SourceLocation.ofFile(name)));
                }
                offset += token.length() + 1;
            }
            lines.add(new Line(page, null, lines.size(), cells));
        }
        if (lines.isEmpty()) {
            throw new UnreadableException("no text found");
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        return new DocumentLayout(lines, text.toString(), 1, false, false);
    }
}
