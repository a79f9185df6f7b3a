package io.orderlift.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
import io.orderlift.store.ExclusionKind;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Turns the preview's model, curation and profile into a {@link RuleSet}: every anchor's
 * contributions exactly as the preview combines them, pins, category-pair exclusions, and
 * conformance cases answered by the preview itself.
 */
final class RuleSetBuilder {

    /** Sample carts and orders per placement in the conformance cases. */
    static final int CASES_PER_PLACEMENT = 12;
    /** Long carts per placement in the conformance cases, the size of real wholesale baskets. */
    static final int[] LONG_CASES = {10, 26, 60};

    private final RankingModel model;
    private final Recommender preview;
    private final WeightingProfile profile;
    private final List<Exclusion> exclusions;

    RuleSetBuilder(RankingModel model, CurationRules curation, WeightingProfile profile, List<Exclusion> exclusions) {
        this(model, curation, profile, exclusions, Recommender.DEFAULT_TOP_K);
    }

    /** A builder whose lists keep {@code topK} per kind (to measure what the bound costs). */
    RuleSetBuilder(RankingModel model, CurationRules curation, WeightingProfile profile, List<Exclusion> exclusions,
                   int topK) {
        this.model = model;
        this.preview = new Recommender(model, curation, topK);
        this.profile = profile;
        this.exclusions = exclusions;
    }

    RuleSet build(long version, String store, String currency, Instant at, String note) {
        preview.prepareAll(profile);
        List<RuleSet.Product> products = new ArrayList<>();
        int[] index = new int[model.productCount()];
        Arrays.fill(index, -1);
        for (int p = 0; p < model.productCount(); p++) {
            if (model.sku(p) != null) {
                index[p] = products.size();
                double price = model.price(p);
                products.add(new RuleSet.Product(model.sku(p), model.title(p), model.categoryName(p),
                        Double.isNaN(price) ? null : price, model.ordersOf(p),
                        Double.isNaN(price) ? null : StrictMath.pow(price, profile.priceWeight())));
            }
        }
        List<RuleSet.Anchor> anchors = new ArrayList<>();
        List<RuleSet.Pin> pins = new ArrayList<>();
        Map<Integer, RuleSet.CategoryEvidence> categories = new TreeMap<>();
        for (int id = 0; id < model.productCount(); id++) {
            int p = id;
            String sku = model.sku(p);
            if (sku == null) {
                continue;
            }
            if (sharesCategoryEvidence(p)) {
                RuleSet.CategoryEvidence shared = categories.computeIfAbsent(model.categoryOf(p), k ->
                        new RuleSet.CategoryEvidence(model.categoryName(p), evidence(Placement.CART, p, index),
                                evidence(Placement.CONFIRMATION, p, index)));
                if (shared.cart() != null || shared.confirmation() != null) {
                    anchors.add(new RuleSet.Anchor(sku, shared.name(), null, null));
                }
            } else {
                RuleSet.Evidence cart = evidence(Placement.CART, p, index);
                RuleSet.Evidence confirmation = evidence(Placement.CONFIRMATION, p, index);
                if (cart != null || confirmation != null) {
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
        List<RuleSet.CategoryPair> categoryPairs = exclusions.stream().filter(e -> e.kind() == ExclusionKind.CATEGORY_PAIR)
                .map(e -> new RuleSet.CategoryPair(e.first(), e.second())).toList();
        RuleSet.Exclusions excluded = new RuleSet.Exclusions(
                exclusions.stream().filter(e -> e.kind() == ExclusionKind.SKU).map(Exclusion::first).toList(),
                exclusions.stream().filter(e -> e.kind() == ExclusionKind.CATEGORY).map(Exclusion::first).toList());
        RuleSet.Parameters parameters = new RuleSet.Parameters(profile.name(), profile.priceWeight(),
                profile.maxPriceRatio(), profile.oneTapMaxPrice(), profile.oneTapMaxShare(), profile.perCategoryCap(),
                profile.cartLength(), profile.confirmationLength(), profile.minCustomers(),
                preview.curation().isApprovedOnly(), preview.topK(), profile.smoothing(), model.orderCount(),
                profile.estimator().jsonName(), profile.confirmationEvidence().jsonName());
        return new RuleSet(RuleSet.SCHEMA_VERSION, version, store, currency, at.toString(), note, "", parameters, products,
                anchors, List.copyOf(categories.values()), pins, categoryPairs, excluded, conformance());
    }

    /**
     * A thin anchor without pair curation of its own uses its category's shared lists (the preview's
     * lists of such anchors are identical), so the file carries each category's evidence once
     * instead of once per thin product.
     */
    private boolean sharesCategoryEvidence(int anchor) {
        if (!preview.backsOff(anchor, profile)) {
            return false;
        }
        for (Placement placement : Placement.values()) {
            if (preview.curatedApart(placement, anchor)) {
                return false;
            }
        }
        return true;
    }

    /** The anchor's bounded list in {@code placement} as the preview combines it, or null when empty. */
    private RuleSet.Evidence evidence(Placement placement, int anchor, int[] index) {
        List<Contribution> list = preview.contributions(placement, anchor, profile);
        if (list.isEmpty()) {
            return null;
        }
        int n = list.size();
        int[] c = new int[n];
        int[] co = new int[n];
        int[] follow = new int[n];
        int sameOrder = 0;
        String category = list.get(0).category();
        IntArrayList approved = new IntArrayList();
        for (int i = 0; i < n; i++) {
            Contribution e = list.get(i);
            c[i] = index[e.candidate()];
            co[i] = e.co();
            follow[i] = e.follow();
            if (e.sameOrder()) {
                sameOrder = i + 1;
            }
            if (preview.curation().isApproved(placement, anchor, e.candidate())) {
                approved.add(i);
            }
        }
        return new RuleSet.Evidence(c, co, follow, sameOrder, preview.denominator(anchor, true, profile),
                preview.denominator(anchor, false, profile), approved.toIntArray(), category);
    }

    private RuleSet.ConformanceCase conformanceCase(Placement placement, List<CartItem> items) {
        List<Recommendation> answer = preview.recommend(placement, items, profile, 0).items();
        return new RuleSet.ConformanceCase(placement.cliName(),
                items.stream().map(x -> new RuleSet.Item(x.sku(), x.quantity())).toList(),
                answer.stream().map(r -> new RuleSet.Expected(r.sku(), r.score())).toList());
    }

    /**
     * Sample carts and orders drawn deterministically from the products with evidence (weighted
     * towards the most bought), one to four items each, and a few long ones ({@link #LONG_CASES}), answered by the preview.
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
                cases.add(conformanceCase(placement, items));
            }
            for (int size : LONG_CASES) {
                if (anchors.length < size) {
                    continue;
                }
                List<CartItem> items = new ArrayList<>();
                Set<Integer> picked = new HashSet<>();
                while (items.size() < size) {
                    int pick = anchors[(int) (Math.pow(random.nextDouble(), 1.5) * anchors.length)];
                    if (picked.add(pick)) {
                        items.add(new CartItem(model.sku(pick), 1 + random.nextInt(12), Double.NaN));
                    }
                }
                cases.add(conformanceCase(placement, items));
            }
        }
        return cases;
    }
}
