package io.orderlift.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.orderlift.ruleset.evaluator.Answer;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;

/**
 * The companions a rule set shows across the shelf: every product alone in a cart, and alone as an
 * order just placed, answered as a storefront answers, with the companions counted over those lists.
 * Ranking by revenue per impression can put the same few products into nearly every list (on a
 * history of long baskets, what big orders hold clears every lift floor); the backtest scores each
 * list against its own order and does not see it, a merchandiser browsing the shop does. JSON names
 * ({@code publish --json} {@code sharedCompanions}) are read by outside checks.
 *
 * @param cart         the cart placement's lists
 * @param confirmation the confirmation page's lists
 */
public record SharedCompanions(Shelf cart, Shelf confirmation) {

    /** How many companions are named per placement. */
    static final int NAMED = 3;
    /** Below this many lists a placement's shelf says little: nothing is said of it. */
    static final int FEWEST_LISTS = 10;
    private static final Comparator<Companion> MOST_SHOWN_FIRST =
            Comparator.comparingInt(Companion::lists).reversed().thenComparing(Companion::sku);

    /**
     * One placement across the shelf.
     *
     * @param lists      how many products have a list of their own there (alone)
     * @param mostShown  up to {@link #NAMED} companions in the most of those lists, the most first
     */
    public record Shelf(int lists, List<Companion> mostShown) {

        /** Whether the most shown companion is in at least half of the lists (of enough lists to say so). */
        public boolean concentrated() {
            return lists >= FEWEST_LISTS && !mostShown.isEmpty() && inHalfOrMore(mostShown.get(0).lists(), lists);
        }
    }

    /** Whether a companion in {@code inLists} of {@code lists} lists fills half of them or more. */
    public static boolean inHalfOrMore(int inLists, int lists) {
        return 2L * inLists >= lists;
    }

    /** A companion and how many of a placement's lists hold it. */
    public record Companion(String sku, String title, int lists) {
    }

    /** Every product of {@code r} alone, in both placements, answered by the reference storefront evaluator. */
    public static SharedCompanions of(RuleSet r) {
        StorefrontEvaluator evaluator = new StorefrontEvaluator(r);
        return new SharedCompanions(shelf(r, evaluator, "cart"), shelf(r, evaluator, "confirmation"));
    }

    private static Shelf shelf(RuleSet r, StorefrontEvaluator evaluator, String placement) {
        Map<String, Integer> lists = new HashMap<>();
        int withList = 0;
        for (RuleSet.Product product : r.products()) {
            Answer answer = evaluator.evaluate(placement, List.of(new RuleSet.Item(product.sku(), 1)), 0);
            if (!answer.items().isEmpty()) {
                withList++;
                answer.items().forEach(item -> lists.merge(item.sku(), 1, Integer::sum));
            }
        }
        Map<String, String> titles = new HashMap<>();
        r.products().forEach(p -> titles.put(p.sku(), p.title() == null ? p.sku() : p.title()));
        List<Companion> most = lists.entrySet().stream()
                .map(e -> new Companion(e.getKey(), titles.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted(MOST_SHOWN_FIRST).limit(NAMED).toList();
        return new Shelf(withList, most);
    }

    /**
     * For people, of each placement whose most shown companion is in half its lists or more: "Alone in a
     * cart, 4,000 products get a list, and the same few companions fill most of them: Pastel Gold wall art
     * U15 (WHS-10306) is in 3,915, Retro Silver stationery V3 (WHS-10294) in 3,352 and Gingham Black
     * furniture I28 (WHS-11677) in 2,618. …" Empty when no placement is so concentrated.
     */
    public Optional<String> inWords() {
        List<String> sentences = new ArrayList<>();
        sentence("Alone in a cart, %,d products get a list", cart).ifPresent(sentences::add);
        sentence("As a one-item order, %,d products get one-tap offers", confirmation).ifPresent(sentences::add);
        if (sentences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", sentences) + " The backtest scores each list against its own order, not"
                + " the variety across the shelf: reject a companion in Pairs where it does not belong, or exclude it in"
                + " Exclusions where it belongs nowhere.");
    }

    private static Optional<String> sentence(String where, Shelf shelf) {
        if (!shelf.concentrated()) {
            return Optional.empty();
        }
        List<Companion> most = shelf.mostShown();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < most.size(); i++) {
            Companion c = most.get(i);
            named.add(String.format(Locale.ROOT, i == 0 ? "%s (%s) is in %,d" : "%s (%s) in %,d", c.title(), c.sku(),
                    c.lists()));
        }
        String list = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return Optional.of(String.format(Locale.ROOT, where, shelf.lists()) + ", and the same few companions fill most of"
                + " them: " + list + ".");
    }
}
