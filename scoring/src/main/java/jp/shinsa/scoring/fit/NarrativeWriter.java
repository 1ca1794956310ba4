package jp.shinsa.scoring.fit;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Optional;
import jp.shinsa.models.Program;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SimilarGrant;
import jp.shinsa.models.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optionally turns the evidence of a purpose-fit score into a short narrative rationale with a chat
 * model (LangChain4j, OpenAI-compatible protocol). Never needed for a score: when disabled, or when
 * the endpoint fails or times out, {@link #write} returns empty and the score stands on its own.
 * The prompt contains only the item, the program and the evidence already shown to the examiner.
 */
public final class NarrativeWriter {
    private static final Logger LOG = LoggerFactory.getLogger(NarrativeWriter.class);
    private static final String SYSTEM = """
            あなたは補助金審査官を補佐するアシスタントです。与えられた根拠だけに基づき、申請物品が事業目的に
            合致するかについて2〜3文の簡潔な所見を書いてください。根拠にない事実を加えないこと。判断は審査官が行います。
            出力は必ず次の2行: 1行目「JA: 」に日本語、2行目「EN: 」に同じ内容の英語。""";

    private final NarrativeConfig config;
    private final ChatModel model;

    public NarrativeWriter(NarrativeConfig config) {
        this.config = config == null ? NarrativeConfig.disabled() : config;
        this.model = this.config.enabled() ? OpenAiChatModel.builder()
                .baseUrl(this.config.baseUrl())
                .apiKey(this.config.apiKey().isEmpty() ? "none" : this.config.apiKey())
                .modelName(this.config.modelName())
                .timeout(this.config.timeout())
                .maxRetries(0)
                .temperature(0.2)
                .build() : null;
    }

    public boolean enabled() {
        return model != null;
    }

    /** A bilingual narrative, or empty when disabled or the model is unavailable. */
    public Optional<Text> write(RequestedItem item, Program program, PurposeFitScore score) {
        if (model == null) {
            return Optional.empty();
        }
        try {
            String answer = model.chat(SystemMessage.from(SYSTEM), UserMessage.from(prompt(item, program, score)))
                    .aiMessage().text();
            return Optional.ofNullable(answer).filter(a -> !a.isBlank()).map(NarrativeWriter::parse);
        } catch (RuntimeException e) {
            LOG.warn("narrative writer unavailable ({}): {}", config.baseUrl(), e.toString());
            return Optional.empty();
        }
    }

    static String prompt(RequestedItem item, Program program, PurposeFitScore score) {
        StringBuilder b = new StringBuilder();
        b.append("事業: ").append(program.nameJa()).append("\n事業目的: ").append(program.purposeJa()).append('\n');
        b.append("申請物品: ").append(item.name());
        if (item.spec() != null) {
            b.append(" / 規格: ").append(item.spec());
        }
        if (item.maker() != null) {
            b.append(" / メーカー: ").append(item.maker());
        }
        if (item.purpose() != null) {
            b.append("\n整備目的（申請者記載）: ").append(item.purpose());
        }
        b.append(String.format(java.util.Locale.ROOT, "\n適合スコア: %.1f / 100（%s）%n根拠:%n", score.purposeFit(),
                score.hint()));
        score.reasons().forEach(r -> b.append("- ").append(r.ja()).append('\n'));
        b.append("類似の過去決定:\n");
        for (SimilarGrant g : score.similarPastGrants()) {
            b.append("- ").append(g.id()).append(' ').append(g.itemName()).append(" (").append(g.program()).append(") ")
                    .append(g.decision()).append(g.reason() == null ? "" : " " + g.reason())
                    .append(String.format(java.util.Locale.ROOT, " 類似度%.2f%n", g.similarity()));
        }
        return b.toString();
    }

    static Text parse(String answer) {
        String ja = null;
        String en = null;
        for (String line : answer.strip().split("\\R")) {
            String l = line.strip();
            if (l.regionMatches(true, 0, "JA:", 0, 3)) {
                ja = l.substring(3).strip();
            } else if (l.regionMatches(true, 0, "EN:", 0, 3)) {
                en = l.substring(3).strip();
            }
        }
        String whole = answer.strip();
        return new Text(ja == null ? whole : ja, en == null ? whole : en);
    }
}
