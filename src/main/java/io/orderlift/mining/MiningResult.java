package io.orderlift.mining;

import io.orderlift.store.PackedPairs;

/**
 * What one mining run found.
 *
 * @param settings            how it was mined
 * @param orders              N: orders with a non-empty item set
 * @param ordersEmpty         orders ignored for an empty item set
 * @param ordersOverMaxBasket orders ignored for a basket above the cap
 * @param lastOrderAt         T_last, epoch ms (Long.MIN_VALUE when there are no orders)
 * @param followCutoff        T_last − window: only orders up to here count for follow-on evidence
 * @param productOrders       orders(p) per product index
 * @param followBase          followBase(p) per product index
 * @param pairs               the pairs kept, packed per anchor
 * @param pairsDropped        pairs left out by {@code minCo}
 */
public record MiningResult(MiningSettings settings, int orders, int ordersEmpty, int ordersOverMaxBasket,
                           long lastOrderAt, long followCutoff, int[] productOrders, int[] followBase,
                           PackedPairs pairs, long pairsDropped) {
}
