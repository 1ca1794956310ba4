package jp.shinsa.review.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.shinsa.review.api.ApiIntegrationTest;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker.Reason;
import jp.shinsa.review.application.StoredFile;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.queue.QueueFilter;
import jp.shinsa.review.queue.ReviewQueueService;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.support.Browser;
import jp.shinsa.review.support.UploadInput;
import jp.shinsa.review.ui.I18n;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hostile packages through the new-application dialog in a real browser: every refused file is listed
 * with its reason in Japanese (the default), the good files of the same package are kept and reviewed,
 * files that are accepted but cannot be read are reported as findings of the review, and the
 * applications already in the queue are untouched. Three uploads in one browser session keep it fast;
 * the limits are the small ones of {@link ApiIntegrationTest} (1 MB a file, 20 files, 4 MB a package).
 */
@ApiIntegrationTest
class HostileUploadsBrowserIT {
    private static final byte[] CSV = "科目,金額\n資産合計,100\n".getBytes(StandardCharsets.UTF_8);
    /** Control and format characters other than the line breaks between list items. */
    private static final String UNPRINTABLE = "[\\p{Cntrl}\\p{Cf}&&[^\\n]]";
    private static final I18n I18N = new I18n();
    @LocalServerPort
    int port;
    @Autowired
    ApplicationReviewService applications;
    @Autowired
    ReviewQueueService queue;
    @TempDir
    Path dir;

