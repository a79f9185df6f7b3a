package io.orderlift.ruleset.evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference storefront: answers a cart or an order from a {@link RuleSet} alone, exactly as
 * the workbench preview does (docs/storefront.md states the algorithm step by step). It needs no
 * database and no mining code; an architecture test keeps it so.
 */
public final class StorefrontEvaluator {

    private final RuleSet rules;
    private final List<RuleSet.Product> productList;
    private final Map<String, RuleSet.Product> products = new HashMap<>();
    private final Map<String, RuleSet.Anchor> anchors = new HashMap<>();
    private final Map<String, RuleSet.CategoryEvidence> categories = new HashMap<>();
    private final Map<String, List<String>> pins = new HashMap<>();
    private final Set<String> excludedCategoryPairs = new HashSet<>();

    public StorefrontEvaluator(RuleSet rules) {
        this.rules = rules;
        this.productList = rules.products();
        rules.products().forEach(p -> products.put(p.sku(), p));
        rules.anchors().forEach(a -> anchors.put(a.sku(), a));
        rules.categories().forEach(c -> categories.put(c.name(), c));
        rules.pins().forEach(p -> pins.put(p.placement() + "\u0000" + p.anchor(), p.candidates()));
        rules.excludedCategoryPairs().forEach(p -> excludedCategoryPairs.add(p.from() + "\u0000" + p.to()));
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** A candidate being scored. */
    private static final class Candidate {
        final String sku;
        double notProbability = 1;
        final List<Answer.Anchor> evidence = new ArrayList<>();
        final List<Boolean> approved = new ArrayList<>();
        boolean eligible;
        double acceptance;
        double score;

        Candidate(String sku) {
            this.sku = sku;
        }
    }

    /**
     * The recommendations for {@code items} (SKU → quantity, in cart order).
     *
     * @param placement {@code cart} or {@code confirmation}
     * @param limit     at most this many; 0 or less for the rule set's list length
     */
    public Answer evaluate(String placement, List<RuleSet.Item> items, int limit) {
        return evaluate(placement, items, limit, Set.of());
    }

    /**
     * As {@link #evaluate(String, List, int)}, never recommending a SKU of {@code unavailable} (out
     * of stock, say: what the storefront knows and the rule set cannot). The answer is the one a rule
     * set without those candidates in any list or pin would give: the list fills from the next best,
     * within the same per-category cap. An unavailable SKU in the cart still counts as the cart's.
     */
    public Answer evaluate(String placement, List<RuleSet.Item> items, int limit, Set<String> unavailable) {
        boolean cart = placement.equals("cart");
        if (!cart && !placement.equals("confirmation")) {
            throw new IllegalArgumentException("'" + placement + "' is not cart or confirmation");
        }
        RuleSet.Parameters p = rules.parameters();
        // 1. the cart: total, distinct known SKUs in order, their categories
        double total = 0;
        List<String> cartSkus = new ArrayList<>();
        Set<String> inCart = new HashSet<>();
        List<String> cartCategories = new ArrayList<>();
        for (RuleSet.Item item : items) {
            RuleSet.Product product = products.get(item.sku());
            double unit = product == null || product.price() == null ? Double.NaN : product.price();
            total += item.quantity() * (Double.isNaN(unit) ? 0 : unit);
            if (product != null && inCart.add(item.sku())) {
                cartSkus.add(item.sku());
                if (product.category() != null && !cartCategories.contains(product.category())) {
                    cartCategories.add(product.category());
                }
            }
        }
        // 2. combine every anchor's evidence: acceptance = 1 − Π(1 − p), in cart order, list order
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (String sku : cartSkus) {
            RuleSet.Anchor anchor = anchors.get(sku);
            if (anchor == null) {
                continue;
            }
            RuleSet.Evidence list = evidence(anchor, cart);
            String via = list.via();
            for (int i = 0; i < list.size(); i++) {
                RuleSet.Product product = productList.get(list.c()[i]);
                if (inCart.contains(product.sku()) || unavailable.contains(product.sku())) {
                    continue;
                }
                double acceptance = list.acceptance(i, product.orders(), p.orders(), p.smoothing(), p.estimatorName());
                Candidate c = candidates.computeIfAbsent(product.sku(), Candidate::new);
                c.notProbability *= 1 - acceptance;
                c.evidence.add(new Answer.Anchor(sku, i < list.sameOrder() ? "same-order" : "follow-on", via,
                        acceptance, list.co()[i], list.follow()[i]));
                c.approved.add(list.isApproved(i));
            }
        }
        // 3. eligibility: category pairs, price, ceilings; score = acceptance × price^w
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            RuleSet.Product product = products.get(c.sku);
            if (categoryPairExcluded(cartCategories, product) || product.price() == null
                    || exceedsCeiling(cart, product.price(), total, p)) {
                continue;
            }
            c.eligible = true;
            c.acceptance = 1 - c.notProbability;
            c.score = c.acceptance * product.weight(p.priceWeight());
            eligible.add(c);
        }
        int length = limit > 0 ? limit : cart ? p.cartLength() : p.confirmationLength();
        List<Answer.Item> result = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Map<String, Integer> perCategory = new HashMap<>();
        // 4. pins first, in cart order then pin order
        for (int i = 0; i < cartSkus.size() && result.size() < length; i++) {
            for (String sku : pins.getOrDefault(placement + "\u0000" + cartSkus.get(i), List.of())) {
                if (result.size() >= length) {
                    break;
                }
                RuleSet.Product product = products.get(sku);
                if (inCart.contains(sku) || unavailable.contains(sku) || listed.contains(sku)
                        || categoryPairExcluded(cartCategories, product)) {
                    continue;
                }
                listed.add(sku);
                count(perCategory, product);
                result.add(item(candidates.get(sku), product, eligible, p, true));
            }
        }
        // 5. then the best remaining candidate, one at a time, within the per-category cap
        Set<String> capped = new HashSet<>();
        while (result.size() < length) {
            Candidate best = null;
            for (Candidate c : eligible) {
                if (!listed.contains(c.sku) && !capped.contains(c.sku) && (best == null || better(c.score, c.sku,
                        best.score, best.sku))) {
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            RuleSet.Product product = products.get(best.sku);
            if (product.category() != null && perCategory.getOrDefault(product.category(), 0) >= p.perCategoryCap()) {
                capped.add(best.sku);
                continue;
            }
            listed.add(best.sku);
            count(perCategory, product);
            result.add(item(best, product, eligible, p, false));
        }
        return new Answer(placement, total, rules.currency(), p.profile(), p.priceWeight(), result);
    }

    /** The anchor's list for the placement: its own, or its category's when it backs off. */
    private RuleSet.Evidence evidence(RuleSet.Anchor anchor, boolean cart) {
        RuleSet.Evidence list;
        if (anchor.backoff() != null) {
            RuleSet.CategoryEvidence category = categories.get(anchor.backoff());
            list = category == null ? null : cart ? category.cart() : category.confirmation();
        } else {
            list = cart ? anchor.cart() : anchor.confirmation();
        }
        return list == null ? RuleSet.Evidence.NONE : list;
    }

    private boolean categoryPairExcluded(List<String> cartCategories, RuleSet.Product product) {
        if (product.category() == null) {
            return false;
        }
        for (String from : cartCategories) {
            if (excludedCategoryPairs.contains(from + "\u0000" + product.category())) {
                return true;
            }
        }
        return false;
    }

    private static boolean exceedsCeiling(boolean cart, double price, double total, RuleSet.Parameters p) {
        return cart ? price > p.maxPriceRatio() * total
                : price > p.oneTapMaxPrice() || price > p.oneTapMaxShare() * total;
    }

    private static void count(Map<String, Integer> perCategory, RuleSet.Product product) {
        if (product.category() != null) {
            perCategory.merge(product.category(), 1, Integer::sum);
        }
    }

    /** Higher value first, ties by SKU. */
    private static boolean better(double value, String sku, double otherValue, String otherSku) {
        int cmp = Double.compare(value, otherValue);
        return cmp > 0 || cmp == 0 && sku.compareTo(otherSku) < 0;
    }

    private static Answer.Item item(Candidate c, RuleSet.Product product, List<Candidate> eligible,
                                    RuleSet.Parameters p, boolean pinned) {
        double acceptance = c == null ? 0 : 1 - c.notProbability;
        double price = product.price() == null ? 0 : product.price();
        int popularity = 0;
        if (c != null && c.eligible) {
            popularity = 1;
            for (Candidate other : eligible) {
                if (other != c && better(other.acceptance, other.sku, c.acceptance, c.sku)) {
                    popularity++;
                }
            }
        }
        List<Answer.Anchor> anchors = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        if (pinned) {
            rules.add("pin");
        }
        boolean backoff = false;
        if (c != null) {
            for (int i = 0; i < c.evidence.size(); i++) {
                Answer.Anchor e = c.evidence.get(i);
                backoff |= !e.via().equals("pair");
                anchors.add(e);
                if (c.approved.get(i) && !rules.contains("approved")) {
                    rules.add("approved");
                }
            }
        }
        if (backoff) {
            rules.add("category-backoff");
        }
        return new Answer.Item(product.sku(), product.title(), product.category(),
                acceptance * product.weight(p.priceWeight()), acceptance, price, acceptance * price, popularity,
                anchors, rules);
    }
}
