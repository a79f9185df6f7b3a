package io.orderlift.samples;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a store's order history from a {@link Recipe}: deterministic (the same seed and
 * settings give the same orders, byte for byte), streaming (memory does not grow with the number
 * of orders, so it can write 10 M-line stores for benchmarks), and in time order.
 *
 * <p>Each day has a seasonal number of orders. An order starts with one to three primary items
 * (category by weight, product by a Zipf-like popularity), gets the recipe's planted companions
 * and some filler, and may schedule a follow-on order by the same customer 3–30 days later or a
 * return. About half the orders come from returning customers; a few are guest checkouts.
 */
final class StoreGenerator {

    /** How many orders a day, on average, and how many products each generic category has. */
    record Settings(long seed, LocalDate start, int days, double ordersPerDay, int productsPerCategory) {
    }

    private static final double GUEST_SHARE = 0.06;
    private static final double RETURNING_SHARE = 0.5;

    private final Recipe recipe;
    private final Settings settings;
    private final SplittableRandom random;
    private final Map<String, Product> bySku = new HashMap<>();
    private final List<Product[]> categoryProducts = new ArrayList<>();
    private final List<double[]> categoryWeights = new ArrayList<>();
    private final double[] categoryChoice;
    private final List<Integer> consumableCategories = new ArrayList<>();
    private final List<String> customers = new ArrayList<>();
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>();
    private long nextCustomer = 1;
    private long nextOrder = 1;
    private long nextReturn = 1;
    private long sequence;

    /** An order decided earlier (a follow-on or a return) that happens at {@code epochSecond}. */
    private record Scheduled(long epochSecond, long sequence, String customer, List<GeneratedOrder.Line> lines,
                             boolean isReturn) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(epochSecond, other.epochSecond);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    StoreGenerator(Recipe recipe, Settings settings) {
        this.recipe = recipe;
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.categoryChoice = buildCatalog();
    }

