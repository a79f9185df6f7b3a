package io.orderlift.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.Contribution;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.store.CurationStore.Exclusion;

/**
 * Turns the preview's model, curation and profile into a {@link RuleSet}: every anchor's
 * contributions exactly as the preview combines them, pins, category-pair exclusions, and
 * conformance cases answered by the preview itself.
 */
final class RuleSetBuilder {

    /** Sample carts and orders per placement in the conformance cases. */
    static final int CASES_PER_PLACEMENT = 12;

    private final RankingModel model;
    private final Recommender preview;
    private final WeightingProfile profile;
    private final List<Exclusion> exclusions;

    RuleSetBuilder(RankingModel model, CurationRules curation, WeightingProfile profile, List<Exclusion> exclusions) {
        this.model = model;
        this.preview = new Recommender(model, curation);
        this.profile = profile;
        this.exclusions = exclusions;
    }

    RuleSet build(long version, String store, Instant at, String note) {
        List<RuleSet.Product> products = new ArrayList<>();
        List<RuleSet.Anchor> anchors = new ArrayList<>();
        List<RuleSet.Pin> pins = new ArrayList<>();
        java.util.Map<Integer, RuleSet.CategoryEvidence> categories = new java.util.TreeMap<>();
        for (int id = 0; id < model.productCount(); id++) {
            int p = id;
            String sku = model.sku(p);
            if (sku == null) {
                continue;
            }
            double price = model.price(p);
            products.add(new RuleSet.Product(sku, model.title(p), model.categoryName(p),
                    Double.isNaN(price) ? null : price));
            if (sharesCategoryEvidence(p)) {
                int category = model.categoryOf(p);
                RuleSet.CategoryEvidence shared = categories.computeIfAbsent(category, k -> new RuleSet.CategoryEvidence(
                        model.categoryName(p), categoryEvidence(Placement.CART, k), categoryEvidence(Placement.CONFIRMATION, k)));
                if (!shared.cart().isEmpty() || !shared.confirmation().isEmpty()) {
                    anchors.add(new RuleSet.Anchor(sku, shared.name(), List.of(), List.of()));
                }
            } else {
                List<RuleSet.Evidence> cart = evidence(Placement.CART, p);
                List<RuleSet.Evidence> confirmation = evidence(Placement.CONFIRMATION, p);
                if (!cart.isEmpty() || !confirmation.isEmpty()) {
                    anchors.add(new RuleSet.Anchor(sku, null, cart, confirmation));
                }
            }
            for (Placement placement : Placement.values()) {
                List<String> pinned = IntStream.of(preview.pins(placement, p))
                        .filter(c -> !preview.alwaysExcluded(c) && !preview.pairBlocked(placement, p, c))
                        .mapToObj(model::sku).toList();
                if (!pinned.isEmpty()) {
                    pins.add(new RuleSet.Pin(placement.cliName(), sku, pinned));
                }
            }
        }
        List<RuleSet.CategoryPair> categoryPairs = exclusions.stream().filter(e -> e.kind().equals("category-pair"))
                .map(e -> new RuleSet.CategoryPair(e.first(), e.second())).toList();
        RuleSet.Exclusions excluded = new RuleSet.Exclusions(
                exclusions.stream().filter(e -> e.kind().equals("sku")).map(Exclusion::first).toList(),
                exclusions.stream().filter(e -> e.kind().equals("category")).map(Exclusion::first).toList());
        RuleSet.Parameters parameters = new RuleSet.Parameters(profile.name(), profile.priceWeight(),
                profile.maxPriceRatio(), profile.oneTapMaxPrice(), profile.oneTapMaxShare(), profile.perCategoryCap(),
                profile.cartLength(), profile.confirmationLength(), profile.minCustomers(),
                preview.curation().isApprovedOnly());
        return new RuleSet(RuleSet.SCHEMA_VERSION, version, store, at.toString(), note, "", parameters, products,
                anchors, List.copyOf(categories.values()), pins, categoryPairs, excluded, conformance());
    }

    /**
     * A thin anchor without pair curation of its own uses its category's shared lists, so the file
     * carries each category's evidence once instead of once per thin product.
     */
    private boolean sharesCategoryEvidence(int anchor) {
        if (!preview.backsOff(anchor, profile)) {
            return false;
        }
        for (Placement placement : Placement.values()) {
            for (Contribution c : preview.categoryContributions(placement, model.categoryOf(anchor), profile)) {
                if (preview.pairBlocked(placement, anchor, c.candidate())
                        || preview.curation().isApproved(placement, anchor, c.candidate())) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<RuleSet.Evidence> categoryEvidence(Placement placement, int category) {
        List<RuleSet.Evidence> list = new ArrayList<>();
        for (Contribution c : preview.categoryContributions(placement, category, profile)) {
            if (!preview.alwaysExcluded(c.candidate())) {
                list.add(new RuleSet.Evidence(model.sku(c.candidate()), c.sameOrder() ? "same-order" : "follow-on",
                        "category:" + c.category(), c.p(), c.co(), c.follow(), false));
            }
        }
        return list;
    }

    private List<RuleSet.Evidence> evidence(Placement placement, int anchor) {
        List<RuleSet.Evidence> list = new ArrayList<>();
        for (Contribution c : preview.contributions(placement, anchor, profile)) {
            if (preview.alwaysExcluded(c.candidate())) {
                continue;
            }
            list.add(new RuleSet.Evidence(model.sku(c.candidate()), c.sameOrder() ? "same-order" : "follow-on",
                    c.category() == null ? "pair" : "category:" + c.category(), c.p(), c.co(), c.follow(),
                    preview.curation().isApproved(placement, anchor, c.candidate())));
        }
        return list;
    }

    /**
     * Sample carts and orders drawn deterministically from the products with evidence (weighted
     * towards the most bought), one to four items each, answered by the preview.
     */
    private List<RuleSet.ConformanceCase> conformance() {
        int[] anchors = IntStream.range(0, model.productCount())
                .filter(p -> model.sku(p) != null && model.ordersOf(p) > 0)
                .boxed().sorted(Comparator.comparingInt(model::ordersOf).reversed()
                        .thenComparing(model::sku)).mapToInt(Integer::intValue).toArray();
        List<RuleSet.ConformanceCase> cases = new ArrayList<>();
        if (anchors.length == 0) {
            return cases;
        }
        SplittableRandom random = new SplittableRandom(20_251_124L);
        for (Placement placement : Placement.values()) {
            for (int i = 0; i < CASES_PER_PLACEMENT; i++) {
                List<CartItem> items = new ArrayList<>();
                int size = 1 + i % 4;
                for (int k = 0; k < size; k++) {
                    int pick = anchors[Math.min(anchors.length - 1,
                            (int) (Math.pow(random.nextDouble(), 2) * Math.min(anchors.length, 200)))];
                    items.add(new CartItem(model.sku(pick), 1 + random.nextInt(i % 3 == 0 ? 3 : 1), Double.NaN));
                }
                List<Recommendation> answer = preview.recommend(placement, items, profile, 0).items();
                cases.add(new RuleSet.ConformanceCase(placement.cliName(),
                        items.stream().map(x -> new RuleSet.Item(x.sku(), x.quantity())).toList(),
                        answer.stream().map(r -> new RuleSet.Expected(r.sku(), r.score())).toList()));
            }
        }
        return cases;
    }
}
