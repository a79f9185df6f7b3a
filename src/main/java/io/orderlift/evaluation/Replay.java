package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderlift.ranking.Placement;
import io.orderlift.store.OrderHistory;

/** Replays orders against a policy and scores what it would have earned. */
final class Replay {

    private final long window;
    private final Map<Integer, List<OrderLog.Order>> byCustomer = new HashMap<>();

    Replay(OrderLog log, long window) {
        this.window = window;
        for (OrderLog.Order o : log.orders()) {
            if (o.customer() >= 0) {
                byCustomer.computeIfAbsent(o.customer(), k -> new ArrayList<>()).add(o);
            }
        }
    }

    /**
     * @param horizon purchases at or after this time are not known (the end of the validation period)
     */
    PolicyResult run(Placement placement, List<Backtest.Order> orders, long horizon, Backtest.Policy policy, int k,
                     String name, Double w, List<OrderHistory.CatalogEntry> catalog) {
        Map<Integer, Double> prices = new HashMap<>();
        catalog.forEach(p -> {
            if (p.price() != null) {
                prices.put(p.id(), p.price().doubleValue());
            }
        });
        long impressions = 0;
        long hits = 0;
        double revenue = 0;
        Set<Integer> shown = new HashSet<>();
        long lastKnown = Math.min(horizon, Long.MAX_VALUE);
        long periodEnd = orders.isEmpty() ? 0 : orders.get(orders.size() - 1).time();
        for (Backtest.Order order : orders) {
            if (placement == Placement.CART) {
                if (order.items().length < 2) {
                    continue;
                }
                for (int hidden = 0; hidden < order.items().length; hidden++) {
                    int[] rest = without(order.items(), hidden);
                    int[] restQuantities = without(order.quantities(), hidden);
                    int[] shownNow = policy.recommend(placement, rest, restQuantities, k);
                    impressions += shownNow.length;
                    for (int c : shownNow) {
                        shown.add(c);
                        if (c == order.items()[hidden]) {
                            hits++;
                            revenue += prices.getOrDefault(c, 0.0);
                        }
                    }
                }
            } else {
                long end = order.time() + window;
                boolean complete = horizon == Long.MAX_VALUE ? end <= periodEnd : end < lastKnown;
                if (order.customer() < 0 || !complete) {
                    continue;
                }
                Set<Integer> later = new HashSet<>();
                for (OrderLog.Order o : byCustomer.getOrDefault(order.customer(), List.of())) {
                    if (o.time() > order.time() && o.time() <= end && o.time() < lastKnown) {
                        for (int item : o.items()) {
                            later.add(item);
                        }
                    }
                }
                int[] shownNow = policy.recommend(placement, order.items(), order.quantities(), k);
                impressions += shownNow.length;
                for (int c : shownNow) {
                    shown.add(c);
                    if (later.contains(c)) {
                        hits++;
                        revenue += prices.getOrDefault(c, 0.0);
                    }
                }
            }
        }
        return new PolicyResult(name, w, impressions, hits, impressions == 0 ? 0 : (double) hits / impressions,
                impressions == 0 ? 0 : revenue / impressions, hits == 0 ? 0 : revenue / hits,
                prices.isEmpty() ? 0 : (double) shown.size() / prices.size());
    }

    private static int[] without(int[] values, int index) {
        int[] rest = new int[values.length - 1];
        System.arraycopy(values, 0, rest, 0, index);
        System.arraycopy(values, index + 1, rest, index, values.length - index - 1);
        return rest;
    }
}
