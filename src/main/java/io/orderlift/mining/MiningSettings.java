package io.orderlift.mining;

/**
 * How to mine.
 *
 * @param windowDays follow-on window: a later order of the same customer counts when it is at most
 *                   this many days (× 24 h) after the anchor order
 * @param maxBasket  orders whose item set has more SKUs than this are ignored entirely; 0 = no cap
 * @param minCo      pairs whose same-order and follow-on counts are both below this are not stored;
 *                   1 keeps every pair with any evidence
 */
public record MiningSettings(int windowDays, int maxBasket, int minCo) {

    public static final int DEFAULT_WINDOW_DAYS = 30;

    public MiningSettings {
        if (windowDays < 0) {
            throw new IllegalArgumentException("--window-days must be ≥ 0, not " + windowDays);
        }
        if (maxBasket < 0) {
            throw new IllegalArgumentException("--max-basket must be ≥ 1 (or 0 for no cap), not " + maxBasket);
        }
        if (minCo < 1) {
            throw new IllegalArgumentException("--min-co must be ≥ 1, not " + minCo);
        }
    }

    /** The defaults: a 30-day window, no caps. */
    public static MiningSettings defaults() {
        return new MiningSettings(DEFAULT_WINDOW_DAYS, 0, 1);
    }

    public MiningSettings withWindowDays(int days) {
        return new MiningSettings(days, maxBasket, minCo);
    }

    /** The window in milliseconds. */
    public long windowMillis() {
        return windowDays * 86_400_000L;
    }
}