    @Test
    void should_show_why_each_hostile_file_was_refused_and_review_the_rest_of_its_package() throws Exception {
        Map<Long, ApplicationSummary> earlier = new LinkedHashMap<>();
        Map<Long, Integer> earlierFileCounts = asExaminer(() -> fileCounts(earlier));
        assertThat(earlier).as("applications in the queue before").isNotEmpty();

        List<UploadedFile> good = new DemoPackageGenerator().generate(0).files();
        List<Path> zips = new ArrayList<>(write(good));
        zips.add(write("huge.pdf", new byte[(ApiIntegrationTest.MAX_FILE_MB << 20) + 1]));
        zips.add(write("slip.zip", zip(Map.of("../../etc/passwd", CSV, "/absolute/evil.csv", CSV,
                "C:\\Windows\\evil.csv", CSV, "..\\..\\evil2\u0007.csv", CSV, "folder/決算書.csv", CSV,
                "dir/sub/ok\u0001name\u202e.csv", CSV, "inner.zip", zip(Map.of("x.csv", CSV)),
                "big.pdf", new byte[2 << 20]))));
        zips.add(write("bomb.zip", bomb()));
        zips.add(write("a\u0007b\u001b.csv", CSV));
        zips.add(write("..\\..\\windows.csv", CSV));

        List<UploadedFile> good2 = new DemoPackageGenerator().generate(2).files();
        List<Path> unreadable = new ArrayList<>(write(good2));
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        unreadable.add(write("corrupt.pdf", concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), junk)));
        unreadable.add(write("encrypted.pdf", encryptedPdf()));
        unreadable.add(write("zero.pdf", new byte[0]));
        unreadable.add(write("corrupt.xlsx", concat(new byte[] {'P', 'K', 3, 4}, junk)));
        unreadable.add(write("encrypted.xlsx", encryptedXlsx(good2.get(0).content())));

        List<String> thousands = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            thousands.add("f" + i + ".csv");
        }
        Path many = write("many.zip", zip(thousands.stream().collect(LinkedHashMap::new, (m, n) -> m.put(n, CSV),
                Map::putAll)));

        try (Browser browser = new Browser(port)) {
            WebDriver d = browser.driver();
            browser.login("examiner", "shinsa-demo");

            String refused = upload(browser, "敵対的ZIP", zips, zips.size() - 1, "hostile-1-zips");
            assertThat(refused).contains(
                    "huge.pdf: " + ja(Reason.FILE_TOO_LARGE, "1"),
                    "passwd: " + ja(Reason.UNSAFE_PATH, "../../etc/passwd"),
                    "evil.csv: " + ja(Reason.UNSAFE_PATH, "/absolute/evil.csv"),
                    "evil.csv: " + ja(Reason.UNSAFE_PATH, "C:\\Windows\\evil.csv"),
                    "evil2.csv: " + ja(Reason.UNSAFE_PATH, "..\\..\\evil2?.csv"),
                    "inner.zip: " + ja(Reason.NESTED_ARCHIVE, ""),
                    "big.pdf: " + ja(Reason.UNPACKED_TOO_LARGE, "1"),
                    "bomb.zip: " + ja(Reason.ZIP_BOMB, ""));
            assertThat(refused).doesNotContainPattern(UNPRINTABLE);

            assertThat(upload(browser, "読めない書類", unreadable, unreadable.size(), "hostile-2-unreadable"))
                    .as("nothing refused: unreadable files are accepted and reported by the review").isEmpty();

            // A client that ignores the size limit gets the same reason, from the server.
            Path huge = write("huge2.pdf", new byte[(ApiIntegrationTest.MAX_FILE_MB << 20) + 1]);
            refused = upload(browser, "数千ファイル", List.of(many, huge), 2, "hostile-3-thousands", true);
            int shown = 3;
            int overLimit = ApiIntegrationTest.MAX_FILES * 10 - ApiIntegrationTest.MAX_FILES;
            assertThat(refused).contains(
                    I18N.getTranslation("upload.andMore", I18n.JAPANESE, "f20.csv, f21.csv, f22.csv",
                            String.valueOf(overLimit - shown)) + ": "
                            + ja(Reason.TOO_MANY_FILES, String.valueOf(ApiIntegrationTest.MAX_FILES)),
                    "many.zip: " + ja(Reason.TOO_MANY_ENTRIES, ""),
                    "huge2.pdf: " + ja(Reason.FILE_TOO_LARGE, "1"));

            ApplicationSummary zipsApp = reviewed("敵対的ZIP");
            ApplicationSummary unreadableApp = reviewed("読めない書類");
            ApplicationSummary manyApp = reviewed("数千ファイル");
            List<String> kept = new ArrayList<>(good.stream().map(UploadedFile::fileName).toList());
            kept.addAll(List.of("決算書.csv", "okname.csv", "readme.csv", "ab.csv", "windows.csv"));
            assertThat(asExaminer(() -> names(zipsApp.id()))).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(asExaminer(() -> applications.files(manyApp.id()))).hasSize(ApiIntegrationTest.MAX_FILES);

            // The stored names are what the application's file list shows, without control characters.
            browser.open("/applications/" + zipsApp.id());
            var wait = browser.waitUpTo(Duration.ofSeconds(60));
            wait.until(x -> x.findElement(By.id("findings-grid")));
            clickTab(d, I18N.getTranslation("detail.documents", I18n.JAPANESE));
            wait.until(x -> x.findElement(By.id("documents-grid")).getText().contains("windows.csv"));
            String documents = d.findElement(By.id("documents-grid")).getText();
            assertThat(documents).contains("ab.csv", "okname.csv").doesNotContainPattern(UNPRINTABLE);
            browser.screenshot("hostile-4-sanitised-names");

            // Unreadable files are findings of a review that went on with the readable ones.
            browser.open("/applications/" + unreadableApp.id());
            wait.until(x -> x.findElement(By.id("findings-grid")).getText().contains("zero.pdf"));
            String findings = d.findElement(By.id("findings-grid")).getText();
            assertThat(findings).contains(
                    I18N.getTranslation("finding.UNREADABLE_DOCUMENT", I18n.JAPANESE),
                    "ファイル「zero.pdf」を読み取れませんでした（空のファイルです）",
                    "ファイル「encrypted.pdf」を読み取れませんでした（暗号化されたPDFです）",
                    "ファイル「encrypted.xlsx」を読み取れませんでした（暗号化された",
                    "ファイル「corrupt.pdf」を読み取れませんでした",
                    "ファイル「corrupt.xlsx」を読み取れませんでした");
            assertThat(findings).doesNotContain("ファイル「" + good2.get(0).fileName() + "」を読み取れません");
            browser.screenshot("hostile-5-unreadable-findings");
            assertThat(unreadableApp.status()).isEqualTo(ApplicationStatus.REVIEWED);
            assertThat(asExaminer(() -> applications.files(unreadableApp.id()))).hasSize(unreadable.size());

            // The applications that were there before are still listed, with the same files.
            ApplicationSummary first = earlier.values().iterator().next();
            browser.open("/queue");
            wait.until(x -> x.findElement(By.id("queue-search"))).findElement(By.tagName("input"))
                    .sendKeys(first.name());
            wait.until(x -> x.findElement(By.id("queue-grid")).getText().contains(first.name()));
        }
        assertThat(asExaminer(() -> fileCounts(new LinkedHashMap<>()))).containsAllEntriesOf(earlierFileCounts);
    }

    private static String upload(Browser browser, String name, List<Path> files, int listed, String screenshot)
            throws IOException {
        return upload(browser, name, files, listed, screenshot, false);
    }

    /**
     * Opens the dialog, uploads, starts the review and returns what the dialog lists as refused ("" if
     * nothing). With {@code ignoreSizeLimit} the browser sends files over the size limit, as a client
     * that does not check it would.
     */
    private static String upload(Browser browser, String name, List<Path> files, int listed, String screenshot,
                                 boolean ignoreSizeLimit) throws IOException {
        WebDriver d = browser.driver();
        var wait = browser.waitUpTo(Duration.ofSeconds(60));
        wait.until(x -> x.findElement(By.id("new-application"))).click();
        wait.until(x -> x.findElement(By.id("upload-name"))).findElement(By.tagName("input")).sendKeys(name);
        WebElement upload = d.findElement(By.id("upload"));
        if (ignoreSizeLimit) {
            ((JavascriptExecutor) d).executeScript("arguments[0].maxFileSize = Infinity;", upload);
        }
        UploadInput.send(d, upload, files.stream().map(p -> p.toAbsolutePath().toString()).toList(), listed);
        if (listed < files.size()) {
            // What the browser refuses is listed before anything is sent to the review.
            wait.until(x -> !x.findElements(By.id("upload-rejected")).isEmpty());
        }
        d.findElement(By.id("upload-submit")).click();
        wait.until(x -> x.findElement(By.id("upload-status")));
        // An empty list is not rendered at all.
        String refused = d.findElements(By.id("upload-rejected")).stream().map(e -> e.getText()).findFirst()
                .orElse("");
        browser.screenshot(screenshot);
        d.findElement(By.id("upload-close")).click();
        wait.until(x -> x.findElements(By.id("upload-close")).isEmpty());
        return refused;
    }

    private ApplicationSummary reviewed(String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            ApplicationSummary s = asExaminer(() -> queue.page(new QueueFilter(name, null, false, null, null),
                    List.of(), 0, 2)).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
            if (s.status() != ApplicationStatus.RECEIVED && s.status() != ApplicationStatus.PROCESSING) {
                assertThat(s.status()).as(name).isEqualTo(ApplicationStatus.REVIEWED);
                return s;
            }
            assertThat(Instant.now()).as(name + " reviewed in time").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private Map<Long, Integer> fileCounts(Map<Long, ApplicationSummary> into) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (ApplicationSummary a : queue.page(QueueFilter.ALL, List.of(), 0, 10_000)) {
            into.put(a.id(), a);
            counts.put(a.id(), applications.files(a.id()).size());
        }
        return counts;
    }

    private List<String> names(long id) {
        return applications.files(id).stream().map(StoredFile::fileName).toList();
    }

    private static <T> T asExaminer(Callable<T> call) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("examiner", null,
                "ROLE_" + Roles.EXAMINER));
        try {
            return call.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String ja(Reason reason, String detail) {
        String text = I18N.getTranslation(reason.key(), I18n.JAPANESE, detail);
        assertThat(text).as(reason.key() + " in the Japanese bundle").doesNotStartWith("!");
        return text;
    }

    private static void clickTab(WebDriver d, String label) {
        d.findElement(By.xpath("//vaadin-tab[contains(normalize-space(.), '" + label + "')]")).click();
    }

    private List<Path> write(List<UploadedFile> files) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (UploadedFile f : files) {
            paths.add(write(f.fileName(), f.content()));
        }
        return paths;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** A small readable file, then one that takes the expansion past 1 MB from a few kilobytes. */
    private static byte[] bomb() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.csv", CSV);
        entries.put("zeros.pdf", new byte[ApiIntegrationTest.MAX_FILE_MB << 20]);
        byte[] zip = zip(entries);
        assertThat(zip.length).isLessThan(16 << 10);
        return zip;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedXlsx(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx));
                 OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
