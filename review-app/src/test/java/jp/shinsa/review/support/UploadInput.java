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
        WebElement input = (WebElement) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].querySelector('input[type=file]') || arguments[0].shadowRoot.querySelector('input[type=file]');",
                upload);
        input.sendKeys(String.join("\n", paths));
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> ((JavascriptExecutor) x).executeScript(
                "const u = arguments[0]; return u.files && u.files.length >= arguments[1] && u.files.every(f => f.complete || f.error);",
                upload, paths.size()).equals(Boolean.TRUE));
    }
}
