package jp.shinsa.ingest.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A font without glyphs whose codes are Unicode (Identity-H with an identity ToUnicode map): text
 * written with it is invisible but extractable, the way OCR tools give a scan its text layer. It
 * makes Japanese text PDFs without embedding a CJK font (PDFBox cannot subset the installed Noto CJK
 * OpenType fonts). Written by tools and tests that need such PDFs (the fuzzer's seeds, test
 * fixtures); the reader never writes PDFs.
 */
public final class GlyphlessFont {
    private GlyphlessFont() {
    }

    /** A new glyphless Type0 font for {@code doc}: put it in a page's /Font resources and write text with it. */
    public static COSDictionary create(PDDocument doc) throws IOException {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "GlyphLessFont");
        descriptor.setInt(COSName.FLAGS, 4);
        COSArray bbox = new COSArray();
        for (int v : new int[] {0, 0, 1000, 1000}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 1000);
        descriptor.setInt(COSName.DESCENT, 0);
        descriptor.setInt(COSName.CAP_HEIGHT, 1000);
        descriptor.setInt(COSName.STEM_V, 80);

        COSDictionary info = new COSDictionary();
        info.setString(COSName.REGISTRY, "Adobe");
        info.setString(COSName.ORDERING, "Identity");
        info.setInt(COSName.SUPPLEMENT, 0);

        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cid.setName(COSName.BASE_FONT, "GlyphLessFont");
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        // ASCII (digits, Latin) half an em wide, as in real Japanese fonts
        COSArray widths = new COSArray();
        COSArray half = new COSArray();
        for (int c = 0x20; c <= 0x7E; c++) {
            half.add(COSInteger.get(500));
        }
        widths.add(COSInteger.get(0x20));
        widths.add(half);
        cid.setItem(COSName.W, widths);
        cid.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, "GlyphLessFont");
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cid);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);

        COSStream toUnicode = doc.getDocument().createCOSStream();
        try (OutputStream out = toUnicode.createOutputStream()) {
            out.write(identityCMap().getBytes(StandardCharsets.US_ASCII));
        }
        type0.setItem(COSName.TO_UNICODE, toUnicode);
        return type0;
    }

    private static String identityCMap() {
        StringBuilder b = new StringBuilder();
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int block = 0; block < 256; block += 100) {
            int n = Math.min(100, 256 - block);
            b.append(n).append(" beginbfrange\n");
            for (int hi = block; hi < block + n; hi++) {
                if (hi >= 0xD8 && hi <= 0xDF) {
                    b.append(String.format("<%02X00> <%02XFF> <0020>\n", hi, hi));
                } else {
                    b.append(String.format("<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi));
                }
            }
            b.append("endbfrange\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString();
    }
}
