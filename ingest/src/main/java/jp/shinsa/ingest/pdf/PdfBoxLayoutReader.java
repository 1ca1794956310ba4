package jp.shinsa.ingest.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.SourceLocation;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Rebuilds the lines of a PDF page from PDFBox's glyph positions. Statements print label and amount
 * far apart on one baseline, and a two-column balance sheet prints two such pairs; grouping glyphs
 * by baseline and splitting them at wide gaps keeps every amount next to its own label with its box.
 */
public final class PdfBoxLayoutReader {

    /** A page's lines; {@code glyphs} counts visible characters (0 for a page that is only an image). */
    public record PageLines(int page, List<Line> lines, int glyphs, float width, float height) {
    }

    private record Glyph(String text, float x, float y, float w, float h, float size) {
        float right() {
            return x + w;
        }
    }

    public List<PageLines> read(PDDocument doc, String file, int maxPages) throws IOException {
        List<PageLines> out = new ArrayList<>();
        int pages = Math.min(doc.getNumberOfPages(), maxPages);
        for (int p = 1; p <= pages; p++) {
            GlyphCollector c = new GlyphCollector();
            c.setStartPage(p);
            c.setEndPage(p);
            c.getText(doc);
            var box = doc.getPage(p - 1).getMediaBox();
            out.add(new PageLines(p, lines(c.glyphs, file, p), (int) c.glyphs.stream().filter(g -> !g.text.isBlank()).count(),
                    box.getWidth(), box.getHeight()));
        }
        return out;
    }

    private static final class GlyphCollector extends PDFTextStripper {
        final List<Glyph> glyphs = new ArrayList<>();

        GlyphCollector() throws IOException {
            super();
            setSortByPosition(true);
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String u = t.getUnicode();
            if (u == null) {
                return;
            }
            float size = t.getFontSizeInPt();
            if (size <= 0.5f) {
                size = Math.max(t.getHeightDir(), 1f);
            }
            glyphs.add(new Glyph(JapaneseText.nfkc(u), t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), t.getHeightDir(), size));
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            // positions are collected in processTextPosition; the text itself is not needed
        }
    }

    static List<Line> lines(List<Glyph> glyphs, String file, int page) {
        List<Glyph> visible = new ArrayList<>(glyphs.stream().filter(g -> !g.text.isBlank()).toList());
        visible.sort(Comparator.comparingDouble((Glyph g) -> g.y).thenComparingDouble(g -> g.x));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Float> rowY = new ArrayList<>();
        for (Glyph g : visible) {
            int found = -1;
            for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - 3; i--) {
                if (Math.abs(rowY.get(i) - g.y) <= 0.35f * g.size) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                rows.add(new ArrayList<>(List.of(g)));
                rowY.add(g.y);
            } else {
                rows.get(found).add(g);
            }
        }
        List<Line> out = new ArrayList<>();
        for (List<Glyph> row : rows) {
            row.sort(Comparator.comparingDouble(g -> g.x));
            List<Cell> cells = new ArrayList<>();
            List<Glyph> run = new ArrayList<>();
            for (Glyph g : row) {
                if (!run.isEmpty()) {
                    Glyph last = run.get(run.size() - 1);
                    if (Math.abs(last.x - g.x) < 0.01f && last.text.equals(g.text)) {
                        continue; // overprinted (fake bold) glyph
                    }
                    if (g.x - last.right() > 0.6f * Math.max(g.size, last.size)) {
                        cells.add(cell(run, file, page));
                        run = new ArrayList<>();
                    }
                }
                run.add(g);
            }
            if (!run.isEmpty()) {
                cells.add(cell(run, file, page));
            }
            out.add(new Line(page, null, out.size(), splitLeaders(joinSigns(cells, file, page), file, page)));
        }
        return out;
    }

    private static Cell cell(List<Glyph> run, String file, int page) {
        StringBuilder b = new StringBuilder();
        float minY = Float.MAX_VALUE;
        float maxH = 0;
        for (Glyph g : run) {
            b.append(g.text);
            minY = Math.min(minY, g.y - g.h);
            maxH = Math.max(maxH, g.h);
        }
        float x = run.get(0).x;
        float right = run.get(run.size() - 1).right();
        return new Cell(b.toString(), x, right - x, SourceLocation.ofBox(file, page, x, minY, right - x, maxH));
    }

    /** Dotted leaders (after NFKC: ... ・・・) of at least three dots, with the label before and maybe an amount after. */
    private static final java.util.regex.Pattern LEADERS = java.util.regex.Pattern.compile("^(.*?[^.・\\s])\\s*[.・]{3,}\\s*(.*)$");

    /**
     * A leader row (現金及び預金…………1,234) prints label, dots and amount as one run of glyphs when the
     * dots reach the number: the label and the amount become cells of their own and the dots are
     * dropped, as if the row had been printed with a gap.
     */
    static List<Cell> splitLeaders(List<Cell> cells, String file, int page) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            var m = LEADERS.matcher(c.text());
            if (!m.matches() || !m.group(2).isEmpty() && !Amounts.isAmount(m.group(2))) {
                out.add(c);
                continue;
            }
            double perChar = c.width() / Math.max(1, c.text().length());
            String label = m.group(1);
            SourceLocation l = c.location();
            float lw = (float) (perChar * label.length());
            out.add(new Cell(label, c.x(), lw, SourceLocation.ofBox(file, page, (float) c.x(), l.y(), lw, l.height())));
            if (!m.group(2).isEmpty()) {
                String amount = m.group(2);
                float aw = (float) (perChar * amount.length());
                float ax = (float) (c.right() - aw);
                out.add(new Cell(amount, ax, aw, SourceLocation.ofBox(file, page, ax, l.y(), aw, l.height())));
            }
        }
        return out;
    }

    /** A sign printed apart from its digits (△ 5,000) belongs to the amount after it. */
    private static List<Cell> joinSigns(List<Cell> cells, String file, int page) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (Amounts.isSignOnly(c.text()) && i + 1 < cells.size() && Amounts.isAmount(cells.get(i + 1).text())) {
                Cell n = cells.get(i + 1);
                float x = (float) c.x();
                float w = (float) (n.right() - c.x());
                SourceLocation l = n.location();
                out.add(new Cell(c.text() + n.text(), x, w, SourceLocation.ofBox(file, page, x, l.y(), w, l.height())));
                i++;
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
