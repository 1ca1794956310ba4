package jp.shinsa.review.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Application packages whose 決算書 prints a row under a facility's own wording, with no lexical
 * relation to any account: the reader cannot map it by itself.
 */
public final class RowMappingFixture {
    /** The facility's name for what is, in accounts.csv, その他の流動資産 (other_current_assets). */
    public static final String WORDING = "ひまわりポイント";
    public static final String ACCOUNT = "other_current_assets";
    public static final String STATEMENTS = "決算書_令和6年度.xlsx";

    private RowMappingFixture() {
    }

    /** Demo package {@code index} (one without a planted error) with その他の流動資産 printed as {@link #WORDING}. */
    public static List<UploadedFile> packageWithFacilityWording(int index) {
        return packageWithFacilityWording(index, WORDING);
    }

    /**
     * The same with a wording of the caller's: tests share one database, so a test that teaches a
     * wording takes one no other test teaches.
     */
    public static List<UploadedFile> packageWithFacilityWording(int index, String wording) {
        DemoPackageGenerator.DemoPackage p = new DemoPackageGenerator().generate(index);
        if (p.planted() != null) {
            throw new IllegalArgumentException("demo package " + index + " has a planted error: " + p.planted());
        }
        List<UploadedFile> files = new ArrayList<>();
        for (UploadedFile f : p.files()) {
            files.add(f.fileName().equals(STATEMENTS)
                    ? new UploadedFile(f.fileName(), f.contentType(), relabel(f.content(), "その他の流動資産", wording)) : f);
        }
        return files;
    }

    /** Submits the files as the examiner and waits for the first pass. */
    public static jp.shinsa.review.application.ApplicationSummary reviewed(
            jp.shinsa.review.application.ApplicationReviewService service, String name, List<UploadedFile> files)
            throws InterruptedException {
        long id = service.submit("examiner", name, files);
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(5));
        while (java.time.Instant.now().isBefore(deadline)) {
            var s = service.find(id).orElseThrow();
            if (s.status() == jp.shinsa.review.application.ApplicationStatus.REVIEWED
                    || s.status() == jp.shinsa.review.application.ApplicationStatus.FAILED) {
                return s;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("application " + id + " was not reviewed in time");
    }

    /** The value of その他の流動資産 in demo package {@code index}'s 決算書. */
    public static long otherCurrentAssets(int index) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(statements(index)))) {
            for (Row r : wb.getSheet("貸借対照表")) {
                Cell label = r.getCell(0);
                if (label != null && "その他の流動資産".equals(label.getStringCellValue())) {
                    return (long) r.getCell(1).getNumericCellValue();
                }
            }
            throw new IllegalStateException("no その他の流動資産 row");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] statements(int index) {
        return new DemoPackageGenerator().generate(index).files().stream().filter(f -> f.fileName().equals(STATEMENTS))
                .findFirst().orElseThrow().content();
    }

    private static byte[] relabel(byte[] xlsx, String from, String to) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            int changed = 0;
            for (Sheet s : wb) {
                for (Row r : s) {
                    Cell c = r.getCell(0);
                    if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && from.equals(c.getStringCellValue())) {
                        c.setCellValue(to);
                        changed++;
                    }
                }
            }
            if (changed != 1) {
                throw new IllegalStateException(changed + " rows labelled " + from);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
