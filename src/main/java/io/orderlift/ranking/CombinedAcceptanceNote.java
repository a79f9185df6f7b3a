package io.orderlift.ranking;

import java.util.Locale;

/**
 * The caveat a preview states for a long cart or order: the combined acceptance
 * {@code 1 − Π(1 − p(c|a))} counts each item as independent evidence, which the items of one order
 * are not, so on a long one it runs high (toward 100 %); it still ranks, and what the list earns is
 * what the backtest measures (docs/ranking.md).
 */
public final class CombinedAcceptanceNote {

    /** Items from which the caveat is stated. */
    public static final int FROM_ITEMS = 10;

    private CombinedAcceptanceNote() {
    }

    /** The caveat for a cart or order of {@code items} products shown on {@code placement}; empty below {@link #FROM_ITEMS}. */
    public static String forItems(Placement placement, int items) {
        if (items < FROM_ITEMS) {
            return "";
        }
        boolean cart = placement == Placement.CART;
        return String.format(Locale.ROOT, "On %s of %d items the combined acceptance, which counts each item as"
                        + " independent evidence, runs high: it ranks the %s; what they earn is what the backtest"
                        + " measures (Reports, orderlift backtest).", cart ? "a cart" : "an order", items,
                cart ? "recommendations" : "offers");
    }
}
