package jp.shinsa.review.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review sheet for the paper file (XLSX): the application, the AI's findings and scores with
 * their reasons, the corrections, and the decisions with who made them and why.
 */
public final class ReviewSheetExporter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReviewSheetExporter() {
    }

    public static byte[] export(ApplicationSummary app, String reviewJson, String aiSuggestion,
                                List<Correction> corrections, List<DecisionRecord> decisions) {
        JsonNode review = reviewJson == null ? JSON.createObjectNode() : JSON.readTree(reviewJson);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("審査票");
            int r = 0;
            r = row(s, r, "審査票 (Shinsa)");
            r = row(s, r, "申請", app.name());
            r = row(s, r, "申請者", app.applicant());
            r = row(s, r, "補助事業", app.program());
            r = row(s, r, "補助所要額", app.requestedAmount());
            r = row(s, r, "AIの提案", aiSuggestion);
            if (review.path("risk").isObject()) {
                JsonNode risk = review.path("risk");
                r = row(s, r, "財務リスク", risk.path("score").asDouble(), risk.path("band").asString(),
                        "モデル " + risk.path("modelVersion").asString());
            }
            r++;
            r = row(s, r, "指摘事項", "重要度", "コード", "内容", "ファイル", "期待値", "記載値");
            for (JsonNode f : review.path("findings")) {
                r = row(s, r, "", f.path("severity").asString(), f.path("code").asString(), f.path("message").asString(),
                        f.path("file").asString(""), f.path("expected").isNull() ? null : f.path("expected").asLong(),
                        f.path("actual").isNull() ? null : f.path("actual").asLong());
            }
            r++;
            r = row(s, r, "財務リスク要因", "要因", "値", "寄与", "理由");
            for (JsonNode f : review.path("risk").path("factors")) {
                r = row(s, r, "", f.path("feature").asString(), f.path("value").asDouble(), f.path("contribution").asDouble(),
                        f.path("reason").asString());
            }
            r++;
            r = row(s, r, "申請物品", "No", "品名", "単価", "目的適合度", "判定目安", "理由");
            for (JsonNode it : review.path("items")) {
                StringBuilder reasons = new StringBuilder();
                it.path("reasons").forEach(x -> reasons.append(x.asString()).append(" / "));
                r = row(s, r, "", (long) it.path("no").asInt(), it.path("name").asString(), it.path("unitPrice").asLong(),
                        it.path("purposeFit").asDouble(), it.path("hint").asString(""), reasons.toString());
            }
            r++;
            r = row(s, r, "訂正", "ファイル", "対象", "訂正前", "訂正後", "理由", "訂正者", "日時");
            for (Correction c : corrections) {
                r = row(s, r, "", c.file(), c.kind() == Correction.Kind.FIGURE ? c.account() + " " + c.fiscalYear()
                        : "No." + c.itemNo() + " " + c.field(), c.originalValue(), c.correctedValue(), c.reason(),
                        c.correctedBy(), String.valueOf(c.correctedAt()));
            }
            r++;
            r = row(s, r, "決定", "結果", "AIの提案から外れる", "コメント", "決定者", "日時", "モデル");
            for (DecisionRecord d : decisions) {
                r = row(s, r, "", d.outcome().name(), d.departsFromAi() ? "はい" : "いいえ", d.comment(), d.decidedBy(),
                        String.valueOf(d.decidedAt()), d.modelVersionsJson());
            }
            for (int c = 0; c < 8; c++) {
                s.setColumnWidth(c, c == 3 ? 60 * 256 : 18 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int row(Sheet s, int index, Object... values) {
        Row row = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
        return index + 1;
    }
}
