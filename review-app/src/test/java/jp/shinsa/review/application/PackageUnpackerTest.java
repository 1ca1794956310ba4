package jp.shinsa.review.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PackageUnpackerTest {
    private final PackageUnpacker unpacker = new PackageUnpacker(new PackageUnpacker.Limits(1 << 20, 4 << 20, 5, 50));

    @Test
    void should_unpack_a_zip_with_japanese_names_made_on_windows() throws IOException {
        byte[] zip = zip(Map.of("決算書.csv", "科目,金額".getBytes(StandardCharsets.UTF_8)), Charset.forName("MS932"));
        var result = unpacker.unpack(List.of(new UploadedFile("申請一式.zip", null, zip)));
        assertThat(result.files()).extracting(UploadedFile::fileName).containsExactly("決算書.csv");
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void should_reject_zip_slip_entries_and_keep_the_rest() throws IOException {
        byte[] zip = zip(Map.of("../../etc/passwd", "x".getBytes(), "ok.csv", "a,b".getBytes()), StandardCharsets.UTF_8);
        var result = unpacker.unpack(List.of(new UploadedFile("pkg.zip", null, zip)));
        assertThat(result.files()).extracting(UploadedFile::fileName).containsExactly("ok.csv");
        assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("unsafe path"));
    }

    @Test
    void should_stop_a_zip_bomb() throws IOException {
        byte[] zeros = new byte[900_000];
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("zeros" + i + ".bin", zeros);
        }
        byte[] zip = zip(entries, StandardCharsets.UTF_8);
        assertThat(zip.length).isLessThan(50_000);
        var result = unpacker.unpack(List.of(new UploadedFile("bomb.zip", null, zip)));
        assertThat(result.rejected()).anySatisfy(r -> assertThat(r.reason()).contains("ZIP bomb"));
        assertThat(result.files().stream().mapToLong(f -> f.content().length).sum()).isLessThanOrEqualTo(4L << 20);
    }

    @Test
    void should_refuse_files_beyond_the_count_and_size_limits() {
        var files = new java.util.ArrayList<UploadedFile>();
        for (int i = 0; i < 7; i++) {
            files.add(new UploadedFile("f" + i + ".csv", null, "a".getBytes()));
        }
        files.add(new UploadedFile("huge.pdf", null, new byte[(1 << 20) + 1]));
        var result = unpacker.unpack(files);
        assertThat(result.files()).hasSize(5);
        assertThat(result.rejected()).hasSize(3);
        assertThat(result.rejected()).anySatisfy(r -> assertThat(r.reason()).contains("larger than"));
    }

    @Test
    void should_strip_path_separators_and_control_characters_from_names() {
        var result = unpacker.unpack(List.of(new UploadedFile("..\\..\\evil\u0007/na\u0000me.pdf", null, "x".getBytes())));
        assertThat(result.files()).extracting(UploadedFile::fileName).containsExactly("name.pdf");
    }

    @Test
    void should_treat_an_xlsx_as_a_document_not_an_archive() throws IOException {
        byte[] xlsxLike = zip(Map.of("[Content_Types].xml", "<x/>".getBytes()), StandardCharsets.UTF_8);
        var result = unpacker.unpack(List.of(new UploadedFile("入力シート.xlsx", null, xlsxLike)));
        assertThat(result.files()).extracting(UploadedFile::fileName).containsExactly("入力シート.xlsx");
    }

    private static byte[] zip(Map<String, byte[]> entries, Charset names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, names)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
