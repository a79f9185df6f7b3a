package io.orderlift.evaluation;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.WeightingProfile;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The "customers also bought" baselines: candidates ranked by their co-purchase count summed over
 * the cart's items (for confirmation {@code co + follow}), ties by SKU, products without a price
 * and products the store excludes (by SKU or category) left out.
 *
 * <ul>
 * <li>{@link #classic}: no ceilings, floors or caps: the widget a merchant runs today, and what the
 * comparison in words is against;</li>
 * <li>{@link #underRules}: the same ranking under a profile's own rules: a pair counts only with
 * {@code minEvidence} and an acceptance above {@code minLift} × the base rate, candidates above the
 * price ceilings are dropped and the per-category cap applies. It tells how much of a profile's
 * gain is its rules and how much its ranking.</li>
 * </ul>
 * The sums grow with the cart, so the sequential replay's steps of one order cost one pass over
 * the order's pairs ({@link #recommendPrefixes}).
 */
final class Popularity implements Backtest.Policy {

    /** Candidates the leave-one-out keeps beyond what a list needs, so that most hidden items need no pass over the rest. */
    private static final int SLACK = 8;

    private final RankingModel model;
    private final WeightingProfile rules;
    private final BitSet excluded;
    private final ThreadLocal<Scratch> scratch;
    private final AtomicReferenceArray<Sums> cart;
    private final AtomicReferenceArray<Sums> confirmation;

    private Popularity(RankingModel model, WeightingProfile rules, BitSet excluded) {
        this.model = model;
        this.rules = rules;
        this.excluded = excluded;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(model.productCount()));
        this.cart = new AtomicReferenceArray<>(model.productCount());
        this.confirmation = new AtomicReferenceArray<>(model.productCount());
    }

    static Backtest.Policy classic(RankingModel model) {
        return classic(model, new BitSet());
    }

    /** The classic widget, never offering the {@code excluded} products (store ids). */
    static Backtest.Policy classic(RankingModel model, BitSet excluded) {
        return new Popularity(model, null, excluded);
    }

    static Backtest.Policy underRules(RankingModel model, WeightingProfile profile) {
        return underRules(model, profile, new BitSet());
    }

    static Backtest.Policy underRules(RankingModel model, WeightingProfile profile, BitSet excluded) {
        return new Popularity(model, profile, excluded);
    }

    @Override
    public int[] recommend(Placement placement, int[] items, int[] quantities, int k) {
        return recommendPrefixes(placement, items, quantities, new int[] {items.length}, k)[0];
    }

    @Override
    public int[][] recommendPrefixes(Placement placement, int[] items, int[] quantities, int[] lengths, int k) {
        Scratch s = scratch.get();
        s.stamp++;
        s.count = 0;
        double total = 0;
        int added = 0;
        int[][] answers = new int[lengths.length][];
        for (int step = 0; step < lengths.length; step++) {
            for (; added < lengths[step]; added++) {
                int a = items[added];
                if (a >= model.productCount()) {
                    continue;
                }
                s.inCart[a] = s.stamp;
                total += amount(a, quantities[added]);
                addAnchor(s, placement, a, 1);
            }
            answers[step] = select(s, k, ceiling(placement, total));
        }
        return answers;
    }

    /**
     * The whole order's sums once, then for each hidden item its own pairs taken out, the list
     * chosen, and its pairs put back: two passes over one anchor's pairs per hidden item instead
     * of a pass over every other item's. First, though, the whole order's best few are kept once, and
     * a hidden item is answered from them and one pass over its pairs ({@link #leavingOut}) wherever
     * that settles the list.
     */
    @Override
    public int[][] recommendLeavingOut(Placement placement, int[] items, int[] quantities, int[] hidden, int k) {
        Scratch s = scratch.get();
        s.stamp++;
        s.count = 0;
        for (int a : items) {
            if (a < model.productCount()) {
                if (s.inCart[a] == s.stamp) {
                    // a product twice in one list: leave the general path to count it
                    return Backtest.Policy.super.recommendLeavingOut(placement, items, quantities, hidden, k);
                }
                s.inCart[a] = s.stamp;
            }
        }
        for (int a : items) {
            if (a < model.productCount()) {
                addAnchor(s, placement, a, 1);
            }
        }
        int[][] answers = new int[hidden.length][];
        double orderTotal = 0;
        for (int j = 0; j < items.length; j++) {
            orderTotal += amount(items[j], quantities[j]);
        }
        // the whole order's best few, once: with one pass over a hidden item's pairs they settle most lists
        int keep = keep(k);
        int[] top = ranked(s, keep + SLACK, ceiling(placement, orderTotal));
        boolean complete = top.length < keep + SLACK;
        for (int i = 0; i < hidden.length; i++) {
            int h = hidden[i];
            int a = items[h];
            // the rest's total summed afresh, as a cart of the rest would be: never above the order's
            double rest = 0;
            for (int j = 0; j < items.length; j++) {
                if (j != h) {
                    rest += amount(items[j], quantities[j]);
                }
            }
            double ceiling = ceiling(placement, rest);
            boolean known = a < model.productCount();
            answers[i] = known ? leavingOut(s, placement, a, top, complete, k, ceiling) : null;
            if (answers[i] != null) {
                continue;
            }
            if (known) {
                addAnchor(s, placement, a, -1);
                s.inCart[a] = 0;
            }
            answers[i] = select(s, k, ceiling);
            if (known) {
                addAnchor(s, placement, a, 1);
                s.inCart[a] = s.stamp;
            }
        }
        return answers;
    }

    /** What {@code quantity} of item {@code a} adds to a cart's total: nothing when the model does not know it or its price. */
    private double amount(int a, int quantity) {
        if (a >= model.productCount()) {
            return 0;
        }
        double unit = model.price(a);
        return quantity * (Double.isNaN(unit) ? 0 : unit);
    }

    /**
     * The list for the order without {@code hidden} (under {@code ceiling}, the rest's), from
     * {@code top} (the whole order's best under its own, higher ceiling; {@code complete} when it holds
     * every candidate) and one pass over the hidden item's pairs, of which it keeps the best
     * {@link #keep}. A candidate in neither keeps its sum and ranks below {@code top}'s last, and a
     * pair passed over ranks below the last kept, so the list is settled when its last ranks at least
     * with both. Null when it is not, and the caller must look at every candidate.
     */
    private int[] leavingOut(Scratch s, Placement placement, int hidden, int[] top, boolean complete, int k,
                             double ceiling) {
        int mark = ++s.marks;
        Sums sums = sumsOf(placement, hidden);
        int[] candidate = sums.candidate();
        int[] count = sums.count();
        int keep = keep(k);
        int room = keep + 1 + top.length;
        int[] ranked = new int[room];
        long[] value = new long[room];
        int size = 0;
        int eligible = 0;
        for (int i = 0; i < candidate.length; i++) {
            int c = candidate[i];
            s.marked[c] = mark;
            long without = s.score[c] - count[i];
            if (s.inCart[c] != s.stamp && without > 0 && model.price(c) <= ceiling) {
                eligible++;
                size = offer(ranked, value, size, keep, c, without);
            }
        }
        boolean passedOver = eligible > size;
        int lastKept = size == 0 ? -1 : ranked[size - 1];
        long lastKeptValue = size == 0 ? 0 : value[size - 1];
        // the hidden item itself is a candidate now, with what the rest of the order gives it
        if (s.seen[hidden] == s.stamp && s.score[hidden] > 0 && model.price(hidden) <= ceiling) {
            size = offer(ranked, value, size, room, hidden, s.score[hidden]);
        }
        for (int c : top) {
            if (s.marked[c] != mark && model.price(c) <= ceiling) {
                size = offer(ranked, value, size, room, c, s.score[c]);
            }
        }
        int[] listed = rules == null ? Arrays.copyOf(ranked, Math.min(k, size)) : capped(ranked, size, k);
        if (listed.length < k) {
            return complete && !passedOver ? listed : null;
        }
        int at = size - 1;
        while (ranked[at] != listed[k - 1]) {
            at--;
        }
        int last = complete ? -1 : top[top.length - 1];
        boolean settled = (complete || !before(s.score[last], last, value[at], ranked[at]))
                && (!passedOver || !before(lastKeptValue, lastKept, value[at], ranked[at]));
        return settled ? listed : null;
    }

    /** Puts {@code c} with sum {@code v} into the best-first {@code listed} of at most {@code k}; returns its new size. */
    private int offer(int[] listed, long[] value, int size, int k, int c, long v) {
        if (size == k && !before(v, c, value[k - 1], listed[k - 1])) {
            return size;
        }
        int at = size == k ? k - 1 : size++;
        while (at > 0 && before(v, c, value[at - 1], listed[at - 1])) {
            listed[at] = listed[at - 1];
            value[at] = value[at - 1];
            at--;
        }
        listed[at] = c;
        value[at] = v;
        return size;
    }

    /** Whether {@code x} with sum {@code vx} ranks before {@code y} with {@code vy}: a higher sum, or an equal one and a lower SKU. */
    private boolean before(long vx, int x, long vy, int y) {
        return vx > vy || vx == vy && model.skuOrder(x) < model.skuOrder(y);
    }

    private double ceiling(Placement placement, double total) {
        return rules == null ? Double.POSITIVE_INFINITY : placement == Placement.CART
                ? rules.maxPriceRatio() * total : Math.min(rules.oneTapMaxPrice(), rules.oneTapMaxShare() * total);
    }

    /** Adds anchor {@code a}'s pairs to the running sums ({@code sign} −1 takes them out again). */
    private void addAnchor(Scratch s, Placement placement, int a, int sign) {
        Sums sums = sumsOf(placement, a);
        int[] candidate = sums.candidate();
        int[] count = sums.count();
        for (int i = 0; i < candidate.length; i++) {
            int c = candidate[i];
            if (s.seen[c] != s.stamp) {
                s.seen[c] = s.stamp;
                s.score[c] = 0;
                s.touched[s.count++] = c;
            }
            s.score[c] += sign * count[i];
        }
    }

    /** What one anchor adds to the sums in one placement: its priced candidates and their counts. */
    private record Sums(int[] candidate, int[] count) {
    }

    /** Anchor {@code a}'s sums, worked out the first time it is asked for. */
    private Sums sumsOf(Placement placement, int a) {
        AtomicReferenceArray<Sums> cache = placement == Placement.CART ? cart : confirmation;
        Sums sums = cache.get(a);
        if (sums == null) {
            int anchorOrders = model.ordersOf(a);
            int anchorFollowBase = model.followBaseOf(a);
            IntArrayList candidates = new IntArrayList();
            IntArrayList counts = new IntArrayList();
            model.forEachPairOf(a, (c, co, follow) -> {
                if (Double.isNaN(model.price(c)) || excluded.get(c)) {
                    return;
                }
                int add;
                if (rules == null) {
                    add = placement == Placement.CART ? co : co + follow;
                } else {
                    boolean sameOrder = placement == Placement.CART
                        || rules.confirmationEvidence() == ConfirmationEvidence.BOTH;
                add = sameOrder && admitted(c, co, anchorOrders) ? co : 0;
                    if (placement == Placement.CONFIRMATION && admitted(c, follow, anchorFollowBase)) {
                        add += follow;
                    }
                }
                if (add > 0) {
                    candidates.add(c);
                    counts.add(add);
                }
            });
            sums = new Sums(candidates.toIntArray(), counts.toIntArray());
            cache.compareAndSet(a, null, sums);
        }
        return sums;
    }

    /**
     * The best {@code k} candidates not in the cart, priced within the ceiling, under the category
     * cap: one pass keeps the best few in a small sorted array (enough to fill the list unless the
     * cap drops most of them), the cap is applied in that order; when it leaves the list short while
     * candidates were passed over, every eligible candidate is ranked instead.
     */
    private int[] select(Scratch s, int k, double ceiling) {
        int keep = keep(k);
        int[] best = ranked(s, keep, ceiling);
        if (rules == null) {
            return Arrays.copyOf(best, Math.min(k, best.length));
        }
        int[] listed = capped(best, best.length, k);
        if (listed.length < k && best.length == keep && keep < s.count) {
            // the cap dropped so many of the best few that the list is short: rank every eligible one
            listed = capped(eligibleByScore(s, ceiling), Integer.MAX_VALUE, k);
        }
        return listed;
    }

    /** How many of the best to rank before the category cap: enough to fill a list of {@code k} unless the cap drops most. */
    private int keep(int k) {
        return rules == null ? k : k * Math.max(1, (k + rules.perCategoryCap() - 1) / rules.perCategoryCap()) * 2;
    }

    /** The best {@code keep} candidates not in the cart and priced within the ceiling, best first, in one pass. */
    private int[] ranked(Scratch s, int keep, double ceiling) {
        int room = Math.max(1, Math.min(keep, s.count));
        int[] best = new int[room];
        long[] value = new long[room];
        int size = 0;
        for (int t = 0; t < s.count; t++) {
            int c = s.touched[t];
            if (s.inCart[c] != s.stamp && s.score[c] > 0 && model.price(c) <= ceiling) {
                size = offer(best, value, size, room, c, s.score[c]);
            }
        }
        return size == room ? best : Arrays.copyOf(best, size);
    }

    /** The first {@code k} of {@code ranked} (its first {@code size}) that the per-category cap lets through. */
    private int[] capped(int[] ranked, int size, int k) {
        int[] perCategory = new int[Math.max(1, model.categoryCount())];
        int[] listed = new int[k];
        int count = 0;
        for (int i = 0; i < Math.min(size, ranked.length) && count < k; i++) {
            int cat = model.categoryOf(ranked[i]);
            if (cat >= 0 && perCategory[cat]++ >= rules.perCategoryCap()) {
                continue;
            }
            listed[count++] = ranked[i];
        }
        return count == k ? listed : Arrays.copyOf(listed, count);
    }

    /** Every candidate not in the cart and within the ceiling, best first. */
    private int[] eligibleByScore(Scratch s, double ceiling) {
        return IntStream.range(0, s.count).map(t -> s.touched[t])
                .filter(c -> s.inCart[c] != s.stamp && s.score[c] > 0 && model.price(c) <= ceiling).boxed()
                .sorted((x, y) -> better(s, x, y) ? -1 : better(s, y, x) ? 1 : 0)
                .mapToInt(Integer::intValue).toArray();
    }

    /** Higher sum first, ties by SKU. */
    private boolean better(Scratch s, int x, int y) {
        return before(s.score[x], x, s.score[y], y);
    }

    /** Whether a pair seen {@code count} times passes the profile's evidence and lift floors. */
    private boolean admitted(int c, int count, int total) {
        return rules.admits(count, total, model.baseRateOf(c));
    }

    /** Per-thread working memory. */
    private static final class Scratch {
        final int[] inCart;
        final int[] seen;
        final long[] score;
        final int[] touched;
        /** Marks the pairs of the item a leave-one-out step hides, under {@link #marks}. */
        final int[] marked;
        int stamp;
        int count;
        int marks;

        Scratch(int products) {
            inCart = new int[products];
            seen = new int[products];
            score = new long[products];
            touched = new int[products];
            marked = new int[products];
        }
    }
}
