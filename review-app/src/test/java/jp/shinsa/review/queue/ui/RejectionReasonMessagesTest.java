package jp.shinsa.review.queue.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import jp.shinsa.review.application.PackageUnpacker.Reason;
import jp.shinsa.review.application.PackageUnpacker.Rejected;
import jp.shinsa.review.ui.I18n;
import org.junit.jupiter.api.Test;

/** The dialog shows a refused file's reason from the bundles: every reason needs a text in both languages. */
class RejectionReasonMessagesTest {
    private final I18n i18n = new I18n();

    @Test
    void should_have_every_rejection_reason_in_japanese_and_english() {
        for (Reason r : Reason.values()) {
            String ja = i18n.getTranslation(r.key(), I18n.JAPANESE, "42");
            String en = i18n.getTranslation(r.key(), I18n.ENGLISH, "42");
            assertThat(ja).as(r.key()).doesNotStartWith("!").isNotEqualTo(en);
            assertThat(en).as(r.key()).doesNotStartWith("!");
        }
    }

    @Test
    void should_word_the_english_message_as_the_api_reports_the_reason() {
        for (Reason r : Reason.values()) {
            assertThat(i18n.getTranslation(r.key(), Locale.ENGLISH, "42"))
                    .isEqualTo(new Rejected("x.pdf", r, "42").reason());
        }
    }
}
