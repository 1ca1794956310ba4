package jp.shinsa.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import jp.shinsa.review.api.ApiIntegrationTest;
import jp.shinsa.review.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Session fixation, login throttling and CSRF on the workbench's form login, over plain HTTP. */
@ApiIntegrationTest
class LoginSecurityIT {
    private static final String PASSWORD = "correct-horse-1";
    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;

    String newExaminer() {
        String name = "ex-" + UUID.randomUUID().toString().substring(0, 8);
        users.createIfAbsent(name, name, PASSWORD, Set.of(Roles.EXAMINER));
        return name;
    }

    @Test
    void should_give_a_new_session_id_at_login_and_invalidate_the_old_one() throws Exception {
        String name = newExaminer();
        FormLoginClient browser = new FormLoginClient(port);
        browser.get("/login");
        String before = browser.session;
        assertThat(before).isNotNull();

        var r = browser.login(name, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(FormLoginClient.location(r)).isEqualTo("/");
        assertThat(browser.session).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/queue").statusCode()).isEqualTo(200);

        // Someone who planted or stole the pre-login id gains nothing.
        FormLoginClient attacker = new FormLoginClient(port);
        attacker.session = before;
        var refused = attacker.get("/queue");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(FormLoginClient.location(refused)).isEqualTo("/login");
    }

    @Test
    void should_lock_a_name_after_repeated_failures_even_for_the_right_password() throws Exception {
        String name = newExaminer();
        for (int i = 0; i < 5; i++) {
            var r = new FormLoginClient(port).login(name, "wrong-password-" + i);
            assertThat(FormLoginClient.location(r)).isEqualTo("/login?error");
        }
        FormLoginClient browser = new FormLoginClient(port);
        var locked = browser.login(name, PASSWORD);
        assertThat(FormLoginClient.location(locked)).isEqualTo("/login?error");
        var queue = browser.get("/queue");
        assertThat(FormLoginClient.location(queue)).isEqualTo("/login");
        assertThat(audit.search("system", null, "LOGIN_LOCKED", null, null, 20))
                .anySatisfy(e -> assertThat(e.detail()).contains(name));

        // Another account from the same address is not locked by it.
        String other = newExaminer();
        assertThat(FormLoginClient.location(new FormLoginClient(port).login(other, PASSWORD))).isEqualTo("/");
    }

    @Test
    void should_refuse_a_state_changing_post_without_the_csrf_token() throws Exception {
        String name = newExaminer();
        FormLoginClient browser = new FormLoginClient(port);
        browser.login(name, PASSWORD);
        var forged = browser.postForm("/logout");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/queue").statusCode()).as("still logged in").isEqualTo(200);

        var real = browser.postForm("/logout", "_csrf", browser.csrf("/queue"));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(FormLoginClient.location(browser.get("/queue"))).isEqualTo("/login");
    }

    @Test
    void should_refuse_a_login_posted_from_another_site() throws Exception {
        String name = newExaminer();
        // The right user and password, but the form was posted by a page of another site (login CSRF).
        var fromOrigin = new FormLoginClient(port).withHeader("Origin", "https://attacker.example");
        assertThat(fromOrigin.login(name, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(FormLoginClient.location(fromOrigin.get("/queue"))).as("not logged in").isEqualTo("/login");

        var crossSite = new FormLoginClient(port).withHeader("Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.login(name, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(FormLoginClient.location(crossSite.get("/queue"))).isEqualTo("/login");

        // The same login from the workbench's own page goes through.
        var own = new FormLoginClient(port).withHeader("Origin", "http://localhost:" + port)
                .withHeader("Sec-Fetch-Site", "same-origin");
        assertThat(FormLoginClient.location(own.login(name, PASSWORD))).isEqualTo("/");
        assertThat(own.get("/queue").statusCode()).isEqualTo(200);
    }
}
