package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Ranks candidates for a whole cart (cart placement) or an order just placed (confirmation
 * placement), as DESIGN.md's "Ranking" describes and docs/ranking.md details:
 *
 * <ol>
 * <li>every anchor in the cart contributes the smoothed acceptance of each of its pairs that has at
 * least {@code minEvidence} evidence (same-order; for confirmation also follow-on) and an acceptance
 * above {@code minLift} × the candidate's base rate; an anchor in
 * fewer than {@code backoffBelowOrders} orders speaks through its category's pairs instead;</li>
 * <li>a candidate's acceptance is the noisy-OR {@code 1 − Π(1 − p)} of its contributions, its score
 * {@code acceptance × price^w}; candidates in the cart never appear;</li>
 * <li>curation wins: rejected and excluded pairs contribute nothing, excluded SKUs, categories and
 * category pairs never appear, pins come first in pin order;</li>
 * <li>price ceilings (cart: {@code maxPriceRatio × total}; confirmation: {@code oneTapMaxPrice} and
 * {@code oneTapMaxShare × total}) and the per-category cap apply, then the list is cut to length.</li>
 * </ol>
 * Ties are broken by SKU, so the answer is deterministic. Thread-safe; scratch space is per thread.
 */
public final class Recommender {

    private static final IntArrayList NO_CATEGORIES = new IntArrayList();

    private final RankingModel model;
    private final CurationRules curation;
    private final ThreadLocal<RecommendScratch> scratch;
    private final int topK;
    /**
     * The bounded contribution lists per profile in use (a few: the active one, a compared one, a
     * slider's), shared by the profiles whose lists are alike ({@link ContributionLists.Key}).
     */
    private final ConcurrentHashMap<ContributionLists.Key, ContributionLists> lists =
            new ConcurrentHashMap<>();

    /** Candidates kept per anchor, placement and kind of evidence, twice over (see {@link ContributionLists}). */
    public static final int DEFAULT_TOP_K = ContributionLists.TOP_K;

    public Recommender(RankingModel model, CurationRules curation) {
        this(model, curation, DEFAULT_TOP_K);
    }

    /**
     * A recommender whose anchors each contribute at most {@code topK} candidates per kind of
     * evidence ({@link ContributionLists}); {@link Integer#MAX_VALUE} for unbounded lists.
     */
    public Recommender(RankingModel model, CurationRules curation, int topK) {
        this.model = model;
        this.curation = curation;
        this.topK = topK;
        this.scratch = ThreadLocal.withInitial(() -> new RecommendScratch(model.productCount));
    }

    /**
     * Builds every anchor's lists under {@code profile} now, on all cores, instead of on first use
     * (a rule set needs them all).
     */
    public void prepareAll(WeightingProfile profile) {
        ContributionLists bounded = lists(profile);
        IntStream.range(0, model.productCount).parallel().forEach(a -> {
            for (Placement placement : Placement.values()) {
                bounded.of(placement, a);
            }
        });
    }

    /** At most this many candidates per anchor, placement and kind of evidence. */
    public int topK() {
        return topK;
    }

    /** The bounded lists of {@code profile}, built on first use. */
    private ContributionLists lists(WeightingProfile profile) {
        ContributionLists.Key key = ContributionLists.Key.of(profile);
        ContributionLists found = lists.get(key);
        if (found == null) {
            if (lists.size() >= 8) {
                lists.clear();
            }
            found = lists.computeIfAbsent(key, k -> new ContributionLists(model, curation, profile, topK));
        }
        return found;
    }

    public RankingModel model() {
        return model;
    }

    /**
     * Recommends for {@code items} (SKUs unknown to the model are ignored as anchors).
     *
     * @param limit at most this many; 0 or less for the profile's list length
     */
    public Recommendations recommend(Placement placement, List<CartItem> items, WeightingProfile profile, int limit) {
        return recommend(placement, items, profile, limit, Set.of());
    }

