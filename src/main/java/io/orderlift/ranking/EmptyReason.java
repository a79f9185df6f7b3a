package io.orderlift.ranking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.orderlift.common.PlainNumbers;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Why a placement shows nothing for a cart or order, in words a merchandiser can act on. JSON names
 * are read by outside checks.
 *
 * @param reason what kept the list empty: the first of {@link Reason}'s that holds
 * @param text   the same as a sentence naming the product, the counts and the setting involved
 */
public record EmptyReason(Reason reason, String text) {

    /** What kept a list empty, in the order they are checked. */
    public enum Reason {
        /** None of the items is in the last mining run (imported since, or unknown). */
        NOT_MINED,
        /** Nothing was bought with them, in the evidence the placement uses. */
        NO_PAIRS,
        /** Their only pairs are backed by fewer customers than the profile's privacy floor. */
        MIN_CUSTOMERS,
        /** Every pair of theirs was seen in fewer orders than the profile's min evidence. */
        MIN_EVIDENCE,
        /** The pairs with enough evidence make no product likelier than min lift × its usual rate. */
        MIN_LIFT,
        /** Candidates passed the floors; curation or the price ceilings kept every one off. */
        RULES,
        /** Every candidate is in the cart or order already. */
        IN_CART
    }

    /**
     * Explains an empty list for the cart's known products {@code anchors} (model ids), given the
     * candidates the rules kept off it ({@code removed}).
     */
    static EmptyReason of(RankingModel model, ContributionLists lists, WeightingProfile profile, Placement placement,
                          IntArrayList anchors, List<Removed> removed) {
        if (anchors.isEmpty()) {
            return new EmptyReason(Reason.NOT_MINED, "None of these products is in the last mining run: mine the store"
                    + " again to include them.");
        }
        String subject = anchors.size() == 1 ? name(model, anchors.getInt(0))
                : placement == Placement.CART ? "the cart's products" : "the order's products";
        int best = 0;
        boolean pastFloors = false;
        boolean underCustomerFloor = false;
        for (int i = 0; i < anchors.size(); i++) {
            ContributionLists.FloorReach reach = lists.reach(placement, anchors.getInt(i));
            best = Math.max(best, reach.bestEvidence());
            pastFloors |= reach.pastFloors();
            underCustomerFloor |= reach.underCustomerFloor();
        }
        String borrowed = anchors.size() == 1 && lists.backsOff(anchors.getInt(0))
                ? String.format(Locale.ROOT, " (in fewer than %d orders, it speaks through its category, %s)",
                profile.backoffBelowOrders(), model.categoryName(anchors.getInt(0))) : "";
        if (best == 0 && underCustomerFloor) {
            return new EmptyReason(Reason.MIN_CUSTOMERS, String.format(Locale.ROOT, "The pairs of %s%s are each"
                    + " backed by fewer than %d known customers (a guest order counts none): too few to use without"
                    + " revealing what one customer bought (the profile's privacy floor).", subject, borrowed,
                    model.minCustomers()));
        }
        if (best == 0) {
            return new EmptyReason(Reason.NO_PAIRS, "Nothing else was bought " + evidenceWords(placement, profile)
                    + " " + subject + borrowed + " in the mined orders.");
        }
        if (best < profile.minEvidence()) {
            return new EmptyReason(Reason.MIN_EVIDENCE, String.format(Locale.ROOT, "The strongest pair of %s%s was seen"
                    + " in %d %s; the profile's min evidence is %d, so none is used. Lower it in the Weighting tab"
                    + " (or profile --min-evidence) to use weaker pairs.", subject, borrowed, best,
                    best == 1 ? "order" : "orders", profile.minEvidence()));
        }
        if (!pastFloors) {
            return new EmptyReason(Reason.MIN_LIFT, String.format(Locale.ROOT, "The pairs of %s%s with enough evidence"
                    + " make no product likelier than %s× its usual rate (the profile's min lift).", subject, borrowed,
                    PlainNumbers.of(profile.minLift())));
        }
        if (!removed.isEmpty()) {
            Map<String, Long> byRule = removed.stream().collect(Collectors.groupingBy(
                    r -> RankingRule.ofJsonName(r.rule()).words(), TreeMap::new, Collectors.counting()));
            return new EmptyReason(Reason.RULES, "Every candidate with enough evidence is kept off by a rule: "
                    + byRule.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        return new EmptyReason(Reason.IN_CART, "Every product with enough evidence is in the "
                + (placement == Placement.CART ? "cart" : "order") + " already.");
    }

    private static String name(RankingModel model, int product) {
        String title = model.title(product);
        return title == null || title.isBlank() ? model.sku(product) : title.strip().replaceAll("\\s+", " ");
    }

    private static String evidenceWords(Placement placement, WeightingProfile profile) {
        if (placement == Placement.CART) {
            return "in the same order as";
        }
        return profile.confirmationEvidence() == ConfirmationEvidence.BOTH
                ? "in the same order as, or by the same customer within the follow-on window after,"
                : "by the same customer within the follow-on window after";
    }
}
