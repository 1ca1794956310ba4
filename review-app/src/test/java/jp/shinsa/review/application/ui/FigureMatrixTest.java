package jp.shinsa.review.application.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Browserless: the side-by-side figures mark disagreements (within each document's rounding unit) and select on click. */
class FigureMatrixTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static JsonNode review(long inputSheetValue, long comparisonValueInThousands) {
        return JSON.readTree("""
                {"documents": [{"file": "fs.pdf", "unit": 1}, {"file": "in.xlsx", "unit": 1}, {"file": "bs.xlsx", "unit": 1000}],
                 "figures": [
                   {"file": "fs.pdf", "documentType": "FINANCIAL_STATEMENTS", "account": "current_assets", "fiscalYear": 2024, "value": 351200400},
                   {"file": "in.xlsx", "documentType": "INPUT_SHEET", "account": "current_assets", "fiscalYear": 2024, "value": %d},
                   {"file": "bs.xlsx", "documentType": "BS_COMPARISON", "account": "current_assets", "fiscalYear": 2024, "value": %d}
                 ]}""".formatted(inputSheetValue, comparisonValueInThousands));
    }

    private static Span cell(FigureMatrix m, String file) {
        return (Span) GridKt._getCellComponent(m, 0, file + "|2024");
    }

    @Test
    void should_mark_the_input_sheet_value_that_differs_from_the_statements() {
        List<JsonNode> selected = new ArrayList<>();
        FigureMatrix m = new FigureMatrix(review(352_100_400, 351_200_000), Set.of(), selected::add, false);
        UI.getCurrent().add(m);
        assertThat(cell(m, "in.xlsx").getClassNames()).contains("figure-differs");
        assertThat(cell(m, "fs.pdf").getClassNames()).contains("figure-differs");
        ComponentUtil.fireEvent(cell(m, "in.xlsx"), new ClickEvent<>(cell(m, "in.xlsx")));
        assertThat(selected).singleElement().satisfies(f -> assertThat(f.path("file").asString()).isEqualTo("in.xlsx"));
    }

    @Test
    void should_not_mark_a_thousand_yen_document_that_agrees_within_its_rounding() {
        FigureMatrix m = new FigureMatrix(review(351_200_400, 351_200_000), Set.of(), f -> { }, false);
        UI.getCurrent().add(m);
        assertThat(cell(m, "bs.xlsx").getClassNames()).doesNotContain("figure-differs");
        assertThat(cell(m, "in.xlsx").getClassNames()).doesNotContain("figure-differs");
    }
}
