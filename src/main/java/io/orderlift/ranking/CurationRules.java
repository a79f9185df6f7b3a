package io.orderlift.ranking;

import java.util.EnumMap;
import java.util.Map;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * The merchandiser's curation compiled against a {@link RankingModel}'s product ids, for fast
 * lookups while ranking. Curation always wins over statistics: rejected pairs and excluded SKUs,
 * categories, category pairs and pairs never appear; pinned pairs appear first, in pin order.
 */
public final class CurationRules {

    /** No curation at all. */
    public static final CurationRules NONE = new CurationRules();

    private final Map<Placement, LongOpenHashSet> rejected = new EnumMap<>(Placement.class);
    private final Map<Placement, LongOpenHashSet> approved = new EnumMap<>(Placement.class);
    private final Map<Placement, Int2ObjectOpenHashMap<IntArrayList>> pins = new EnumMap<>(Placement.class);
    private final IntOpenHashSet excludedSkus = new IntOpenHashSet();
    private final IntOpenHashSet excludedCategories = new IntOpenHashSet();
    private final LongOpenHashSet excludedCategoryPairs = new LongOpenHashSet();
    private final LongOpenHashSet excludedPairs = new LongOpenHashSet();
    private boolean approvedOnly;

    public CurationRules() {
        for (Placement p : Placement.values()) {
            rejected.put(p, new LongOpenHashSet());
            approved.put(p, new LongOpenHashSet());
            pins.put(p, new Int2ObjectOpenHashMap<>());
        }
    }

    static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    public CurationRules reject(Placement placement, int anchor, int candidate) {
        rejected.get(placement).add(key(anchor, candidate));
        return this;
    }

    public CurationRules approve(Placement placement, int anchor, int candidate) {
        approved.get(placement).add(key(anchor, candidate));
        return this;
    }

    /** Pins {@code candidate} for {@code anchor} after the anchor's earlier pins. */
    public CurationRules pin(Placement placement, int anchor, int candidate) {
        pins.get(placement).computeIfAbsent(anchor, k -> new IntArrayList()).add(candidate);
        return this;
    }

    public CurationRules excludeSku(int product) {
        excludedSkus.add(product);
        return this;
    }

    public CurationRules excludeCategory(int category) {
        excludedCategories.add(category);
        return this;
    }

    /** Never recommend a product of category {@code to} for a cart or order holding category {@code from}. */
    public CurationRules excludeCategoryPair(int from, int to) {
        excludedCategoryPairs.add(key(from, to));
        return this;
    }

    /** Never recommend {@code candidate} for {@code anchor}, in any placement. */
    public CurationRules excludePair(int anchor, int candidate) {
        excludedPairs.add(key(anchor, candidate));
        return this;
    }

    /**
     * Approved-only mode: only approved pairs (and pins) are used, as when publishing just the
     * approved pairs.
     */
    public CurationRules approvedOnly(boolean only) {
        this.approvedOnly = only;
        return this;
    }

    public boolean isApprovedOnly() {
        return approvedOnly;
    }

    /** Whether any pair can be blocked in {@code placement} (rejections, pair exclusions, approved-only). */
    boolean blocksPairs(Placement placement) {
        return approvedOnly || !excludedPairs.isEmpty() || !rejected.get(placement).isEmpty();
    }

    boolean pairBlocked(Placement placement, int anchor, int candidate) {
        if (!blocksPairs(placement)) {
            return false;
        }
        long k = key(anchor, candidate);
        return rejected.get(placement).contains(k) || excludedPairs.contains(k)
                || approvedOnly && !approved.get(placement).contains(k);
    }

    /** Whether the pair is approved in {@code placement}. */
    public boolean isApproved(Placement placement, int anchor, int candidate) {
        return approved.get(placement).contains(key(anchor, candidate));
    }

    boolean skuExcluded(int product) {
        return !excludedSkus.isEmpty() && excludedSkus.contains(product);
    }

    boolean categoryExcluded(int category) {
        return category >= 0 && !excludedCategories.isEmpty() && excludedCategories.contains(category);
    }

    /** Whether any category pair is excluded. */
    boolean excludesCategoryPairs() {
        return !excludedCategoryPairs.isEmpty();
    }

    boolean categoryPairExcluded(int from, int to) {
        return from >= 0 && to >= 0 && excludedCategoryPairs.contains(key(from, to));
    }

    /** The anchor's pins in order, or null. */
    IntArrayList pins(Placement placement, int anchor) {
        Int2ObjectOpenHashMap<IntArrayList> placed = pins.get(placement);
        return placed.isEmpty() ? null : placed.get(anchor);
    }
}
