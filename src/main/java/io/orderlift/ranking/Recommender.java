package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import io.orderlift.mining.Acceptance;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

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

    private static final int MAX_REMOVED = 50;

    private final RankingModel model;
    private final CurationRules curation;
    private final ThreadLocal<Scratch> scratch;

    public Recommender(RankingModel model, CurationRules curation) {
        this.model = model;
        this.curation = curation;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(model.productCount));
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
        Scratch s = scratch.get();
        s.begin();
        IntArrayList anchors = new IntArrayList();
        IntArrayList cartCategories = new IntArrayList();
        double total = 0;
        for (CartItem item : items) {
            OptionalInt id = model.idOf(item.sku());
            double unit = Double.isNaN(item.unitPrice()) && id.isPresent() ? model.price[id.getAsInt()] : item.unitPrice();
            total += item.quantity() * (Double.isNaN(unit) ? 0 : unit);
            if (id.isPresent() && s.inCart[id.getAsInt()] != s.stamp) {
                int a = id.getAsInt();
                s.inCart[a] = s.stamp;
                anchors.add(a);
                if (model.category[a] >= 0 && !cartCategories.contains(model.category[a])) {
                    cartCategories.add(model.category[a]);
                }
            }
        }
        for (int i = 0; i < anchors.size(); i++) {
            int a = anchors.getInt(i);
            gather(s, placement, a, Evidence.SAME_ORDER, profile);
            if (placement == Placement.CONFIRMATION) {
                gather(s, placement, a, Evidence.FOLLOW_ON, profile);
            }
        }
        // eligible candidates
        int[] eligible = new int[s.touchedCount];
        int count = 0;
        double w = profile.priceWeight();
        double[] weighted = model.weightedPrices(w);
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
        int length = limit > 0 ? limit : profile.length(placement);
        List<Recommendation> result = new ArrayList<>();
        int[] perCategory = new int[model.categories.size()];
        // pins first, in cart order then pin order
        for (int i = 0; i < anchors.size() && result.size() < length; i++) {
            IntArrayList pinned = curation.pins(placement, anchors.getInt(i));
            if (pinned == null) {
                continue;
            }
            for (int k = 0; k < pinned.size() && result.size() < length; k++) {
                int c = pinned.getInt(k);
                if (s.inCart[c] == s.stamp || s.listed[c] == s.stamp
                        || curation.pairBlocked(placement, anchors.getInt(i), c)
                        || blockedCandidate(c, cartCategories) != null) {
                    continue;
                }
                s.listed[c] = s.stamp;
                if (model.category[c] >= 0) {
                    perCategory[model.category[c]]++;
                }
                if (s.eligible[c] == s.stamp) {
                    s.popularity[c] = popularityRank(s, c, eligible, count);
                }
                result.add(recommendation(s, placement, c, w, true));
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
                s.remove(c, "category-cap");
                continue;
            }
            s.listed[c] = s.stamp;
            if (cat >= 0) {
                perCategory[cat]++;
            }
            s.popularity[c] = popularityRank(s, c, eligible, count);
            result.add(recommendation(s, placement, c, w, false));
        }
        return new Recommendations(placement.cliName(), total, profile.name(), w, result, s.removedList(model));
    }

    private enum Evidence { SAME_ORDER, FOLLOW_ON }

    /** Higher {@code values} first, ties by SKU. */
    private boolean better(double[] values, int x, int y) {
        int cmp = Double.compare(values[x], values[y]);
        return cmp > 0 || cmp == 0 && model.skuOrder[x] < model.skuOrder[y];
    }

    /** 1 + the eligible candidates with a higher acceptance (ties by SKU): the rank at w = 0. */
    private int popularityRank(Scratch s, int c, int[] eligible, int count) {
        int rank = 1;
        for (int r = 0; r < count; r++) {
            if (eligible[r] != c && better(s.acceptance, eligible[r], c)) {
                rank++;
            }
        }
        return rank;
    }

    /** Adds anchor {@code a}'s evidence of one kind to the scratch space. */
    private void gather(Scratch s, Placement placement, int a, Evidence kind, WeightingProfile profile) {
        forEachContribution(placement, a, kind == Evidence.SAME_ORDER, profile, new ContributionVisitor() {
            @Override
            public void contribution(int c, boolean sameOrder, int via, double p, int co, int follow) {
                if (s.inCart[c] != s.stamp) {
                    s.touch(c);
                    s.notProbability[c] *= 1 - p;
                    s.addEvidence(c, a, sameOrder, via, p, co, follow);
                }
            }

            @Override
            public void blocked(int c) {
                if (s.inCart[c] != s.stamp) {
                    s.remove(c, "rejected-or-excluded-pair");
                }
            }
        });
    }

    /** Receives the evidence one anchor gives, in the order it is combined. */
    private interface ContributionVisitor {
        void contribution(int candidate, boolean sameOrder, int via, double p, int co, int follow);

        void blocked(int candidate);
    }

    /**
     * Anchor {@code a}'s evidence of one kind, its own pairs or its category's, in candidate-id
     * order: pairs under {@code minEvidence} or the lift floor are skipped, rejected and excluded
     * pairs are reported as blocked.
     */
    private void forEachContribution(Placement placement, int a, boolean sameOrder, WeightingProfile profile,
                                     ContributionVisitor visitor) {
        int cat = model.category[a];
        boolean backoff = model.orders[a] < profile.backoffBelowOrders() && cat >= 0;
        int from;
        int to;
        int[] candidates;
        int[] coCounts;
        int[] followCounts;
        int anchorTotal;
        if (backoff) {
            from = model.categoryStart[cat];
            to = model.categoryStart[cat + 1];
            candidates = model.categoryCandidate;
            coCounts = model.categoryCo;
            followCounts = model.categoryFollow;
            anchorTotal = sameOrder ? model.categoryOrders[cat] : model.categoryFollowBase[cat];
        } else {
            from = model.pairStart[a];
            to = model.pairStart[a + 1];
            candidates = model.candidate;
            coCounts = model.co;
            followCounts = model.follow;
            anchorTotal = sameOrder ? model.orders[a] : model.followBase[a];
        }
        for (int i = from; i < to; i++) {
            int c = candidates[i];
            int evidence = sameOrder ? coCounts[i] : followCounts[i];
            if (evidence < profile.minEvidence() || c == a) {
                continue;
            }
            if (curation.pairBlocked(placement, a, c)) {
                visitor.blocked(c);
                continue;
            }
            double base = model.baseRate(c);
            double p = Acceptance.smoothed(evidence, anchorTotal, base, profile.smoothing());
            if (p > profile.minLift() * base) {
                visitor.contribution(c, sameOrder, backoff ? cat : -1, p, coCounts[i], followCounts[i]);
            }
        }
    }

    /**
     * Everything anchor {@code a} alone contributes in {@code placement}, in the order it is
     * combined (same-order evidence, then for confirmation follow-on evidence): what a published
     * rule set carries per anchor so a storefront computes the same answer.
     */
    public List<Contribution> contributions(Placement placement, int a, WeightingProfile profile) {
        List<Contribution> list = new ArrayList<>();
        ContributionVisitor collect = new ContributionVisitor() {
            @Override
            public void contribution(int c, boolean sameOrder, int via, double p, int co, int follow) {
                list.add(new Contribution(c, sameOrder, via < 0 ? null : model.categories.get(via), p, co, follow));
            }

            @Override
            public void blocked(int candidate) {
            }
        };
        forEachContribution(placement, a, true, profile, collect);
        if (placement == Placement.CONFIRMATION) {
            forEachContribution(placement, a, false, profile, collect);
        }
        return list;
    }

    /** Whether anchor {@code a} speaks through its category's pairs under {@code profile}. */
    public boolean backsOff(int a, WeightingProfile profile) {
        return model.orders[a] < profile.backoffBelowOrders() && model.category[a] >= 0;
    }

    /**
     * The evidence of category {@code category} as a thin anchor of it contributes it, before any
     * anchor-specific curation: same-order, then for confirmation follow-on, in candidate-id order.
     */
    public List<Contribution> categoryContributions(Placement placement, int category, WeightingProfile profile) {
        List<Contribution> list = new ArrayList<>();
        for (boolean sameOrder : placement == Placement.CONFIRMATION ? new boolean[] {true, false}
                : new boolean[] {true}) {
            int total = sameOrder ? model.categoryOrders[category] : model.categoryFollowBase[category];
            for (int i = model.categoryStart[category]; i < model.categoryStart[category + 1]; i++) {
                int c = model.categoryCandidate[i];
                int evidence = sameOrder ? model.categoryCo[i] : model.categoryFollow[i];
                if (evidence < profile.minEvidence()) {
                    continue;
                }
                double base = model.baseRate(c);
                double p = Acceptance.smoothed(evidence, total, base, profile.smoothing());
                if (p > profile.minLift() * base) {
                    list.add(new Contribution(c, sameOrder, model.categories.get(category), p, model.categoryCo[i],
                            model.categoryFollow[i]));
                }
            }
        }
        return list;
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
            return "excluded-sku";
        }
        int cat = model.category[c];
        if (curation.categoryExcluded(cat)) {
            return "excluded-category";
        }
        for (int i = 0; i < cartCategories.size(); i++) {
            if (curation.categoryPairExcluded(cartCategories.getInt(i), cat)) {
                return "excluded-category-pair";
            }
        }
        return null;
    }

    private String ceiling(Placement placement, int c, double total, WeightingProfile profile) {
        double price = model.price[c];
        if (Double.isNaN(price)) {
            return "no-price";
        }
        if (placement == Placement.CART) {
            return price > profile.maxPriceRatio() * total ? "price-ceiling" : null;
        }
        return price > profile.oneTapMaxPrice() || price > profile.oneTapMaxShare() * total ? "one-tap-ceiling" : null;
    }

    private Recommendation recommendation(Scratch s, Placement placement, int c, double w, boolean pinned) {
        boolean touched = s.touchedStamp[c] == s.stamp;
        double acceptance = touched ? 1 - s.notProbability[c] : 0;
        double price = model.price[c];
        List<AnchorEvidence> anchors = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        if (pinned) {
            rules.add("pin");
        }
        boolean backoff = false;
        for (int e = touched ? s.head[c] : -1; e >= 0; e = s.next[e]) {
            int via = s.evVia[e];
            backoff |= via >= 0;
            anchors.add(new AnchorEvidence(model.sku[s.evAnchor[e]], s.evSameOrder[e] ? "same-order" : "follow-on",
                    via >= 0 ? "category:" + model.categories.get(via) : "pair", s.evP[e], s.evCo[e], s.evFollow[e]));
            if (curation.isApproved(placement, s.evAnchor[e], c) && !rules.contains("approved")) {
                rules.add("approved");
            }
        }
        if (backoff) {
            rules.add("category-backoff");
        }
        double safePrice = Double.isNaN(price) ? 0 : price;
        return new Recommendation(model.sku[c], model.title[c], model.categoryName(c),
                acceptance * Math.pow(safePrice, w), acceptance, safePrice, acceptance * safePrice,
                touched && s.popularity[c] > 0 ? s.popularity[c] : 0, anchors, rules);
    }

    /** Per-thread working memory, reset in O(touched) per request by stamping. */
    private static final class Scratch {
        final int[] inCart;
        final int[] listed;
        final int[] touchedStamp;
        final int[] touched;
        final double[] notProbability;
        final double[] acceptance;
        final double[] score;
        final int[] popularity;
        final int[] head;
        final int[] removedStamp;
        final int[] capped;
        final int[] eligible;
        final String[] removedRule;
        int touchedCount;
        int stamp;
        int[] next = new int[64];
        int[] evAnchor = new int[64];
        boolean[] evSameOrder = new boolean[64];
        int[] evVia = new int[64];
        double[] evP = new double[64];
        int[] evCo = new int[64];
        int[] evFollow = new int[64];
        int evidenceCount;
        final IntArrayList removed = new IntArrayList();

        Scratch(int products) {
            inCart = new int[products];
            listed = new int[products];
            touchedStamp = new int[products];
            touched = new int[products];
            notProbability = new double[products];
            acceptance = new double[products];
            score = new double[products];
            popularity = new int[products];
            head = new int[products];
            removedStamp = new int[products];
            capped = new int[products];
            eligible = new int[products];
            removedRule = new String[products];
        }

        void begin() {
            stamp++;
            touchedCount = 0;
            evidenceCount = 0;
            removed.clear();
        }

        void touch(int c) {
            if (touchedStamp[c] != stamp) {
                touchedStamp[c] = stamp;
                touched[touchedCount++] = c;
                notProbability[c] = 1;
                popularity[c] = 0;
                head[c] = -1;
            }
        }

        void addEvidence(int c, int anchor, boolean sameOrder, int via, double p, int co, int follow) {
            if (evidenceCount == next.length) {
                int size = next.length * 2;
                next = Arrays.copyOf(next, size);
                evAnchor = Arrays.copyOf(evAnchor, size);
                evSameOrder = Arrays.copyOf(evSameOrder, size);
                evVia = Arrays.copyOf(evVia, size);
                evP = Arrays.copyOf(evP, size);
                evCo = Arrays.copyOf(evCo, size);
                evFollow = Arrays.copyOf(evFollow, size);
            }
            int e = evidenceCount++;
            evAnchor[e] = anchor;
            evSameOrder[e] = sameOrder;
            evVia[e] = via;
            evP[e] = p;
            evCo[e] = co;
            evFollow[e] = follow;
            // append, so evidence stays in cart order
            next[e] = -1;
            if (head[c] < 0) {
                head[c] = e;
            } else {
                int last = head[c];
                while (next[last] >= 0) {
                    last = next[last];
                }
                next[last] = e;
            }
        }

        void remove(int c, String rule) {
            if (removedStamp[c] != stamp) {
                removedStamp[c] = stamp;
                removedRule[c] = rule;
                removed.add(c);
            }
        }

        List<Removed> removedList(RankingModel model) {
            int[] ids = removed.toIntArray();
            IntArrays.quickSort(ids, (x, y) -> Integer.compare(model.skuOrder[x], model.skuOrder[y]));
            List<Removed> list = new ArrayList<>();
            for (int c : ids) {
                if (listed[c] != stamp && list.size() < MAX_REMOVED) {
                    list.add(new Removed(model.sku[c], removedRule[c]));
                }
            }
            return list;
        }
    }
}
