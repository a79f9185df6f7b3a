package io.orderlift.ranking;

import java.util.concurrent.atomic.AtomicReferenceArray;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;

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

    /** Why curation or the profile keeps a candidate of this anchor off every list. */

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

    ContributionLists(RankingModel model, CurationRules curation, WeightingProfile profile, int k) {
        this.model = model;
        this.curation = curation;
        this.profile = profile;
        this.k = k;
        this.weighted = model.weightedPrices(profile.priceWeight()).clone();
        this.cart = new AtomicReferenceArray<>(model.productCount);
        this.confirmation = new AtomicReferenceArray<>(model.productCount);
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
        Builder into = new Builder(backsOff(a) ? model.category[a] : -1);
        if (placement == Placement.CART || profile.confirmationEvidence() == ConfirmationEvidence.BOTH) {
            kind(placement, a, true, into);
        }
        if (placement == Placement.CONFIRMATION) {
            kind(placement, a, false, into);
        }
        return into.build();
    }

    /** Adds the best {@code k} contributions of one kind of evidence. */
    private void kind(Placement placement, int a, boolean sameOrder, Builder into) {
        boolean backoff = backsOff(a);
        int cat = model.category[a];
        RankingModel.Pairs pairs = backoff ? model.categoryPairsOf(cat) : model.pairsOf(a);
        int total = denominator(a, sameOrder);
        int[] kept = new int[pairs.size()];
        double[] p = new double[pairs.size()];
        double[] score = new double[pairs.size()];
        int count = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int c = pairs.candidate()[i];
            int evidence = sameOrder ? pairs.co()[i] : pairs.follow()[i];
            if (evidence < profile.minEvidence()) {
                continue;
            }
            if (curation.pairBlocked(placement, a, c)) {
                into.blocked.add(c);
                continue;
            }
            double base = model.baseRate(c);
            double acceptance = profile.estimator().estimate(evidence, total, base, profile.smoothing());
            if (!(acceptance > profile.minLift() * base)) {
                continue;
            }
            if (curation.skuExcluded(c) || curation.categoryExcluded(model.category[c]) || neverShown(placement, c)) {
                into.excluded.add(c);
                continue;
            }
            kept[count] = i;
            p[i] = acceptance;
            score[i] = p[i] * weighted[c];
            count++;
        }
        IntComparator bestFirst = (x, y) -> better(score, pairs, y, x);
        int[] overall = TopK.best(kept, count, k, bestFirst);
        double admitted = admittedPrice(placement, backoff ? model.categoryMinPrice(cat) : model.price[a]);
        int cheapCount = 0;
        for (int r = 0; r < count; r++) {
            if (model.price[pairs.candidate()[kept[r]]] <= admitted) {
                kept[cheapCount++] = kept[r];
            }
        }
        int[] cheap = TopK.best(kept, cheapCount, k, bestFirst);
        // the union, best first
        int[] union = new int[overall.length + cheap.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < overall.length || j < cheap.length) {
            int next;
            if (j >= cheap.length || i < overall.length && bestFirst.compare(overall[i], cheap[j]) <= 0) {
                next = overall[i++];
            } else {
                next = cheap[j++];
            }
            if (size == 0 || union[size - 1] != next) {
                union[size++] = next;
            }
        }
        for (int r = 0; r < size; r++) {
            int e = union[r];
            into.add(pairs.candidate()[e], sameOrder, p[e], pairs.co()[e], pairs.follow()[e]);
        }
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

    /** Compares entries {@code x} and {@code y} by score, then the lower SKU first: positive when x is better. */
    private int better(double[] score, RankingModel.Pairs pairs, int x, int y) {
        int cmp = Double.compare(score[x], score[y]);
        return cmp != 0 ? cmp : Integer.compare(model.skuOrder[pairs.candidate()[y]],
                model.skuOrder[pairs.candidate()[x]]);
    }

    /** Whether {@code c} can never be shown in {@code placement} for its price, whatever the cart. */
    private boolean neverShown(Placement placement, int c) {
        double price = model.price[c];
        return Double.isNaN(price) || placement == Placement.CONFIRMATION && price > profile.oneTapMaxPrice();
    }

    /** Collects one anchor list. */
    private static final class Builder {
        final int via;
        final IntArrayList candidate = new IntArrayList();
        final IntArrayList co = new IntArrayList();
        final IntArrayList follow = new IntArrayList();
        final IntArrayList blocked = new IntArrayList();
        final IntArrayList excluded = new IntArrayList();
        final DoubleArrayList p = new DoubleArrayList();
        final IntArrayList sameOrder = new IntArrayList();

        Builder(int via) {
            this.via = via;
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
