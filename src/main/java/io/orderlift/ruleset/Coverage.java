package io.orderlift.ruleset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.orderlift.common.Counted;
import io.orderlift.ruleset.evaluator.RuleSet;

/**
 * How many of a rule set's products recommend something on their own, per placement (their own
 * list, their category's when they back off, or a pinned companion), and the most bought of those that
 * recommend nothing:
 * alone in a cart they get no recommendation. JSON names ({@code publish --json} {@code coverage}) are
 * read by outside checks.
 *
 * @param products          the products the rule set lists
 * @param listed            those with a list in either placement
 * @param cart              those with a cart list
 * @param confirmation      those with one-tap offers
 * @param mostBoughtWithout up to {@link #NAMED} products with neither, the most bought first, as "title
 *                          (SKU, N orders)"
 */
public record Coverage(int products, int listed, int cart, int confirmation, List<String> mostBoughtWithout) {

    /** How many products without a list are named. */
    static final int NAMED = 3;

    /** The coverage of {@code r}. */
    public static Coverage of(RuleSet r) {
        return named(r).coverage();
    }

    /**
     * The coverage of {@code r} with the products its {@link #mostBoughtWithout} names (for links to
     * them), worked out in one pass over the rule set.
     */
    public static Named named(RuleSet r) {
        Listed lists = Listed.of(r);
        Set<String> listed = lists.any();
        List<RuleSet.Product> without = r.products().stream().filter(p -> !listed.contains(p.sku()))
                .sorted(Comparator.comparingInt(RuleSet.Product::orders).reversed().thenComparing(RuleSet.Product::sku))
                .limit(NAMED).toList();
        List<String> named = without.stream()
                .map(p -> String.format(Locale.ROOT, "%s (%s, %s)", p.title() == null ? p.sku() : p.title(),
                        p.sku(), Counted.of(p.orders(), "order")))
                .collect(Collectors.toList());
        return new Named(new Coverage(r.products().size(), listed.size(), lists.cart().size(),
                lists.confirmation().size(), named), without);
    }

    /**
     * A rule set's coverage and the most bought products without a list it names, as products.
     *
     * @param withoutList the products of {@link Coverage#mostBoughtWithout}, in its order
     */
    public record Named(Coverage coverage, List<RuleSet.Product> withoutList) {
    }

    /** The SKUs with a list of their own in the cart, on the confirmation page, and in either. */
    private record Listed(Set<String> cart, Set<String> confirmation, Set<String> any) {

        static Listed of(RuleSet r) {
            Map<String, RuleSet.CategoryEvidence> categories = new HashMap<>();
            r.categories().forEach(c -> categories.put(c.name(), c));
            Set<String> inCart = new HashSet<>();
            Set<String> onConfirmation = new HashSet<>();
            for (RuleSet.Anchor a : r.anchors()) {
                RuleSet.CategoryEvidence via = a.backoff() == null ? null : categories.get(a.backoff());
                if (size(via == null ? a.cart() : via.cart()) > 0) {
                    inCart.add(a.sku());
                }
                if (size(via == null ? a.confirmation() : via.confirmation()) > 0) {
                    onConfirmation.add(a.sku());
                }
            }
            // a pinned companion is a list too, whatever the evidence
            for (RuleSet.Pin pin : r.pins()) {
                if (!pin.candidates().isEmpty()) {
                    (pin.placement().equals("cart") ? inCart : onConfirmation).add(pin.anchor());
                }
            }
            Set<String> listed = new HashSet<>(inCart);
            listed.addAll(onConfirmation);
            return new Listed(inCart, onConfirmation, listed);
        }
    }

    /**
     * For people: "107 of 204 products recommend something on their own (106 in the cart, 107 on the
     * confirmation page). The 97 others get nothing alone, the most bought first: Filter cartridges, 3
     * pack (KIT-JUG-FILTERS, 275 orders), …, …, … No pair of theirs clears the profile's floors or the
     * curation: the cart preview says why, and a pin gives one a list." Empty when every product has
     * both lists.
     */
    public Optional<String> inWords() {
        if (cart == products && confirmation == products) {
            return Optional.empty();
        }
        String both = String.format(Locale.ROOT, "%,d of %,d products recommend something on their own (%,d in the"
                + " cart, %,d on the confirmation page).", listed, products, cart, confirmation);
        int others = products - listed;
        if (others == 0) {
            return Optional.of(both);
        }
        if (others == 1) {
            return Optional.of(both + " The other one gets nothing alone: " + mostBoughtWithout.get(0) + ". No pair"
                    + " of its clears the profile's floors or the curation: the cart preview says why, and a pin gives"
                    + " it a list.");
        }
        int last = mostBoughtWithout.size() - 1;
        // every one named: "A, B and C"; more than are named: "A, B, C, …"
        String named = others > mostBoughtWithout.size() ? String.join(", ", mostBoughtWithout) + ", …"
                : String.join(", ", mostBoughtWithout.subList(0, last)) + " and " + mostBoughtWithout.get(last);
        return Optional.of(String.format(Locale.ROOT, "%s The %,d others get nothing alone, the most bought first:"
                + " %s%s No pair of theirs clears the profile's floors or the curation: the cart preview says why, and"
                + " a pin gives one a list.", both, others, named, named.endsWith("…") ? "" : "."));
    }

    /** The entries of a list; 0 for none. */
    static int size(RuleSet.Evidence list) {
        return list == null ? 0 : list.size();
    }
}
