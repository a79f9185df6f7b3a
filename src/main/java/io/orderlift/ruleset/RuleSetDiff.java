package io.orderlift.ruleset;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.orderlift.ruleset.evaluator.RuleSet;

/**
 * What changed between two rule sets: settings, pairs added and removed, pairs whose rank in their
 * anchor's list moved, pins, exclusions and products. Pairs are compared per placement, anchor and
 * candidate; an anchor's list is ranked by {@code acceptance × price^w} (its single-anchor answer).
 * The {@link #EXAMPLES} pair changes listed are those at the anchors in most orders.
 */
public record RuleSetDiff(long fromVersion, long toVersion, List<Change> settings, int pairsAdded, int pairsRemoved,
                          int pairsReranked, List<PairChange> examples, List<String> pinsChanged,
                          List<String> exclusionsChanged, int productsAdded, int productsRemoved) {

    /** How many example pair changes a diff lists. */
    public static final int EXAMPLES = 30;

    /** A changed setting. */
    public record Change(String name, String from, String to) {
    }

    /**
     * A pair that appeared ({@code added}), disappeared ({@code removed}) or moved ({@code reranked}).
     * Ranks are 1-based positions in the anchor's list; 0 where the pair is absent. Titles are the
     * newer rule set's (the older one's for a product it no longer lists); null when it has none.
     */
    public record PairChange(String placement, String anchor, String candidate, String change, int fromRank,
                             int toRank, String anchorTitle, String candidateTitle) {

        /** For a person: "cart · Family tent 4P (OUT-TEN-004): Tent stakes (OUT-STAKES) #4 → #3". */
        public String inWords() {
            String move = switch (change) {
                case "added" -> "added at #" + toRank;
                case "removed" -> "removed (was #" + fromRank + ")";
                default -> "#" + fromRank + " → #" + toRank;
            };
            return placement + " · " + named(anchorTitle, anchor) + ": " + named(candidateTitle, candidate) + " " + move;
        }

        private static String named(String title, String sku) {
            return title == null ? sku : title + " (" + sku + ")";
        }
    }

    public boolean isEmpty() {
        return settings.isEmpty() && pairsAdded == 0 && pairsRemoved == 0 && pairsReranked == 0 && pinsChanged.isEmpty()
                && exclusionsChanged.isEmpty() && productsAdded == 0 && productsRemoved == 0;
    }

    public static RuleSetDiff between(RuleSet from, RuleSet to) {
        List<Change> settings = new ArrayList<>();
        for (RecordComponent c : RuleSet.Parameters.class.getRecordComponents()) {
            Object a = value(c, from.parameters());
            Object b = value(c, to.parameters());
            if (!Objects.equals(a, b)) {
                settings.add(new Change(c.getName(), String.valueOf(a), String.valueOf(b)));
            }
        }
        Map<String, Integer> before = ranks(from);
        Map<String, Integer> after = ranks(to);
        List<PairChange> examples = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int reranked = 0;
        for (Map.Entry<String, Integer> e : after.entrySet()) {
            Integer old = before.get(e.getKey());
            if (old == null) {
                added++;
                example(examples, e.getKey(), "added", 0, e.getValue());
            } else if (!old.equals(e.getValue())) {
                reranked++;
                example(examples, e.getKey(), "reranked", old, e.getValue());
            }
        }
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                removed++;
                example(examples, e.getKey(), "removed", e.getValue(), 0);
            }
        }
        Map<String, RuleSet.Product> products = new HashMap<>();
        from.products().forEach(p -> products.put(p.sku(), p));
        to.products().forEach(p -> products.put(p.sku(), p));
        // the changes where they are seen most first: at the anchors in most orders
        examples.sort(Comparator.comparingInt((PairChange x) -> -ordersOf(products, x.anchor()))
                .thenComparing(PairChange::anchor).thenComparing(PairChange::placement)
                .thenComparingInt(x -> x.toRank() > 0 ? x.toRank() : x.fromRank())
                .thenComparing(PairChange::candidate));
        List<PairChange> shown = examples.subList(0, Math.min(EXAMPLES, examples.size())).stream()
                .map(x -> new PairChange(x.placement(), x.anchor(), x.candidate(), x.change(), x.fromRank(),
                        x.toRank(), titleOf(products, x.anchor()), titleOf(products, x.candidate())))
                .toList();
        Set<String> fromProducts = new HashSet<>(from.products().stream().map(RuleSet.Product::sku).toList());
        Set<String> toProducts = new HashSet<>(to.products().stream().map(RuleSet.Product::sku).toList());
        int productsAdded = (int) toProducts.stream().filter(s -> !fromProducts.contains(s)).count();
        int productsRemoved = (int) fromProducts.stream().filter(s -> !toProducts.contains(s)).count();
        return new RuleSetDiff(from.version(), to.version(), settings, added, removed, reranked,
                shown, symmetric(pins(from), pins(to)),
                symmetric(exclusions(from), exclusions(to)), productsAdded, productsRemoved);
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "placement\0anchor\0candidate" → 1-based rank by acceptance × price^w within the anchor's list. */
    private static Map<String, Integer> ranks(RuleSet rules) {
        Map<String, Double> prices = new HashMap<>();
        rules.products().forEach(p -> prices.put(p.sku(), p.price() == null ? 0 : p.price()));
        double w = rules.parameters().priceWeight();
        Map<String, RuleSet.CategoryEvidence> categories = new HashMap<>();
        rules.categories().forEach(c -> categories.put(c.name(), c));
        Map<String, Integer> ranks = new HashMap<>();
        for (RuleSet.Anchor anchor : rules.anchors()) {
            for (String placement : List.of("cart", "confirmation")) {
                Map<String, Double> notProbability = new HashMap<>();
                RuleSet.CategoryEvidence shared = anchor.backoff() == null ? null : categories.get(anchor.backoff());
                RuleSet.Evidence list = shared == null
                        ? (placement.equals("cart") ? anchor.cart() : anchor.confirmation())
                        : (placement.equals("cart") ? shared.cart() : shared.confirmation());
                for (int i = 0; list != null && i < list.size(); i++) {
                    RuleSet.Product candidate = rules.products().get(list.c()[i]);
                    if (!candidate.sku().equals(anchor.sku())) {
                        double p = list.acceptance(i, candidate.orders(), rules.parameters().orders(),
                                rules.parameters().smoothing(), rules.parameters().estimatorName());
                        notProbability.merge(candidate.sku(), 1 - p, (a, b) -> a * b);
                    }
                }
                List<String> ordered = new ArrayList<>(notProbability.keySet());
                ordered.sort((x, y) -> {
                    int cmp = Double.compare((1 - notProbability.get(y)) * StrictMath.pow(prices.get(y), w),
                            (1 - notProbability.get(x)) * StrictMath.pow(prices.get(x), w));
                    return cmp != 0 ? cmp : x.compareTo(y);
                });
                for (int i = 0; i < ordered.size(); i++) {
                    ranks.put(placement + "\u0000" + anchor.sku() + "\u0000" + ordered.get(i), i + 1);
                }
            }
        }
        return ranks;
    }

    private static void example(List<PairChange> examples, String key, String change, int from, int to) {
        String[] parts = key.split("\u0000");
        examples.add(new PairChange(parts[0], parts[1], parts[2], change, from, to, null, null));
    }

    private static int ordersOf(Map<String, RuleSet.Product> products, String sku) {
        RuleSet.Product product = products.get(sku);
        return product == null ? 0 : product.orders();
    }

    private static String titleOf(Map<String, RuleSet.Product> products, String sku) {
        RuleSet.Product product = products.get(sku);
        return product == null || product.title() == null || product.title().isBlank() ? null : product.title();
    }

    private static Set<String> pins(RuleSet rules) {
        Set<String> pins = new HashSet<>();
        rules.pins().forEach(p -> pins.add(p.placement() + " " + p.anchor() + " → " + String.join(", ", p.candidates())));
        return pins;
    }

    private static Set<String> exclusions(RuleSet rules) {
        Set<String> all = new HashSet<>();
        rules.exclusions().skus().forEach(s -> all.add("sku " + s));
        rules.exclusions().categories().forEach(c -> all.add("category " + c));
        rules.excludedCategoryPairs().forEach(p -> all.add("category pair " + p.from() + " → " + p.to()));
        return all;
    }

    private static List<String> symmetric(Set<String> from, Set<String> to) {
        List<String> changes = new ArrayList<>();
        to.stream().filter(x -> !from.contains(x)).sorted().forEach(x -> changes.add("+ " + x));
        from.stream().filter(x -> !to.contains(x)).sorted().forEach(x -> changes.add("- " + x));
        return changes;
    }
}
