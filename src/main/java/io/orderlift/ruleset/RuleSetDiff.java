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
import java.util.TreeSet;

import io.orderlift.common.Counted;
import io.orderlift.ruleset.evaluator.RuleSet;

/**
 * What changed between two rule sets: settings, pairs added and removed, pairs re-ranked in their
 * anchor's list (the fewest of those in both versions whose moves explain the new order), pins,
 * exclusions and products.
 * Pairs are compared per placement, anchor and candidate; an anchor's list is ranked by
 * {@code acceptance × price^w} (its single-anchor answer).
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
     * A pair that appeared ({@code added}), disappeared ({@code removed}) or moved among the pairs in
     * both versions ({@code reranked}: not one that only shifted because another jumped over it).
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
            return placement + " · " + named(anchorTitle, anchor) + ": " + named(candidateTitle, candidate) + " "
                    + move;
        }

        private static String named(String title, String sku) {
            return title == null ? sku : title + " (" + sku + ")";
        }
    }

    /**
     * The pair counts for a person, saying when the listed changes are only some of them:
     * "102 pairs added, 138 removed, 0 re-ranked (the 30 listed are at the best-selling anchors)".
     */
    public String countsInWords() {
        int pairs = pairsAdded + pairsRemoved + pairsReranked;
        return String.format("%s added, %,d removed, %,d re-ranked%s", Counted.of(pairsAdded, "pair"), pairsRemoved,
                pairsReranked, pairs > examples.size()
                        ? String.format(" (the %d listed are at the best-selling anchors)", examples.size()) : "");
    }

    /** One line per changed setting, pin and exclusion, then one per listed pair change. */
    public List<String> changesInWords() {
        List<String> lines = new ArrayList<>();
        settings.forEach(c -> lines.add("Setting " + c.name() + ": " + c.from() + " → " + c.to()));
        pinsChanged.forEach(x -> lines.add("Pin " + addedOrRemoved(x)));
        exclusionsChanged.forEach(x -> lines.add("Exclusion " + addedOrRemoved(x)));
        examples.forEach(x -> lines.add(x.inWords()));
        return lines;
    }

    /** "+ sku X" as "added: sku X", "- sku X" as "removed: sku X". */
    private static String addedOrRemoved(String change) {
        return (change.startsWith("+ ") ? "added: " : "removed: ") + change.substring(2);
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
        Map<String, List<String>> before = lists(from);
        Map<String, List<String>> after = lists(to);
        List<PairChange> examples = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            compare(key, before.getOrDefault(key, List.of()), after.getOrDefault(key, List.of()), examples);
        }
        int added = count(examples, "added");
        int removed = count(examples, "removed");
        int reranked = count(examples, "reranked");
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

    /** "placement\0anchor" → the anchor's candidates, best first by acceptance × price^w. */
    private static Map<String, List<String>> lists(RuleSet rules) {
        Map<String, Double> prices = new HashMap<>();
        rules.products().forEach(p -> prices.put(p.sku(), p.price() == null ? 0 : p.price()));
        double w = rules.parameters().priceWeight();
        Map<String, RuleSet.CategoryEvidence> categories = new HashMap<>();
        rules.categories().forEach(c -> categories.put(c.name(), c));
        Map<String, List<String>> lists = new HashMap<>();
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
                Map<String, Double> score = new HashMap<>();
                notProbability.forEach((c, q) -> score.put(c, (1 - q) * StrictMath.pow(prices.get(c), w)));
                List<String> ordered = new ArrayList<>(score.keySet());
                ordered.sort((x, y) -> {
                    int cmp = Double.compare(score.get(y), score.get(x));
                    return cmp != 0 ? cmp : x.compareTo(y);
                });
                if (!ordered.isEmpty()) {
                    lists.put(placement + "\u0000" + anchor.sku(), ordered);
                }
            }
        }
        return lists;
    }

    /**
     * The changes of one anchor's list: candidates added and removed, and those re-ranked — the
     * fewest of the candidates in both lists whose moves explain their new order. A candidate that
     * only shifts because one above it left, came in or jumped over it is not re-ranked: the list
     * around it changed, not its place.
     */
    private static void compare(String key, List<String> before, List<String> after, List<PairChange> into) {
        String[] parts = key.split("\u0000");
        Set<String> kept = new HashSet<>(before);
        kept.retainAll(after);
        Set<String> moved = moved(before, after);
        for (int i = 0; i < after.size(); i++) {
            String c = after.get(i);
            if (!kept.contains(c)) {
                into.add(new PairChange(parts[0], parts[1], c, "added", 0, i + 1, null, null));
            } else if (moved.contains(c)) {
                into.add(new PairChange(parts[0], parts[1], c, "reranked", before.indexOf(c) + 1, i + 1, null, null));
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (!kept.contains(before.get(i))) {
                into.add(new PairChange(parts[0], parts[1], before.get(i), "removed", i + 1, 0, null, null));
            }
        }
    }

    /**
     * Of the candidates in both {@code before} and {@code after}, those outside a longest run that
     * kept its order: the fewest whose moves turn the old order into the new one.
     */
    static Set<String> moved(List<String> before, List<String> after) {
        Map<String, Integer> oldPosition = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            oldPosition.put(before.get(i), i);
        }
        List<String> kept = after.stream().filter(oldPosition::containsKey).toList();
        int n = kept.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int end = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (oldPosition.get(kept.get(j)) < oldPosition.get(kept.get(i)) && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (end < 0 || length[i] > length[end]) {
                end = i;
            }
        }
        Set<String> moved = new HashSet<>(kept);
        for (int i = end; i >= 0; i = previous[i]) {
            moved.remove(kept.get(i));
        }
        return moved;
    }

    private static int count(List<PairChange> changes, String change) {
        return (int) changes.stream().filter(x -> x.change().equals(change)).count();
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
