package jp.shinsa.scoring.fit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.SimilarGrant;
import jp.shinsa.models.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stub on 127.0.0.1 that speaks the OpenAI chat-completions protocol. */
class NarrativeWriterTest {
    private HttpServer server;
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (status == 200 ? """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"stub-model",
                     "choices":[{"index":0,"message":{"role":"assistant",
                       "content":"JA: 過去に同事業で交付された類似品が多く、事業目的に合致すると考えられる。\\nEN: Similar items were granted in this program before, so it likely serves the purpose."},
                       "finish_reason":"stop"}],
                     "usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}}
                    """ : "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private NarrativeConfig config() {
        return new NarrativeConfig(true, "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "stub-model",
                "test-key", Duration.ofSeconds(5));
    }

    private static PurposeFitScore score() {
        return new PurposeFitScore(1, 91.5, FitHint.FIT, List.of(new Text("本事業の類似過去案件 8件のうち交付7件", "7 of 8 granted")),
                List.of(new SimilarGrant("PG-2021-0412", 0.93, "AWARDED", "PCR検査装置", "infection", 6_000_000L, null)),
                "fit-test");
    }

    @Test
    void should_write_a_bilingual_narrative_from_the_evidence() {
        NarrativeWriter writer = new NarrativeWriter(config());

        var text = writer.write(FitModelFixture.item(1, "PCR検査装置", "PR-1（4チャネル）", 6_000_000),
                Catalogs.program("infection").orElseThrow(), score());

        assertThat(text).hasValueSatisfying(t -> {
            assertThat(t.ja()).startsWith("過去に同事業で交付された類似品");
            assertThat(t.en()).startsWith("Similar items were granted");
        });
        assertThat(authorization.get()).isEqualTo("Bearer test-key");
        assertThat(requestBody.get()).contains("stub-model").contains("PCR検査装置").contains("PG-2021-0412")
                .contains("感染症対策設備整備事業");
    }

    @Test
    void should_send_nothing_when_disabled() {
        NarrativeWriter writer = new NarrativeWriter(NarrativeConfig.disabled());

        assertThat(writer.enabled()).isFalse();
        assertThat(writer.write(FitModelFixture.item(1, "PCR検査装置", "PR-1", 1), Catalogs.program("infection").orElseThrow(),
                score())).isEmpty();
        assertThat(calls.get()).isZero();
    }

    @Test
    void should_give_nothing_rather_than_fail_when_the_endpoint_fails() {
        status = 500;
        NarrativeWriter writer = new NarrativeWriter(config());

        assertThat(writer.write(FitModelFixture.item(1, "PCR検査装置", "PR-1", 1), Catalogs.program("infection").orElseThrow(),
                score())).isEmpty();
        assertThat(calls.get()).isEqualTo(1);
    }
}