    /**
     * As {@link #recommend(Placement, List, WeightingProfile, int)}, never recommending a SKU of
     * {@code unavailable} (out of stock, say), pinned or not: the list fills from the next best, as every
     * storefront evaluator answers when told the same SKUs (docs/storefront.md). One in the cart still
     * counts as the cart's.
     */
    public Recommendations recommend(Placement placement, List<CartItem> items, WeightingProfile profile, int limit,
                                     Set<String> unavailable) {
        RecommendScratch s = scratch.get();
        s.begin(true);
        for (String sku : unavailable) {
            model.idOf(sku).ifPresent(c -> s.unavailable[c] = s.stamp);
        }
        double total = 0;
        for (CartItem item : items) {
            OptionalInt id = model.idOf(item.sku());
            double unit = Double.isNaN(item.unitPrice()) && id.isPresent() ? model.price[id.getAsInt()] : item.unitPrice();
            total += item.quantity() * (Double.isNaN(unit) ? 0 : unit);
            if (id.isPresent()) {
                addAnchor(s, id.getAsInt());
            }
        }
        select(s, placement, total, profile, limit > 0 ? limit : profile.length(placement));
        double w = profile.priceWeight();
        List<Recommendation> result = new ArrayList<>(s.chosen.size());
        for (int i = 0; i < s.chosen.size(); i++) {
            int c = s.chosen.getInt(i);
            if (s.eligible[c] == s.stamp) {
                s.acceptanceRank[c] = acceptanceRank(s, c, s.eligibleList, s.eligibleCount);
            }
            result.add(recommendation(s, placement, c, w, s.pinned[c] == s.stamp));
        }
        List<Removed> removed = s.removedList(model);
        EmptyReason empty = result.isEmpty()
                ? EmptyReason.of(model, lists(profile), profile, placement, s.anchors, removed) : null;
        return new Recommendations(placement.cliName(), total, null, profile.name(), w, result, removed, empty);
    }

    /**
     * The product ids {@link #recommend} would list for a cart of product ids at catalog prices,
     * without the explanations: what the backtest replays, many thousand times.
     */
    public int[] recommendIds(Placement placement, int[] items, int[] quantities, WeightingProfile profile,
                              int limit) {
        RecommendScratch s = scratch.get();
        s.begin(false);
        double total = 0;
        for (int i = 0; i < items.length; i++) {
            double unit = model.price[items[i]];
            total += quantities[i] * (Double.isNaN(unit) ? 0 : unit);
            addAnchor(s, items[i]);
        }
        select(s, placement, total, profile, limit > 0 ? limit : profile.length(placement));
        return s.chosen.toIntArray();
    }

    private void addAnchor(RecommendScratch s, int a) {
        if (s.inCart[a] != s.stamp) {
            s.inCart[a] = s.stamp;
            s.anchors.add(a);
            if (model.category[a] >= 0 && !s.cartCategories.contains(model.category[a])) {
                s.cartCategories.add(model.category[a]);
            }
        }
    }

