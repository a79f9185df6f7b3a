package io.orderlift.ruleset.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The reference for {@link StorefrontEvaluator#evaluate(String, List, int, Set)}'s unavailable SKUs: the
 * same rule set with those candidates taken out of every list and pin, by surgery on the file's columns.
 * Asking it without them must give the answer the evaluator gives with them.
 */
public final class WithoutCandidates {

    private WithoutCandidates() {
    }

    /** {@code rules} with no list entry and no pin of a SKU in {@code gone}. */
    public static RuleSet of(RuleSet rules, Set<String> gone) {
        List<RuleSet.Anchor> anchors = rules.anchors().stream().map(a -> new RuleSet.Anchor(a.sku(), a.backoff(),
                without(rules, a.cart(), gone), without(rules, a.confirmation(), gone))).toList();
        List<RuleSet.CategoryEvidence> categories = rules.categories().stream().map(c -> new RuleSet.CategoryEvidence(
                c.name(), without(rules, c.cart(), gone), without(rules, c.confirmation(), gone))).toList();
        List<RuleSet.Pin> pins = rules.pins().stream().map(p -> new RuleSet.Pin(p.placement(), p.anchor(),
                p.candidates().stream().filter(sku -> !gone.contains(sku)).toList())).toList();
        return new RuleSet(rules.schemaVersion(), rules.version(), rules.store(), rules.currency(), rules.publishedAt(),
                rules.note(), rules.contentHash(), rules.parameters(), rules.products(), anchors, categories, pins,
                rules.excludedCategoryPairs(), rules.exclusions(), rules.conformance());
    }

    /**
     * SKUs a storefront might call unavailable for {@code items}: about half of what the evaluator answers
     * without any (so the list must fill from further down), now and then one of the cart's own, and a SKU
     * the rule set does not know.
     */
    public static Set<String> pick(SplittableRandom random, Answer unfiltered, List<RuleSet.Item> items) {
        Set<String> picked = new TreeSet<>();
        unfiltered.items().stream().map(Answer.Item::sku).filter(sku -> random.nextBoolean()).forEach(picked::add);
        if (!items.isEmpty() && random.nextInt(4) == 0) {
            picked.add(items.get(random.nextInt(items.size())).sku());
        }
        picked.add("NOT-IN-THE-RULE-SET");
        return picked;
    }

    private static RuleSet.Evidence without(RuleSet rules, RuleSet.Evidence list, Set<String> gone) {
        if (list == null) {
            return null;
        }
        List<Integer> kept = new ArrayList<>();
        int sameOrder = 0;
        for (int i = 0; i < list.size(); i++) {
            if (!gone.contains(rules.products().get(list.c()[i]).sku())) {
                kept.add(i);
                sameOrder += i < list.sameOrder() ? 1 : 0;
            }
        }
        int[] c = kept.stream().mapToInt(i -> list.c()[i]).toArray();
        int[] co = kept.stream().mapToInt(i -> list.co()[i]).toArray();
        int[] follow = kept.stream().mapToInt(i -> list.follow()[i]).toArray();
        int[] approved = IntStream.range(0, kept.size()).filter(k -> list.isApproved(kept.get(k)))
                .toArray();
        return new RuleSet.Evidence(c, co, follow, sameOrder, list.total(), list.followTotal(), approved,
                list.category());
    }
}
