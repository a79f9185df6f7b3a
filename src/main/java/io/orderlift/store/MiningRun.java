package io.orderlift.store;

import java.time.Instant;

import io.orderlift.common.Counted;

/**
 * A stored mining run: when, with which settings, and what it counted. JSON names are read by
 * outside checks.
 *
 * @param id                  the run's id
 * @param startedAt           when mining started
 * @param durationMs          how long reading the order lines and counting the pairs took
 * @param windowDays          the follow-on window
 * @param maxBasket           the basket cap, 0 for none
 * @param minCo               the storage floor for pair counts, 1 for none
 * @param orders              N: orders with a non-empty item set
 * @param ordersEmpty         orders ignored for an empty item set
 * @param ordersOverMaxBasket orders ignored for a basket above the cap
 * @param lastOrderAt         T_last, or null without orders
 * @param followCutoff        T_last − window, or null without orders
 * @param products            products in the catalog when mined
 * @param pairs               pairs stored
 * @param pairsDropped        pairs left out by {@code minCo}
 */
public record MiningRun(int id, Instant startedAt, long durationMs, int windowDays, int maxBasket, int minCo,
                        int orders, int ordersEmpty, int ordersOverMaxBasket, Instant lastOrderAt,
                        Instant followCutoff, int products, long pairs, long pairsDropped) {

    /** "13,725,714 pairs from 19,384 orders", as the overview and the mining notification say it. */
    public String pairsFromOrders() {
        return Counted.of(pairs, "pair") + " from " + Counted.of(orders, "order");
    }
}
