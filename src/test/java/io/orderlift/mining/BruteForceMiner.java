package io.orderlift.mining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DESIGN.md's mining rules written as literally as possible with sets and maps: slow, obviously
 * correct, the reference the real miner is checked against.
 */
final class BruteForceMiner {

    record Line(int order, int customer, long time, int product, int quantity) {
    }

    record Pair(int co, int follow, int customers) {
    }

    record Result(int n, Map<Integer, Integer> orders, Map<Integer, Integer> followBase,
                  Map<List<Integer>, Pair> pairs) {
    }

    private record Order(int customer, long time, Set<Integer> items) {
    }

    static Result mine(List<Line> lines, int productCount, MiningSettings settings) {
        Map<Integer, List<Line>> byOrder = new LinkedHashMap<>();
        for (Line line : lines) {
            byOrder.computeIfAbsent(line.order(), k -> new ArrayList<>()).add(line);
        }
        List<Order> orders = new ArrayList<>();
        for (List<Line> orderLines : byOrder.values()) {
            Map<Integer, Integer> net = new TreeMap<>();
            long time = Long.MAX_VALUE;
            int customer = -1;
            for (Line l : orderLines) {
                net.merge(l.product(), l.quantity(), Integer::sum);
                time = Math.min(time, l.time());
                if (customer < 0) {
                    customer = l.customer();
                }
            }
            Set<Integer> items = new HashSet<>();
            net.forEach((p, q) -> {
                if (q > 0) {
                    items.add(p);
                }
            });
            if (!items.isEmpty() && (settings.maxBasket() == 0 || items.size() <= settings.maxBasket())) {
                orders.add(new Order(customer, time, items));
            }
        }
        long lastOrderAt = orders.stream().mapToLong(Order::time).max().orElse(Long.MIN_VALUE);
        long window = settings.windowDays() * 24L * 3600 * 1000;
        long cutoff = lastOrderAt - window;
        Map<Integer, Integer> ordersOf = new HashMap<>();
        Map<Integer, Integer> followBase = new HashMap<>();
        for (int p = 0; p < productCount; p++) {
            ordersOf.put(p, 0);
            followBase.put(p, 0);
        }
        Map<List<Integer>, Integer> co = new HashMap<>();
        Map<List<Integer>, Integer> follow = new HashMap<>();
        Map<List<Integer>, Set<Integer>> customers = new HashMap<>();
        for (Order o : orders) {
            for (int a : o.items()) {
                ordersOf.merge(a, 1, Integer::sum);
                for (int c : o.items()) {
                    if (a != c) {
                        co.merge(List.of(a, c), 1, Integer::sum);
                        customers.computeIfAbsent(List.of(a, c), k -> new HashSet<>());
                        if (o.customer() >= 0) {
                            customers.get(List.of(a, c)).add(o.customer());
                        }
                    }
                }
                if (o.customer() >= 0 && o.time() <= cutoff) {
                    followBase.merge(a, 1, Integer::sum);
                    Set<Integer> later = new HashSet<>();
                    for (Order other : orders) {
                        if (other.customer() == o.customer() && other.time() > o.time()
                                && other.time() <= o.time() + window) {
                            for (int c : other.items()) {
                                if (!o.items().contains(c)) {
                                    later.add(c);
                                }
                            }
                        }
                    }
                    for (int c : later) {
                        follow.merge(List.of(a, c), 1, Integer::sum);
                        customers.computeIfAbsent(List.of(a, c), k -> new HashSet<>()).add(o.customer());
                    }
                }
            }
        }
        Map<List<Integer>, Pair> pairs = new HashMap<>();
        Set<List<Integer>> keys = new HashSet<>(co.keySet());
        keys.addAll(follow.keySet());
        for (List<Integer> key : keys) {
            int coCount = co.getOrDefault(key, 0);
            int followCount = follow.getOrDefault(key, 0);
            if (Math.max(coCount, followCount) >= settings.minCo()) {
                pairs.put(key, new Pair(coCount, followCount, customers.get(key).size()));
            }
        }
        return new Result(orders.size(), ordersOf, followBase, pairs);
    }

    private BruteForceMiner() {
    }
}
