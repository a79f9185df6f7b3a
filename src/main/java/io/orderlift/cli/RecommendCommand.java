package io.orderlift.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderlift.common.CommaList;
import io.orderlift.common.Suggestions;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CombinedAcceptanceNote;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift recommend}: what the preview shows for a cart or an order just placed. */
@Command(name = "recommend", header = "Show what the workbench preview recommends for a cart or an order just placed.",
        description = {
        "What the workbench preview shows for a cart (placement cart) or an order just placed",
        "(placement confirmation), with the explanation of every recommendation."})
final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--placement", required = true, paramLabel = "cart|confirmation", description = "Where it is shown.")
    String placement;

    @Option(names = "--items", required = true, paramLabel = "SKU[:QTY],...",
            description = "The cart or order. " + CartItem.QUOTING)
    String items;

    @Option(names = "--price-weight", paramLabel = "W", description = "Override the profile's price weight.")
    Double priceWeight;

    @Option(names = "--profile", paramLabel = "NAME", description = "A saved weighting profile (default: the active one).")
    String profile;

    @Option(names = "--limit", paramLabel = "K",
            description = "At most K recommendations, K ≥ 1 (default: the profile's list length).")
    Integer limit;

    @Mixin
    UnavailableOption unavailable;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        int atMost = OptionChecks.limitOrListLength(limit);
        if (priceWeight != null) {
            OptionChecks.atLeastZero("--price-weight", priceWeight);
        }
        List<CartItem> cart = CartItem.parseAll(items);
        if (cart.isEmpty()) {
            throw new IllegalArgumentException("--items names no SKU");
        }
        Recommendations result;
        try (Store source = store.open()) {
            Profiles profiles = new Profiles(source);
            WeightingProfile chosen = profile == null ? profiles.active() : profiles.named(profile);
            if (priceWeight != null) {
                chosen = chosen.withPriceWeight(priceWeight);
            }
            RankingModel model = RankingModels.loadFor(source, chosen, cart.stream().map(CartItem::sku).toList());
            for (CartItem item : cart) {
                if (model.idOf(item.sku()).isEmpty()) {
                    throw new IllegalArgumentException(Suggestions.unknownSku(item.sku(),
                            IntStream.range(0, model.productCount()).mapToObj(model::sku).toList()));
                }
            }
            result = new Recommender(model, StoredCuration.load(source, model))
                    .recommend(Placement.fromCli(placement), cart, chosen, atMost, unavailable.skus())
                    .inCurrency(new StoreQueries(source).currency().orElse(null));
        }
        int distinct = (int) cart.stream().map(CartItem::sku).distinct().count();
        json.print(spec, result, r -> describe(r, distinct));
        return 0;
    }

    private static String describe(Recommendations r, int items) {
        StringBuilder text = new StringBuilder(String.format("%s placement, total %.2f, profile %s, price weight %s%n",
                r.placement(), r.cartTotal(), r.profile(), r.priceWeight()));
        int rank = 1;
        for (Recommendation item : r.items()) {
            text.append(String.format("%d. %-20s %-32s price %8.2f  acceptance %.3f  rpi %7.3f  score %8.3f  popularity #%d%s%n",
                    rank++, item.sku(), shorten(item.title()), item.price(), item.acceptance(), item.rpi(),
                    item.score(), item.acceptanceRank(), item.rules().isEmpty() ? "" : "  " + item.rules()));
            text.append("     because: ").append(item.anchors().stream().map(a -> String.format("%s %s %.3f (%s %d)",
                    a.sku(), a.evidence(), a.acceptance(), a.via(), a.evidence().equals("same-order") ? a.co()
                            : a.follow())).collect(Collectors.joining("; "))).append('\n');
        }
        if (r.items().isEmpty()) {
            text.append("No recommendations. ").append(r.whyEmpty()).append('\n');
        }
        String caveat = CombinedAcceptanceNote.forList(Placement.fromCli(r.placement()), items, r.items());
        if (!r.items().isEmpty() && !caveat.isEmpty()) {
            text.append(caveat).append('\n');
        }
        if (!r.removed().isEmpty()) {
            text.append("Kept off by rules: ").append(r.removed().stream().limit(8)
                    .map(x -> CommaList.written(x.sku()) + " (" + x.rule() + ")").collect(Collectors.joining(", ")));
            if (r.removed().size() > 8) {
                text.append(String.format(" and %d more (--json lists them)", r.removed().size() - 8));
            }
        }
        return text.toString().stripTrailing();
    }

    private static String shorten(String title) {
        String t = title == null ? "" : title;
        return t.length() <= 32 ? t : t.substring(0, 31) + "…";
    }
}
