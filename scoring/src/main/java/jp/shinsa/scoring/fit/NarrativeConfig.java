package jp.shinsa.scoring.fit;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the optional narrative writer sends its prompt: an OpenAI-compatible chat-completions
 * endpoint (OpenAI, Azure-compatible gateways, Ollama's /v1, vLLM, llama.cpp server…). Off by
 * default: nothing leaves the machine unless an administrator sets {@code enabled} and a base URL.
 *
 * @param baseUrl   e.g. "http://127.0.0.1:11434/v1" (the client appends /chat/completions)
 * @param modelName e.g. "qwen2.5:7b-instruct"
 * @param apiKey    may be empty for local servers; never logged
 * @param timeout   per request; the score never waits for more than this
 */
public record NarrativeConfig(boolean enabled, String baseUrl, String modelName, String apiKey, Duration timeout) {
    public NarrativeConfig {
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        apiKey = apiKey == null ? "" : apiKey;
        if (enabled) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(modelName, "modelName");
        }
    }

    public static NarrativeConfig disabled() {
        return new NarrativeConfig(false, null, null, null, null);
    }

    @Override
    public String toString() {
        return "NarrativeConfig[enabled=" + enabled + ", baseUrl=" + baseUrl + ", modelName=" + modelName
                + ", apiKey=" + (apiKey.isEmpty() ? "" : "***") + ", timeout=" + timeout + "]";
    }
}
