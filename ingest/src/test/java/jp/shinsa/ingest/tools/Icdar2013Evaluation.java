package jp.shinsa.ingest.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import jp.shinsa.ingest.pdf.TabulaTableExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Dev tool: cell-level structure recognition on the ICDAR 2013 table competition set. For each
 * ground-truth table region the extractor reads the region; precision, recall and F1 are over
 * adjacency relations between neighbouring non-empty cells (right and below), the competition's
 * measure, with cell text compared after removing whitespace. Micro-averaged over all regions.
 * <pre>-Dshinsa.icdar=/work/shared/data/icdar2013-table-competition</pre>
 */
class Icdar2013Evaluation {
    record Relation(String a, String b, char dir) {
    }

    @Test
    @EnabledIfSystemProperty(named = "shinsa.icdar", matches = ".+")
    void evaluate() throws Exception {
        Path root = Path.of(System.getProperty("shinsa.icdar"));
        List<Path> strs;
        try (Stream<Path> s = Files.walk(root)) {
            strs = s.filter(p -> p.getFileName().toString().endsWith("-str.xml")).filter(p -> !p.getFileName().toString().matches(".*\\db-str\\.xml"))
                    .sorted().toList();
        }
        TabulaTableExtractor ex = new TabulaTableExtractor();
        for (TabulaTableExtractor.Mode mode : TabulaTableExtractor.Mode.values()) {
            long tp = 0;
            long nGold = 0;
            long nFound = 0;
            int regions = 0;
            for (Path str : strs) {
                String base = str.getFileName().toString().replace("-str.xml", "");
                Path pdf = str.resolveSibling(base + ".pdf");
                if (!Files.exists(pdf)) {
                    pdf = str.resolveSibling(base + "a.pdf");
                }
                if (!Files.exists(pdf)) {
                    continue;
                }
                Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(str.toFile());
                {
                    NodeList rs = x.getElementsByTagName("region");
                    for (int i = 0; i < rs.getLength(); i++) {
                        Element region = (Element) rs.item(i);
                        int page = Integer.parseInt(region.getAttribute("page"));
                        List<Element> cells = new ArrayList<>();
                        NodeList cs = region.getElementsByTagName("cell");
                        double x1 = 1e9, y1 = 1e9, x2 = -1e9, y2 = -1e9;
                        for (int k = 0; k < cs.getLength(); k++) {
                            Element c = (Element) cs.item(k);
                            cells.add(c);
                            Element bb = (Element) c.getElementsByTagName("bounding-box").item(0);
                            x1 = Math.min(x1, num(bb.getAttribute("x1")));
                            x2 = Math.max(x2, num(bb.getAttribute("x2")));
                            y1 = Math.min(y1, num(bb.getAttribute("y1")));
                            y2 = Math.max(y2, num(bb.getAttribute("y2")));
                        }
                        Set<Relation> gold = goldRelations(cells);
                        float h = ex.pageHeight(pdf, page);
                        Set<Relation> found = new HashSet<>();
                        try {
                            for (List<List<String>> grid : ex.tables(pdf, page, (float) (h - y2 - 2), (float) (x1 - 2), (float) (h - y1 + 2),
                                    (float) (x2 + 2), mode)) {
                                found.addAll(gridRelations(grid));
                            }
                        } catch (RuntimeException e) {
                            // a region Tabula cannot read counts as nothing found
                        }
                        Set<Relation> hit = new HashSet<>(found);
                        hit.retainAll(gold);
                        tp += hit.size();
                        nGold += gold.size();
                        nFound += found.size();
                        regions++;
                    }
                }
            }
            double p = nFound == 0 ? 0 : (double) tp / nFound;
            double r = nGold == 0 ? 0 : (double) tp / nGold;
            System.err.printf(Locale.ROOT, "ICDAR | Tabula %s | %d regions | P=%.3f R=%.3f F1=%.3f (relations: %d correct, %d found, %d gold)%n",
                    mode, regions, p, r, 2 * p * r / Math.max(1e-9, p + r), tp, nFound, nGold);
        }
    }

    /** A coordinate; the ground truth has a few typos ("26ß"). */
    static double num(String s) {
        return Double.parseDouble(s.replaceAll("[^0-9.\\-]", ""));
    }

    static String norm(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static Set<Relation> goldRelations(List<Element> cells) {
        int rows = 0;
        int cols = 0;
        for (Element c : cells) {
            rows = Math.max(rows, end(c, "row") + 1);
            cols = Math.max(cols, end(c, "col") + 1);
        }
        String[][] grid = new String[rows][cols];
        int[][] id = new int[rows][cols];
        for (int[] r : id) {
            java.util.Arrays.fill(r, -1);
        }
        for (int k = 0; k < cells.size(); k++) {
            Element c = cells.get(k);
            if (Integer.parseInt(c.getAttribute("start-row")) < 0 || Integer.parseInt(c.getAttribute("start-col")) < 0) {
                continue;
            }
            String text = norm(c.getElementsByTagName("content").item(0) == null ? "" : c.getElementsByTagName("content").item(0).getTextContent());
            for (int r = Integer.parseInt(c.getAttribute("start-row")); r <= end(c, "row"); r++) {
                for (int col = Integer.parseInt(c.getAttribute("start-col")); col <= end(c, "col"); col++) {
                    grid[r][col] = text;
                    id[r][col] = k;
                }
            }
        }
        return relations(grid, id);
    }

    private static int end(Element c, String what) {
        String e = c.getAttribute("end-" + what);
        int start = Integer.parseInt(c.getAttribute("start-" + what));
        // a few ground-truth cells have end < start: read them as single cells
        return e.isEmpty() ? start : Math.max(start, Integer.parseInt(e));
    }

    static Set<Relation> gridRelations(List<List<String>> rowsList) {
        int rows = rowsList.size();
        int cols = rowsList.stream().mapToInt(List::size).max().orElse(0);
        String[][] grid = new String[rows][cols];
        int[][] id = new int[rows][cols];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = c < rowsList.get(r).size() ? norm(rowsList.get(r).get(c)) : "";
                id[r][c] = n++;
            }
        }
        return relations(grid, id);
    }

    /** Each non-empty cell with its nearest non-empty neighbour to the right and below. */
    private static Set<Relation> relations(String[][] grid, int[][] id) {
        Set<Relation> out = new HashSet<>();
        int rows = grid.length;
        int cols = rows == 0 ? 0 : grid[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String t = grid[r][c];
                if (t == null || t.isEmpty()) {
                    continue;
                }
                for (int k = c + 1; k < cols; k++) {
                    if (id[r][k] == id[r][c]) {
                        continue;
                    }
                    if (grid[r][k] != null && !grid[r][k].isEmpty()) {
                        out.add(new Relation(t, grid[r][k], 'H'));
                        break;
                    }
                }
                for (int k = r + 1; k < rows; k++) {
                    if (id[k][c] == id[r][c]) {
                        continue;
                    }
                    if (grid[k][c] != null && !grid[k][c].isEmpty()) {
                        out.add(new Relation(t, grid[k][c], 'V'));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