    /** Every product of the store, planted ones included, in a stable order. */
    List<Product> catalog() {
        List<Product> all = new ArrayList<>();
        categoryProducts.forEach(ps -> all.addAll(List.of(ps)));
        for (Product p : recipe.planted) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    private double[] buildCatalog() {
        double[] cumulative = new double[recipe.categories.size()];
        double sum = 0;
        for (int c = 0; c < recipe.categories.size(); c++) {
            Recipe.Category category = recipe.categories.get(c);
            List<Product> products = new ArrayList<>();
            for (String sku : recipe.anchors) {
                Product anchor = plantedProduct(sku);
                if (anchor.category().equals(category.name())) {
                    products.add(anchor);
                }
            }
            for (int i = 0; i < settings.productsPerCategory(); i++) {
                products.add(genericProduct(category, i));
            }
            double[] weights = new double[products.size()];
            double w = 0;
            for (int i = 0; i < products.size(); i++) {
                w += 1.0 / Math.pow(i + 1, 1.1);
                weights[i] = w;
            }
            categoryProducts.add(products.toArray(new Product[0]));
            categoryWeights.add(weights);
            products.forEach(p -> bySku.put(p.sku(), p));
            if (category.consumable()) {
                consumableCategories.add(c);
            }
            sum += category.weight();
            cumulative[c] = sum;
        }
        recipe.planted.forEach(p -> bySku.putIfAbsent(p.sku(), p));
        return cumulative;
    }

    private Product plantedProduct(String sku) {
        return recipe.planted.stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
    }

    private static final String[] VARIANTS = {"", "Pro", "Lite", "Classic", "Plus", "Eco", "Max", "Mini", "Sport",
        "Studio", "Edge", "Prime"};

    private Product genericProduct(Recipe.Category category, int index) {
        String base = category.titles().get(index % category.titles().size());
        int round = index / category.titles().size();
        String variant = VARIANTS[round % VARIANTS.length];
        String title = variant.isEmpty() ? base : base + " " + variant;
        if (round >= VARIANTS.length) {
            title += " " + (round / VARIANTS.length + 1);
        }
        double logMin = Math.log(category.minPriceCents());
        double logMax = Math.log(category.maxPriceCents());
        long price = Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));
        price = Math.max(99, price / 100 * 100 + (random.nextBoolean() ? 99 : 0));
        long cost = Math.round(price * (0.35 + random.nextDouble() * 0.25));
        String sku = String.format("%s-%s-%03d", recipe.skuPrefix, category.code(), index + 1);
        return new Product(sku, title, category.name(), price, cost, category.consumable());
    }

    /** Generates every day's orders into {@code sink}. */
    void generate(OrderSink sink) throws IOException {
        double meanMonth = 0;
        for (double m : recipe.monthWeights) {
            meanMonth += m / 12;
        }
        for (int d = 0; d < settings.days(); d++) {
            LocalDate day = settings.start().plusDays(d);
            long dayStart = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            double rate = settings.ordersPerDay() * recipe.monthWeights[day.getMonthValue() - 1] / meanMonth
                    * (day.getDayOfWeek().getValue() >= 6 ? 1.2 : 0.92);
            int count = (int) Math.round(rate * (0.85 + 0.3 * random.nextDouble()));
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = dayStart + 7 * 3600 + random.nextInt(16 * 3600);
            }
            Arrays.sort(times);
            for (long time : times) {
                emitScheduledBefore(time, sink);
                sink.accept(baseOrder(time));
            }
            emitScheduledBefore(dayStart + 86_400, sink);
        }
    }

    private void emitScheduledBefore(long time, OrderSink sink) throws IOException {
        long end = settings.start().plusDays(settings.days()).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        while (!scheduled.isEmpty() && scheduled.peek().epochSecond() < time) {
            Scheduled s = scheduled.poll();
            if (s.epochSecond() >= end) {
                continue;
            }
            String id = s.isReturn() ? String.format("R%07d", nextReturn++) : String.format("O%07d", nextOrder++);
            sink.accept(new GeneratedOrder(id, s.customer(), s.epochSecond(), s.lines()));
        }
    }

    private GeneratedOrder baseOrder(long time) {
        String customer = pickCustomer();
        List<Product> cart = new ArrayList<>();
        double r = random.nextDouble();
        int primaries = r < 0.62 ? 1 : r < 0.9 ? 2 : 3;
        for (int i = 0; i < primaries; i++) {
            Product p = pickProduct(pickCategory());
            if (!cart.contains(p)) {
                cart.add(p);
            }
        }
        addCompanions(cart);
        if (random.nextDouble() < 0.12 && !consumableCategories.isEmpty()) {
            Product filler = pickProduct(consumableCategories.get(random.nextInt(consumableCategories.size())));
            if (!cart.contains(filler)) {
                cart.add(filler);
            }
        }
        List<GeneratedOrder.Line> lines = new ArrayList<>();
        for (Product p : cart) {
            lines.add(line(p, random.nextDouble() < 0.005 ? 60 + random.nextInt(240) : 0));
        }
        if (random.nextDouble() < 0.008) {
            GeneratedOrder.Line cancelled = lines.get(random.nextInt(lines.size()));
            lines.add(new GeneratedOrder.Line(cancelled.product(), -cancelled.quantity(), cancelled.unitPriceCents(),
                    cancelled.secondsLater() + 600));
        }
        if (!customer.isEmpty()) {
            scheduleFollowOns(customer, time, cart);
            if (random.nextDouble() < 0.01) {
                GeneratedOrder.Line bought = lines.get(0);
                if (bought.quantity() > 0) {
                    long at = time + (5 + random.nextInt(16)) * 86_400L + random.nextInt(36_000);
                    scheduled.add(new Scheduled(at, sequence++, customer, List.of(new GeneratedOrder.Line(
                            bought.product(), -bought.quantity(), bought.unitPriceCents(), 0)), true));
                }
            }
        }
        return new GeneratedOrder(String.format("O%07d", nextOrder++), customer, time, lines);
    }

    private void addCompanions(List<Product> cart) {
        List<Product> primaries = List.copyOf(cart);
        for (Recipe.Companion rule : recipe.companions) {
            if (!triggered(rule.trigger(), primaries)) {
                continue;
            }
            long total = cart.stream().mapToLong(Product::priceCents).sum();
            if (total < rule.minCartCents() || total >= rule.maxCartCents()) {
                continue;
            }
            if (rule.requiredCategory() != null
                    && primaries.stream().noneMatch(p -> p.category().equals(rule.requiredCategory()))) {
                continue;
            }
            Product companion = bySku.get(rule.companion());
            if (random.nextDouble() < rule.probability() && !cart.contains(companion)) {
                cart.add(companion);
            }
        }
    }

    private void scheduleFollowOns(String customer, long time, List<Product> cart) {
        Set<String> done = new HashSet<>();
        for (Recipe.FollowOn rule : recipe.followOns) {
            if (!triggered(rule.trigger(), cart) || !done.add(rule.companion())) {
                continue;
            }
            if (random.nextDouble() < rule.probability()) {
                long span = (rule.maxDays() - rule.minDays()) * 86_400L;
                long at = time + rule.minDays() * 86_400L + (long) (random.nextDouble() * span);
                List<GeneratedOrder.Line> lines = new ArrayList<>();
                lines.add(line(bySku.get(rule.companion()), 0));
                if (random.nextDouble() < 0.25) {
                    Product extra = pickProduct(pickCategory());
                    if (!extra.sku().equals(rule.companion())) {
                        lines.add(line(extra, 0));
                    }
                }
                scheduled.add(new Scheduled(at, sequence++, customer, lines, false));
            }
        }
    }

    private static boolean triggered(String trigger, List<Product> cart) {
        for (Product p : cart) {
            if (p.sku().equals(trigger) || p.category().equals(trigger)) {
                return true;
            }
        }
        return false;
    }

    private GeneratedOrder.Line line(Product p, int secondsLater) {
        int quantity = p.consumable() ? 1 + (random.nextDouble() < 0.35 ? 1 + random.nextInt(2) : 0)
                : random.nextDouble() < 0.04 ? 2 : 1;
        double d = random.nextDouble();
        long price = d < 0.04 ? Math.round(p.priceCents() * 0.8) : d < 0.14 ? Math.round(p.priceCents() * 0.9)
                : p.priceCents();
        return new GeneratedOrder.Line(p, quantity, price, secondsLater);
    }

    private String pickCustomer() {
        if (random.nextDouble() < GUEST_SHARE) {
            return "";
        }
        if (!customers.isEmpty() && random.nextDouble() < RETURNING_SHARE) {
            return customers.get(random.nextInt(customers.size()));
        }
        String id = String.format("C%07d", nextCustomer++);
        customers.add(id);
        return id;
    }

    private int pickCategory() {
        double x = random.nextDouble() * categoryChoice[categoryChoice.length - 1];
        for (int c = 0; c < categoryChoice.length; c++) {
            if (x < categoryChoice[c]) {
                return c;
            }
        }
        return categoryChoice.length - 1;
    }

    private Product pickProduct(int category) {
        double[] weights = categoryWeights.get(category);
        double x = random.nextDouble() * weights[weights.length - 1];
        int i = Arrays.binarySearch(weights, x);
        return categoryProducts.get(category)[i >= 0 ? i : -i - 1];
    }
}
