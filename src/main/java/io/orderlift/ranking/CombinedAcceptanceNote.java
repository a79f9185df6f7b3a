package io.orderlift.ranking;

import java.util.List;
import java.util.Locale;

/**
 * The caveat a preview states for a long cart or order: the combined acceptance
 * {@code 1 − Π(1 − p(c|a))} counts each item as independent evidence, which the items of one order
 * are not, so on a long one it runs high (toward 100 %); it still ranks, and what the list earns is
 * what the backtest measures (docs/ranking.md). Stated from {@link #FROM_ITEMS} items, and on a
 * shorter cart wherever a recommendation shown reads as more likely than not ({@link #HIGH} or more)
 * and owes at least half of it to the combination (it is at least {@link #COMBINED_OVER_STRONGEST}
 * times its strongest single anchor's).
 */
public final class CombinedAcceptanceNote {

    /** Items from which the caveat is stated. */
    public static final int FROM_ITEMS = 10;
    /** How many times its strongest anchor's acceptance a shown item's combined one reaches for the caveat. */
    public static final double COMBINED_OVER_STRONGEST = 2;
    /** The combined acceptance from which a person reads a recommendation as likely to be bought. */
    public static final double HIGH = 0.5;

    private CombinedAcceptanceNote() {
    }

    /**
     * The caveat for a cart or order of {@code items} products whose list on {@code placement} is
     * {@code shown}: empty below {@link #FROM_ITEMS} items unless an item shown reads as likely to be
     * bought on the strength of the combination more than of any one anchor.
     */
    public static String forList(Placement placement, int items, List<Recommendation> shown) {
        return items >= FROM_ITEMS || shown.stream().anyMatch(CombinedAcceptanceNote::combinationCarries)
                ? said(placement, items) : "";
    }

    /**
     * Whether {@code r}'s acceptance is {@link #HIGH} or more and at least {@link #COMBINED_OVER_STRONGEST}
     * times its strongest anchor's.
     */
    static boolean combinationCarries(Recommendation r) {
        double strongest = r.anchors().stream().mapToDouble(AnchorEvidence::acceptance).max().orElse(0);
        return r.anchors().size() > 1 && r.acceptance() >= HIGH && r.acceptance() >= COMBINED_OVER_STRONGEST * strongest;
    }

    private static String said(Placement placement, int items) {
        boolean cart = placement == Placement.CART;
        return String.format(Locale.ROOT, "On %s of %d items the combined acceptance, which counts each item as"
                        + " independent evidence, runs high: it ranks the %s; what they earn is what the backtest"
                        + " measures (Reports, orderlift backtest).", cart ? "a cart" : "an order", items,
                cart ? "recommendations" : "offers");
    }
}
