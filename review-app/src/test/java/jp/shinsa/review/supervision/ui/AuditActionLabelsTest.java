package jp.shinsa.review.supervision.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinsa.review.ui.I18n;
import org.junit.jupiter.api.Test;

/** Every audit action the supervisor can filter by is named in Japanese and in English, and no label is orphaned. */
class AuditActionLabelsTest {

    @Test
    void should_name_every_audit_action_in_both_languages() {
        I18n i18n = new I18n();
        for (String code : AuditView.ACTIONS) {
            assertThat(i18n.getTranslation("audit.action." + code, I18n.JAPANESE)).as(code).doesNotStartWith("!");
            assertThat(i18n.getTranslation("audit.action." + code, I18n.ENGLISH)).as(code).doesNotStartWith("!");
        }
        for (Locale l : new Locale[] {I18n.JAPANESE, I18n.ENGLISH}) {
            Set<String> labelled = ResourceBundle.getBundle("messages", l).keySet().stream()
                    .filter(k -> k.startsWith("audit.action.")).map(k -> k.substring("audit.action.".length()))
                    .collect(Collectors.toSet());
            assertThat(labelled).as(l.toString()).containsExactlyInAnyOrderElementsOf(AuditView.ACTIONS);
        }
    }
}
