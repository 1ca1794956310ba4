package jp.shinsa.review.support;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Sends files to a vaadin-upload through its file input and waits until they are uploaded. */
public final class UploadInput {
    private UploadInput() {
    }

    public static void send(WebDriver d, WebElement upload, List<String> paths) {
        send(d, upload, paths, paths.size());
    }

    /**
     * Sends the files and waits until {@code listed} of them are uploaded (or failed): fewer than sent
     * when the upload refuses some before sending them (too large, too many), which it leaves out of its list.
     */
    public static void send(WebDriver d, WebElement upload, List<String> paths, int listed) {
        WebElement input = (WebElement) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].querySelector('input[type=file]') || arguments[0].shadowRoot.querySelector('input[type=file]');",
                upload);
        input.sendKeys(String.join("\n", paths));
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> ((JavascriptExecutor) x).executeScript(
                "const u = arguments[0]; return u.files && u.files.length >= arguments[1] && u.files.every(f => f.complete || f.error);",
                upload, listed).equals(Boolean.TRUE));
    }
}