    /** Ranks the cart in {@code s}: the chosen candidates go to {@code s.chosen}, in list order. */
    private void select(RecommendScratch s, Placement placement, double total, WeightingProfile profile, int length) {
        IntArrayList anchors = s.anchors;
        IntArrayList cartCategories = s.cartCategories;
        ContributionLists bounded = lists(profile);
        for (int i = 0; i < anchors.size(); i++) {
            gather(s, placement, anchors.getInt(i), bounded, total, profile);
        }
        // eligible candidates
        int[] eligible = s.eligibleList;
        int count = 0;
        double[] weighted = model.weightedPrices(profile.priceWeight());
        for (int t = 0; t < s.touchedCount; t++) {
            int c = s.touched[t];
            String rule = blockedCandidate(c, cartCategories);
            if (rule == null) {
                rule = ceiling(placement, c, total, profile);
            }
            if (rule != null) {
                s.remove(c, rule);
                continue;
            }
            s.acceptance[c] = 1 - s.notProbability[c];
            s.score[c] = s.acceptance[c] * weighted[c];
            s.eligible[c] = s.stamp;
            eligible[count++] = c;
        }
        s.eligibleCount = count;
        int[] perCategory = new int[model.categories.size()];
        IntArrayList result = s.chosen;
        // pins first, in cart order then pin order
        for (int i = 0; i < anchors.size() && result.size() < length; i++) {
            IntArrayList pinned = curation.pins(placement, anchors.getInt(i));
            if (pinned == null) {
                continue;
            }
            for (int k = 0; k < pinned.size() && result.size() < length; k++) {
                int c = pinned.getInt(k);
                if (s.inCart[c] == s.stamp || s.listed[c] == s.stamp || s.unavailable[c] == s.stamp
                        || curation.pairBlocked(placement, anchors.getInt(i), c)
                        || blockedCandidate(c, cartCategories) != null) {
                    continue;
                }
                s.listed[c] = s.stamp;
                s.pinned[c] = s.stamp;
                if (model.category[c] >= 0) {
                    perCategory[model.category[c]]++;
                }
                result.add(c);
            }
        }
        // the best remaining candidate, one at a time: the list is short, the candidates many
        while (result.size() < length) {
            int best = -1;
            for (int r = 0; r < count; r++) {
                int c = eligible[r];
                if (s.listed[c] != s.stamp && s.capped[c] != s.stamp
                        && (best < 0 || better(s.score, c, best))) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            int c = best;
            int cat = model.category[c];
            if (cat >= 0 && perCategory[cat] >= profile.perCategoryCap()) {
                s.capped[c] = s.stamp;
                s.remove(c, RankingRule.CATEGORY_CAP.jsonName());
                continue;
            }
            s.listed[c] = s.stamp;
            if (cat >= 0) {
                perCategory[cat]++;
            }
            result.add(c);
        }
    }

    /** Higher {@code values} first, ties by SKU. */
    private boolean better(double[] values, int x, int y) {
        int cmp = Double.compare(values[x], values[y]);
        return cmp > 0 || cmp == 0 && model.skuOrder[x] < model.skuOrder[y];
    }

    /** 1 + the eligible candidates with a higher acceptance (ties by SKU): the rank at w = 0. */
    private int acceptanceRank(RecommendScratch s, int c, int[] eligible, int count) {
        int rank = 1;
        for (int r = 0; r < count; r++) {
            if (eligible[r] != c && better(s.acceptance, eligible[r], c)) {
                rank++;
            }
        }
        return rank;
    }

    /** Adds anchor {@code a}'s contributions in {@code placement} to the scratch space. */
    private void gather(RecommendScratch s, Placement placement, int a, ContributionLists bounded, double total,
                        WeightingProfile profile) {
        ContributionLists.AnchorList list = bounded.of(placement, a);
        for (int i = 0; i < list.size(); i++) {
            int c = list.candidate()[i];
            if (s.unavailable[c] == s.stamp && s.inCart[c] != s.stamp) {
                s.remove(c, RankingRule.UNAVAILABLE.jsonName());
            } else if (s.inCart[c] != s.stamp) {
                s.touch(c);
                s.notProbability[c] *= 1 - list.p()[i];
                if (s.explain) {
                    s.addEvidence(c, a, list.sameOrder()[i], list.via(), list.p()[i], list.co()[i],
                            list.follow()[i]);
                }
            }
        }
        for (int c : list.blocked()) {
            if (s.inCart[c] != s.stamp) {
                s.remove(c, RankingRule.BLOCKED_PAIR.jsonName());
            }
        }
        for (int c : list.excluded()) {
            if (s.inCart[c] != s.stamp) {
                String rule = blockedCandidate(c, NO_CATEGORIES);
                s.remove(c, rule != null ? rule : ceiling(placement, c, total, profile));
            }
        }
    }

    /**
     * Everything anchor {@code a} alone contributes in {@code placement}, in the order it is
     * combined (same-order evidence, then for confirmation follow-on evidence; each bounded and best
     * first): what a published rule set carries per anchor so a storefront computes the same answer.
     */
    public List<Contribution> contributions(Placement placement, int a, WeightingProfile profile) {
        ContributionLists.AnchorList list = lists(profile).of(placement, a);
        List<Contribution> result = new ArrayList<>(list.size());
        String category = list.via() < 0 ? null : model.categories.get(list.via());
        for (int i = 0; i < list.size(); i++) {
            result.add(new Contribution(list.candidate()[i], list.sameOrder()[i], category, list.p()[i],
                    list.co()[i], list.follow()[i]));
        }
        return result;
    }

    /**
     * The denominator of anchor {@code a}'s acceptances under {@code profile} ({@code orders(a)} or
     * {@code followBase(a)}, its category's when it backs off): what a rule set carries so a
     * storefront recomputes the same acceptances.
     */
    public int denominator(int a, boolean sameOrder, WeightingProfile profile) {
        return lists(profile).denominator(a, sameOrder);
    }

    /** Whether anchor {@code a} speaks through its category's pairs under {@code profile}. */
    public boolean backsOff(int a, WeightingProfile profile) {
        return lists(profile).backsOff(a);
    }

    /**
     * Whether curation treats anchor {@code a} differently from the rest of its category in
     * {@code placement}: a rejected, excluded or approved pair of its own among its category's pairs.
     */
    public boolean curatedApart(Placement placement, int a) {
        RankingModel.Pairs pairs = model.categoryPairsOf(model.category[a]);
        for (int c : pairs.candidate()) {
            if (curation.pairBlocked(placement, a, c) || curation.isApproved(placement, a, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether curation keeps product {@code c} off every list whatever the cart (an excluded SKU or
     * category); category-pair exclusions depend on the cart and are not covered.
     */
    public boolean alwaysExcluded(int c) {
        return curation.skuExcluded(c) || curation.categoryExcluded(model.category[c]);
    }

    /** The pins of {@code anchor} in {@code placement}, in pin order (possibly empty). */
    public int[] pins(Placement placement, int anchor) {
        IntArrayList pinned = curation.pins(placement, anchor);
        return pinned == null ? new int[0] : pinned.toIntArray();
    }

    /** Whether the pair is rejected (in this placement) or excluded. */
    public boolean pairBlocked(Placement placement, int anchor, int candidate) {
        return curation.pairBlocked(placement, anchor, candidate);
    }

    public CurationRules curation() {
        return curation;
    }

    /** Why curation keeps {@code c} off the list whatever its evidence, or null. */
    private String blockedCandidate(int c, IntArrayList cartCategories) {
        if (curation.skuExcluded(c)) {
            return RankingRule.EXCLUDED_SKU.jsonName();
        }
        int cat = model.category[c];
        if (curation.categoryExcluded(cat)) {
            return RankingRule.EXCLUDED_CATEGORY.jsonName();
        }
        if (!curation.excludesCategoryPairs()) {
            return null;
        }
        for (int i = 0; i < cartCategories.size(); i++) {
            if (curation.categoryPairExcluded(cartCategories.getInt(i), cat)) {
                return RankingRule.EXCLUDED_CATEGORY_PAIR.jsonName();
            }
        }
        return null;
    }

    private String ceiling(Placement placement, int c, double total, WeightingProfile profile) {
        double price = model.price[c];
        if (Double.isNaN(price)) {
            return RankingRule.NO_PRICE.jsonName();
        }
        if (placement == Placement.CART) {
            return price > profile.maxPriceRatio() * total ? RankingRule.PRICE_CEILING.jsonName() : null;
        }
        return price > profile.oneTapMaxPrice() || price > profile.oneTapMaxShare() * total ? RankingRule.ONE_TAP_CEILING.jsonName() : null;
    }

    private Recommendation recommendation(RecommendScratch s, Placement placement, int c, double w, boolean pinned) {
        boolean touched = s.touchedStamp[c] == s.stamp;
        double acceptance = touched ? 1 - s.notProbability[c] : 0;
        double price = model.price[c];
        List<AnchorEvidence> anchors = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        if (pinned) {
            rules.add(RankingRule.PIN.jsonName());
        }
        boolean backoff = false;
        for (int e = touched ? s.head[c] : -1; e >= 0; e = s.next[e]) {
            int via = s.evVia[e];
            backoff |= via >= 0;
            anchors.add(new AnchorEvidence(model.sku[s.evAnchor[e]], s.evSameOrder[e] ? "same-order" : "follow-on",
                    via >= 0 ? "category:" + model.categories.get(via) : "pair", s.evP[e], s.evCo[e], s.evFollow[e]));
            if (curation.isApproved(placement, s.evAnchor[e], c) && !rules.contains(RankingRule.APPROVED.jsonName())) {
                rules.add(RankingRule.APPROVED.jsonName());
            }
        }
        if (backoff) {
            rules.add(RankingRule.CATEGORY_BACKOFF.jsonName());
        }
        double safePrice = Double.isNaN(price) ? 0 : price;
        return new Recommendation(model.sku[c], model.title[c], model.categoryName(c),
                acceptance * StrictMath.pow(safePrice, w), acceptance, safePrice, acceptance * safePrice,
                touched && s.acceptanceRank[c] > 0 ? s.acceptanceRank[c] : 0, anchors, rules);
    }
}
