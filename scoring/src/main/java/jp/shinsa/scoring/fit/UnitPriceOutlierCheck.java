package jp.shinsa.scoring.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Finding;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Program;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.Text;
import jp.shinsa.scoring.ApplicationCheck;

/**
 * {@code UNIT_PRICE_OUTLIER}: an item's unit price is far above what past grants paid for comparable
 * items. Comparable = past decisions that granted the item (awarded or reduced, any program) whose
 * item-name similarity (lexical) to the item is at least {@code similarity}; the rule needs at least
 * {@code minComparables} of them and fires when the price is at least {@code ratio} times their
 * median. Prices of one item type spread by about ±50% between makers and models in past grants, so
 * the ratio is set well above that spread (false alarms cost an examiner's time).
 */
public final class UnitPriceOutlierCheck implements ApplicationCheck {
    /** @param similarity item-name similarity for a comparable decision; @param ratio multiple of the median that fires */
    public record Options(double similarity, int minComparables, double ratio) {
        public static Options defaults() {
            return new Options(0.7, 5, 2.5);
        }
    }

    /** How an item's unit price compares with comparable past grants. */
    public record PriceComparison(int itemNo, long unitPrice, long median, int comparables, double ratio,
                                  List<String> examples) {
    }

    private final PurposeFitModel model;
    private final Options options;

    public UnitPriceOutlierCheck(PurposeFitModel model) {
        this(model, Options.defaults());
    }

    public UnitPriceOutlierCheck(PurposeFitModel model, Options options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public List<Finding> check(ExtractedApplication application, Program program) {
        Optional<ExtractedDocument> form = application.applicationForm();
        if (form.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RequestedItem item : form.get().items()) {
            compare(item).filter(c -> c.ratio() >= options.ratio()).ifPresent(c -> out.add(finding(form.get(), item, c)));
        }
        return out;
    }

    /** The comparison for one item, or empty when it has no price or too few comparable past grants. */
    public Optional<PriceComparison> compare(RequestedItem item) {
        if (item.unitPrice() == null || item.unitPrice() <= 0) {
            return Optional.empty();
        }
        // By name only: the spec's descriptive words (e.g. ブランケット型) vary within one item type.
        List<PurposeFitModel.Neighbour> comparable = model.sameNamed(item.name(), options.similarity()).stream()
                .filter(n -> n.grant().decision().fitted()).toList();
        if (comparable.size() < options.minComparables()) {
            return Optional.empty();
        }
        long[] prices = comparable.stream().mapToLong(n -> n.grant().unitPrice()).sorted().toArray();
        long median = prices.length % 2 == 1 ? prices[prices.length / 2]
                : (prices[prices.length / 2 - 1] + prices[prices.length / 2]) / 2;
        if (median <= 0) {
            return Optional.empty();
        }
        List<String> examples = comparable.stream().limit(3).map(n -> n.grant().id()).toList();
        return Optional.of(new PriceComparison(item.no(), item.unitPrice(), median, prices.length,
                (double) item.unitPrice() / median, examples));
    }

    private Finding finding(ExtractedDocument form, RequestedItem item, PriceComparison c) {
        String ratio = String.format(Locale.ROOT, "%.1f", c.ratio());
        Text message = new Text(
                "No." + item.no() + " " + item.name() + ": 単価 " + PurposeFitModel.yen(c.unitPrice()) + "円 は類似の過去交付 "
                        + c.comparables() + "件の中央値 " + PurposeFitModel.yen(c.median()) + "円 の" + ratio + "倍（例: "
                        + String.join(", ", c.examples()) + "）",
                "item " + item.no() + " " + item.name() + ": unit price " + PurposeFitModel.yen(c.unitPrice())
                        + " yen is " + ratio + "× the median " + PurposeFitModel.yen(c.median()) + " yen of "
                        + c.comparables() + " similar past grants (e.g. " + String.join(", ", c.examples()) + ")");
        return new Finding(FindingCode.UNIT_PRICE_OUTLIER, FindingCode.UNIT_PRICE_OUTLIER.severity(), null, null,
                item.no(), DocumentType.APPLICATION_FORM, form.file(), c.median(), c.unitPrice(), message,
                List.of(item.location()), null);
    }
}
