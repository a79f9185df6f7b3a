package io.orderlift.ranking;

import java.util.concurrent.atomic.AtomicReferenceArray;

import io.orderlift.mining.Acceptance;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * What each anchor contributes under one profile and curation, per placement: the bounded lists
 * that both the preview and a published rule set rank from, so the two agree by construction.
 *
 * <p>For anchor {@code a} and one kind of evidence (same-order; for confirmation also follow-on),
 * the pairs of {@code a} (or of its category when {@code a} backs off) are filtered — evidence
 * under {@code minEvidence}, acceptance not above {@code minLift} × base rate, rejected or excluded
 * pairs, excluded SKUs and categories, products without a price, and for confirmation products
 * above the one-tap price — then only the candidates that can matter are
 * kept, ranked by the single-anchor score {@code p × price^w} (ties by SKU): the best
 * {@link #TOP_K}, and the best {@code TOP_K} of those priced within the ceiling that the anchor's
 * own price always admits (a cart holding the anchor totals at least its price; for a thin anchor,
 * the cheapest price of its category), so that a cheap
 * cart still finds candidates it may be shown. At most {@code 2 × TOP_K} entries, best first.
 * A thin anchor's list is its category's, itself included (it is in the cart, so it is skipped
 * there): every uncurated thin anchor of a category has the same list, which a rule set writes
 * once. Built lazily per anchor and safe to share between threads.
 */
final class ContributionLists {

    /**
     * Candidates kept per anchor, placement and kind of evidence, twice over (the best, and the best
     * of those always under the price ceiling). docs/decisions/0002 gives the measurement behind it.
     */
    static final int TOP_K = 8;

    /**
     * One anchor's contributions in one placement, in combination order (best first per kind);
     * {@code via}: the category whose pairs they are when the anchor backs off, else -1;
     * {@code blocked}: candidates of rejected or excluded pairs; {@code excluded}: candidates that can
     * never be shown (excluded SKU or category, no price, above the one-tap price).
     */
    record AnchorList(int[] candidate, boolean[] sameOrder, int via, double[] p, int[] co, int[] follow,
                      int[] blocked, int[] excluded) {
        int size() {
            return candidate.length;
        }
    }

    private final RankingModel model;
    private final CurationRules curation;
    private final WeightingProfile profile;
    private final int k;
    private final double[] weighted;
    private final AtomicReferenceArray<AnchorList> cart;
    private final AtomicReferenceArray<AnchorList> confirmation;
    /** Per product and placement: never shown, whatever the anchor (excluded SKU or category, no price, above the one-tap price). */
    private final boolean[] hiddenInCart;
    private final boolean[] hiddenInConfirmation;

    ContributionLists(RankingModel model, CurationRules curation, WeightingProfile profile, int k) {
        this.model = model;
        this.curation = curation;
        this.profile = profile;
        this.k = k;
        this.weighted = model.weightedPrices(profile.priceWeight()).clone();
        this.cart = new AtomicReferenceArray<>(model.productCount);
        this.confirmation = new AtomicReferenceArray<>(model.productCount);
        this.hiddenInCart = new boolean[model.productCount];
        this.hiddenInConfirmation = new boolean[model.productCount];
        for (int c = 0; c < model.productCount; c++) {
            boolean excluded = curation.skuExcluded(c) || curation.categoryExcluded(model.category[c]);
            hiddenInCart[c] = excluded || neverShown(Placement.CART, c);
            hiddenInConfirmation[c] = excluded || neverShown(Placement.CONFIRMATION, c);
        }
    }

    /**
     * The settings an anchor's lists depend on: two profiles alike in these (whatever their names,
     * category caps or list lengths, which apply when a list is read) share their lists.
     */
    record Key(double priceWeight, double smoothing, Estimator estimator, int minEvidence, double minLift,
               int backoffBelowOrders, double maxPriceRatio, double oneTapMaxPrice, double oneTapMaxShare,
               ConfirmationEvidence confirmationEvidence) {

        static Key of(WeightingProfile p) {
            return new Key(p.priceWeight(), p.smoothing(), p.estimator(), p.minEvidence(), p.minLift(),
                    p.backoffBelowOrders(), p.maxPriceRatio(), p.oneTapMaxPrice(), p.oneTapMaxShare(),
                    p.confirmationEvidence());
        }
    }

    /** Anchor {@code a}'s list in {@code placement}. */
    AnchorList of(Placement placement, int a) {
        AtomicReferenceArray<AnchorList> lists = placement == Placement.CART ? cart : confirmation;
        AnchorList list = lists.get(a);
        if (list == null) {
            list = build(placement, a);
            lists.compareAndSet(a, null, list);
        }
        return list;
    }

    /**
     * The denominator of anchor {@code a}'s acceptances: {@code orders(a)} for same-order evidence,
     * {@code followBase(a)} for follow-on, summed over the category when the anchor backs off.
     */
    int denominator(int a, boolean sameOrder) {
        int cat = model.category[a];
        if (backsOff(a)) {
            return sameOrder ? model.categoryOrders[cat] : model.categoryFollowBase[cat];
        }
        return sameOrder ? model.orders[a] : model.followBase[a];
    }

    /** Whether anchor {@code a} speaks through its category's pairs. */
    boolean backsOff(int a) {
        return model.orders[a] < profile.backoffBelowOrders() && model.category[a] >= 0;
    }

    private AnchorList build(Placement placement, int a) {
        boolean backoff = backsOff(a);
        int cat = model.category[a];
        Builder into = new Builder(backoff ? cat : -1, (int) Math.min(4L * k, 64));
        RankingModel.Pairs pairs = backoff ? model.categoryPairsOf(cat) : model.pairsOf(a);
        double admitted = admittedPrice(placement, backoff ? model.categoryMinPrice(cat) : model.price[a]);
        if (usesSameOrder(placement)) {
            kind(placement, a, pairs, true, denominator(a, true), admitted, into);
        }
        if (placement == Placement.CONFIRMATION) {
            kind(placement, a, pairs, false, denominator(a, false), admitted, into);
        }
        return into.build();
    }

    /**
     * How far anchor {@code a}'s pairs get through the profile's floors in {@code placement} (every
     * kind of evidence the placement uses; its category's pairs when it backs off).
     *
     * @param bestEvidence the highest count among its pairs (0: it has none)
     * @param pastFloors   whether a pair reaches {@code minEvidence} and an acceptance above
     *                     {@code minLift} × base rate (so only curation, prices or the cart can keep it off)
     * @param underCustomerFloor whether, without pairs of its own, it has some that too few customers back
     */
    record FloorReach(int bestEvidence, boolean pastFloors, boolean underCustomerFloor) {
    }

    /** {@link FloorReach} of anchor {@code a} in {@code placement}: what explains an empty list. */
    FloorReach reach(Placement placement, int a) {
        int best = 0;
        boolean past = false;
        RankingModel.Pairs pairs = backsOff(a) ? model.categoryPairsOf(model.category[a]) : model.pairsOf(a);
        for (boolean sameOrder : new boolean[] {true, false}) {
            if (sameOrder ? !usesSameOrder(placement) : placement != Placement.CONFIRMATION) {
                continue;
            }
            int total = denominator(a, sameOrder);
            int[] evidences = sameOrder ? pairs.co() : pairs.follow();
            for (int i = 0; i < evidences.length; i++) {
                best = Math.max(best, evidences[i]);
                past |= profile.admits(evidences[i], total, model.baseRate(pairs.candidate()[i]));
            }
        }
        return new FloorReach(best, past, best == 0 && pairsUnderCustomerFloor(a));
    }

    private boolean pairsUnderCustomerFloor(int a) {
        if (!backsOff(a)) {
            return model.hasPairsUnderCustomerFloor(a);
        }
        for (int member = 0; member < model.productCount; member++) {
            if (model.category[member] == model.category[a] && model.hasPairsUnderCustomerFloor(member)) {
                return true;
            }
        }
        return false;
    }

    private boolean usesSameOrder(Placement placement) {
        return placement == Placement.CART || profile.confirmationEvidence() == ConfirmationEvidence.BOTH;
    }

    /**
     * Adds the best {@code k} contributions of one kind of evidence, and the best {@code k} of those
     * the anchor's own price always admits, in one pass over the anchor's pairs.
     */
    private void kind(Placement placement, int a, RankingModel.Pairs pairs, boolean sameOrder, int total,
                      double admitted, Builder into) {
        int[] candidates = pairs.candidate();
        int[] evidences = sameOrder ? pairs.co() : pairs.follow();
        boolean[] hidden = placement == Placement.CART ? hiddenInCart : hiddenInConfirmation;
        boolean blocksPairs = curation.blocksPairs(placement);
        int minEvidence = profile.minEvidence();
        double minLift = profile.minLift();
        double smoothing = profile.smoothing();
        Estimator estimator = profile.estimator();
        int capacity = Math.min(k, candidates.length);
        ScoredTopK overall = new ScoredTopK(capacity);
        ScoredTopK cheap = new ScoredTopK(capacity);
        for (int i = 0; i < candidates.length; i++) {
            int c = candidates[i];
            int evidence = evidences[i];
            if (evidence < minEvidence) {
                continue;
            }
            if (blocksPairs && curation.pairBlocked(placement, a, c)) {
                into.blocked.add(c);
                continue;
            }
            double base = model.baseRate(c);
            double floor = minLift * base;
            // the estimate is at most the smoothed mean: a pair whose mean misses the lift floor, or scores too
            // low at its mean to enter either list, is settled without it (the lists come out the same)
            double mean = Acceptance.smoothed(evidence, total, base, smoothing);
            if (!(mean > floor)) {
                continue;
            }
            if (hidden[c]) {
                if (estimator.fromMean(mean, total, smoothing) > floor) {
                    into.excluded.add(c);
                }
                continue;
            }
            double weight = weighted[c];
            boolean underCeiling = model.price[c] <= admitted;
            double bound = mean * weight;
            if (overall.refuses(bound) && (!underCeiling || cheap.refuses(bound))) {
                continue;
            }
            double acceptance = estimator.fromMean(mean, total, smoothing);
            if (!(acceptance > floor)) {
                continue;
            }
            double score = acceptance * weight;
            int tie = model.skuOrder[c];
            overall.offer(i, score, tie, acceptance);
            if (underCeiling) {
                cheap.offer(i, score, tie, acceptance);
            }
        }
        overall.sortBestFirst();
        cheap.sortBestFirst();
        // the union, best first (an entry in both lists is the same pair: one copy)
        int i = 0;
        int j = 0;
        int last = -1;
        while (i < overall.size() || j < cheap.size()) {
            ScoredTopK from;
            int rank;
            if (j >= cheap.size() || i < overall.size() && !worse(overall, i, cheap, j)) {
                from = overall;
                rank = i++;
            } else {
                from = cheap;
                rank = j++;
            }
            int e = from.entry(rank);
            if (e != last) {
                into.add(candidates[e], sameOrder, from.value(rank), pairs.co()[e], pairs.follow()[e]);
                last = e;
            }
        }
    }

    /** Whether rank {@code i} of {@code x} comes after rank {@code j} of {@code y} (lower score, or equal and higher SKU). */
    private static boolean worse(ScoredTopK x, int i, ScoredTopK y, int j) {
        return ScoredTopK.before(y.score(j), y.tie(j), x.score(i), x.tie(i));
    }

    /**
     * The highest price that any cart holding an anchor priced at least {@code anchorPrice} admits
     * under the price ceilings: the cart total is at least that. For a thin anchor it is the
     * cheapest price in its category, so every thin anchor of a category has the same list.
     */
    private double admittedPrice(Placement placement, double anchorPrice) {
        double own = Double.isNaN(anchorPrice) ? 0 : anchorPrice;
        return placement == Placement.CART ? profile.maxPriceRatio() * own
                : Math.min(profile.oneTapMaxPrice(), profile.oneTapMaxShare() * own);
    }

    /** Whether {@code c} can never be shown in {@code placement} for its price, whatever the cart. */
    private boolean neverShown(Placement placement, int c) {
        double price = model.price[c];
        return Double.isNaN(price) || placement == Placement.CONFIRMATION && price > profile.oneTapMaxPrice();
    }

    /** Collects one anchor list. */
    private static final class Builder {
        final int via;
        final IntArrayList candidate;
        final IntArrayList co;
        final IntArrayList follow;
        final IntArrayList blocked = new IntArrayList();
        final IntArrayList excluded = new IntArrayList();
        final DoubleArrayList p;
        final IntArrayList sameOrder;

        /** {@code capacity}: the entries expected (both kinds of evidence, each both of its best lists). */
        Builder(int via, int capacity) {
            this.via = via;
            candidate = new IntArrayList(capacity);
            co = new IntArrayList(capacity);
            follow = new IntArrayList(capacity);
            p = new DoubleArrayList(capacity);
            sameOrder = new IntArrayList(capacity);
        }

        void add(int c, boolean same, double acceptance, int coCount, int followCount) {
            candidate.add(c);
            sameOrder.add(same ? 1 : 0);
            p.add(acceptance);
            co.add(coCount);
            follow.add(followCount);
        }

        AnchorList build() {
            boolean[] same = new boolean[sameOrder.size()];
            for (int i = 0; i < same.length; i++) {
                same[i] = sameOrder.getInt(i) == 1;
            }
            return new AnchorList(candidate.toIntArray(), same, via,
                    p.toDoubleArray(), co.toIntArray(), follow.toIntArray(), blocked.toIntArray(),
                    excluded.toIntArray());
        }
    }
}
