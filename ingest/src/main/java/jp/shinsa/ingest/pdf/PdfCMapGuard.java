package jp.shinsa.ingest.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Refuses fonts whose character maps PDFBox would expand without bound, before any text is read.
 * PDFBox (fontbox 3.0.7 {@code CMapParser}) turns each {@code bfrange} of a ToUnicode CMap into one
 * mapping per code, counting with {@code int}s: a code longer than 4 bytes overflows
 * ({@code <4294967296> <04FF>} becomes some 1.8 billion codes), and a 4-byte range can be as long.
 * That loop does not look at interrupts, so the per-file time bound reports the file while the thread
 * goes on adding mappings, far more than any heap holds, and the heap is shared with every other read. Real fonts keep
 * a range inside 65,536 codes of at most 4 bytes (the PDF specification has ranges differ in their
 * last byte only), so anything beyond is refused as corrupt. Found by {@code ./shinsa fuzz}; see
 * docs/decisions/011-fuzzing-ingest.md.
 */
public final class PdfCMapGuard {
    /** Longest decoded CMap looked at; longer ones are left to PDFBox (still under the time bound). */
    static final int MAX_CMAP_BYTES = 1 << 20;
    /** Most codes one range may cover (a whole two-byte plane, {@code <0000> <FFFF>}). */
    static final long MAX_RANGE_CODES = 0x10000;
    private static final int MAX_DEPTH = 12;

    private PdfCMapGuard() {
    }

    /** Why the document's fonts cannot be read safely, or empty. Looks at the first {@code maxPages} pages. */
    public static Optional<String> check(PDDocument doc, int maxPages) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int pages = Math.min(doc.getNumberOfPages(), maxPages);
        for (int p = 0; p < pages; p++) {
            PDResources res = doc.getPage(p).getResources();
            if (res != null) {
                Optional<String> r = resources(res.getCOSObject(), seen, 0);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** Fonts of a resource dictionary, of its form XObjects and of Type 3 fonts, each dictionary once. */
    private static Optional<String> resources(COSDictionary res, Set<COSBase> seen, int depth) {
        if (res == null || depth > MAX_DEPTH || !seen.add(res)) {
            return Optional.empty();
        }
        COSDictionary fonts = res.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName key : fonts.keySet()) {
                if (fonts.getDictionaryObject(key) instanceof COSDictionary font && seen.add(font)) {
                    for (COSName map : List.of(COSName.TO_UNICODE, COSName.ENCODING)) {
                        if (font.getDictionaryObject(map) instanceof COSStream s && seen.add(s)) {
                            Optional<String> r = cmap(s);
                            if (r.isPresent()) {
                                return r;
                            }
                        }
                    }
                    Optional<String> r = resources(font.getCOSDictionary(COSName.RESOURCES), seen, depth + 1);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        COSDictionary xobjects = res.getCOSDictionary(COSName.XOBJECT);
        if (xobjects != null) {
            for (COSName key : xobjects.keySet()) {
                if (xobjects.getDictionaryObject(key) instanceof COSStream form && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
                    Optional<String> r = resources(form.getCOSDictionary(COSName.RESOURCES), seen, depth + 1);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cmap(COSStream s) {
        byte[] bytes;
        try (InputStream in = s.createInputStream()) {
            bytes = in.readNBytes(MAX_CMAP_BYTES);
        } catch (IOException e) {
            return Optional.empty(); // undecodable: PDFBox fails on it the ordinary way
        }
        return ranges(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /** The first bfrange of a CMap's text whose codes are too long or whose range is too wide. */
    static Optional<String> ranges(String cmap) {
        for (int at = cmap.indexOf("beginbfrange"); at >= 0; at = cmap.indexOf("beginbfrange", at + 1)) {
            int end = cmap.indexOf("endbfrange", at);
            List<String> tokens = tokens(cmap.substring(at + "beginbfrange".length(), end < 0 ? cmap.length() : end));
            for (int i = 0; i + 1 < tokens.size(); ) {
                String a = tokens.get(i);
                String b = tokens.get(i + 1);
                if (!isHex(a) || !isHex(b)) {
                    i++;
                    continue;
                }
                Optional<String> r = range(a.substring(1, a.length() - 1), b.substring(1, b.length() - 1));
                if (r.isPresent()) {
                    return r;
                }
                i += 2;
                // the destination: one string, or an array of them
                if (i < tokens.size() && tokens.get(i).equals("[")) {
                    while (i < tokens.size() && !tokens.get(i).equals("]")) {
                        i++;
                    }
                }
                i++;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> range(String startHex, String endHex) {
        byte[] start = hex(startHex);
        byte[] end = hex(endHex);
        if (start.length > 4 || end.length > 4) {
            return Optional.of("font character map with a code of more than 4 bytes");
        }
        // the span both as PDFBox counts it (signed int) and as the codes read (unsigned)
        long signed = (long) toInt(end) - toInt(start);
        long unsigned = toUnsigned(end) - toUnsigned(start);
        if (signed >= MAX_RANGE_CODES || unsigned >= MAX_RANGE_CODES) {
            return Optional.of("font character map range of more than " + MAX_RANGE_CODES + " codes");
        }
        return Optional.empty();
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = s.indexOf('>', i);
                close = close < 0 ? s.length() - 1 : close;
                out.add("<" + s.substring(i + 1, close).replaceAll("\\s+", "") + ">");
                i = close + 1;
            } else if (c == '[' || c == ']') {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "<>[]".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                j = Math.max(j, i + 1); // a stray '>' is a token of its own
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static boolean isHex(String t) {
        return t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>';
    }

    private static byte[] hex(String h) {
        String d = h.replaceAll("[^0-9A-Fa-f]", "");
        if (d.length() % 2 == 1) {
            d = d + "0"; // as PDF readers pad an odd hex string
        }
        byte[] b = new byte[d.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(d.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static int toInt(byte[] b) {
        int v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    private static long toUnsigned(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }
}
