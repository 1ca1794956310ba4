package jp.shinsa.scoring.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrainRiskCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainRiskCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void should_print_one_json_object_of_the_contract_with_json(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("past.csv");
        Files.write(csv, TrainedModelFixture.demoCsv(400, 11));

        int code = run("train-risk", "--data", csv.toString(), "--label", "distress_within_3y", "--folds", "4", "--json");

        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(text.lines()).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(text);
        List<String> keys = new ArrayList<>(json.propertyNames());
        assertThat(keys).containsExactly("rows", "positives", "folds", "algorithm", "auc", "brier", "seconds", "baselines");
        assertThat(json.get("rows").asInt()).isEqualTo(400);
        assertThat(json.get("folds").asInt()).isEqualTo(4);
        assertThat(json.get("algorithm").asString()).isEqualTo("xgboost-gbtree");
        assertThat(json.get("auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("brier").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("baselines")).hasSize(3);
        assertThat(json.get("baselines").get(0).get("algorithm").asString()).isEqualTo("weka-logistic");
        assertThat(json.get("baselines").get(0).get("auc").isNumber()).isTrue();
    }

    @Test
    void should_print_a_table_and_write_the_model_without_json(@TempDir Path dir) throws Exception {
        Path arff = dir.resolve("g.arff");
        Files.write(arff, GenericDataFixture.arff(200, 9));
        Path model = dir.resolve("model.bin");

        int code = run("--data", arff.toString(), "--label", "class", "--folds", "3", "--out", model.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("xgboost-gbtree", "weka-random-forest", "AUC");
        assertThat(TrainedRiskModel.fromBytes(Files.readAllBytes(model)).metadata().features())
                .containsExactly("x1", "x2", "x3");
    }

    @Test
    void should_exit_2_with_usage_on_bad_arguments(@TempDir Path dir) {
        assertThat(run("--label", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: train-risk");
        assertThat(run("--data", dir.resolve("absent.csv").toString(), "--label", "x")).isEqualTo(2);
        assertThat(run("--data", "a.csv", "--label", "x", "--bogus")).isEqualTo(2);
    }

    @Test
    void should_exit_1_when_the_label_column_is_absent(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("g.csv");
        Files.write(csv, GenericDataFixture.csv(50, 1));
        assertThat(run("--data", csv.toString(), "--label", "nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope");
    }
}
