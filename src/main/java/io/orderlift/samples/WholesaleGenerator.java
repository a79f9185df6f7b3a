package io.orderlift.samples;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates the order history of a giftware wholesaler, the shape of a real store: thousands of
 * SKUs with Zipf-like popularity and a wide price spread (most items cheap, a long tail of
 * expensive ones), long heavy-tailed baskets (about 25 distinct items on average, a few bulk orders
 * over 1,000), a few thousand trade customers of whom many reorder within weeks, guests, whole-order
 * cancellations and partial returns as negative lines. Deterministic and streaming, in time order.
 *
 * <p>Planted structure ({@link #PLANTED_THEMES} themes, {@link #FOLLOW_ON_THEMES} follow-on
 * themes) is described in {@link #plantedNotes()} and the store's README.
 */
final class WholesaleGenerator {

    /** How big to make it. */
    record Settings(long seed, LocalDate start, int days, int products, int customers, double ordersPerDay) {
    }

    static final int PLANTED_THEMES = 12;
    static final int FOLLOW_ON_THEMES = 8;
    static final double CHEAP_COMPANION_RATE = 0.12;
    static final double PREMIUM_COMPANION_RATE = 0.05;
    static final double FOLLOW_ON_RATE = 0.30;
    static final double GUEST_SHARE = 0.08;
    static final double CANCELLED_SHARE = 0.015;
    static final double RETURN_SHARE = 0.02;
    static final double BULK_SHARE = 0.0012;

    private static final String[] CATEGORIES = {"Candles", "Mugs", "Bags", "Signs", "Ornaments", "Cards", "Lanterns",
        "Frames", "Tins", "Textiles", "Clocks", "Stationery", "Kitchenware", "Garden", "Toys", "Jewellery", "Lighting",
        "Baskets", "Ceramics", "Party", "Wall art", "Storage", "Cushions", "Furniture"};
    private static final String[] ADJECTIVES = {"Vintage", "Rustic", "Heart", "Floral", "Retro", "Spotty", "Gingham",
        "Woodland", "Regency", "Paisley", "Christmas", "Glass", "Enamel", "Zinc", "Antique", "Pastel", "Striped",
        "Hanging", "Mini", "Jumbo", "Scandi", "Botanical", "Lace", "Polkadot", "Union Jack", "Birdhouse", "Owl", "Star"};
    private static final String[] COLOURS = {"Red", "Pink", "Blue", "Ivory", "Green", "Black", "White", "Silver",
        "Gold", "Natural", "Cream", "Mint"};

    private final Settings settings;
    private final SplittableRandom random;
    private final Product[] products;
    private final double[] popularity;
    private final int[] byCategory;
    private final int[] categoryStart;
    private final double[] customerWeight;
    private final int[][] customerCategories;
    private final int[] themeAnchor = new int[PLANTED_THEMES];
    private final int[] themeCheap = new int[PLANTED_THEMES];
    private final int[] themePremium = new int[PLANTED_THEMES];
    private final int[] followAnchor = new int[FOLLOW_ON_THEMES];
    private final int[] followRefill = new int[FOLLOW_ON_THEMES];
    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>();
    private long nextOrder = 536_000;
    private long sequence;

    /** An order decided earlier (a follow-on, a cancellation or a return) that happens later. */
    private record Scheduled(long epochSecond, long sequence, GeneratedOrder order) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(epochSecond, other.epochSecond);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    WholesaleGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        int n = settings.products();
        products = new Product[n];
        popularity = new double[n];
        int[] category = new int[n];
        // popularity ranks are a random permutation of the ids, so id says nothing about popularity
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        shuffle(rank);
        for (int i = 0; i < n; i++) {
            category[i] = categoryFor();
            long cents = price(category[i]);
            String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + COLOURS[random.nextInt(COLOURS.length)]
                    + " " + singular(CATEGORIES[category[i]]) + " " + (char) ('A' + random.nextInt(26)) + (i % 97);
            products[i] = new Product(String.format(Locale.ROOT, "WHS-%05d", 10_000 + i), title, CATEGORIES[category[i]],
                    cents, Math.round(cents * (0.45 + 0.2 * random.nextDouble())), false);
            popularity[i] = 1.0 / Math.pow(rank[i] + 1, 0.95);
        }
        // products grouped by category, with cumulative popularity inside each category
        categoryStart = new int[CATEGORIES.length + 1];
        for (int c : category) {
            categoryStart[c + 1]++;
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            categoryStart[c + 1] += categoryStart[c];
        }
        byCategory = new int[n];
        int[] fill = Arrays.copyOf(categoryStart, CATEGORIES.length);
        for (int i = 0; i < n; i++) {
            byCategory[fill[category[i]]++] = i;
        }
        customerWeight = new double[settings.customers()];
        customerCategories = new int[settings.customers()][];
        for (int c = 0; c < customerWeight.length; c++) {
            customerWeight[c] = Math.pow(1 - random.nextDouble(), -1 / 1.3);
            int[] liked = new int[2 + random.nextInt(3)];
            for (int k = 0; k < liked.length; k++) {
                liked[k] = random.nextInt(CATEGORIES.length);
            }
            customerCategories[c] = liked;
        }
        cumulate(customerWeight);
        plantThemes(rank);
        cumulate(popularity);
    }

    /** What the generator planted, in words, for the store's README. */
    List<String> plantedNotes() {
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < PLANTED_THEMES; t++) {
            notes.add(String.format(Locale.ROOT, "`%s` (%s, $%s): a cheap companion `%s` ($%s) is added to %.0f%% of"
                            + " its orders and a premium companion `%s` ($%s) to %.0f%%: the premium one earns more per"
                            + " impression.", products[themeAnchor[t]].sku(), products[themeAnchor[t]].title(),
                    CsvText.money(products[themeAnchor[t]].priceCents()), products[themeCheap[t]].sku(),
                    CsvText.money(products[themeCheap[t]].priceCents()), CHEAP_COMPANION_RATE * 100,
                    products[themePremium[t]].sku(), CsvText.money(products[themePremium[t]].priceCents()),
                    PREMIUM_COMPANION_RATE * 100));
        }
        for (int t = 0; t < FOLLOW_ON_THEMES; t++) {
            notes.add(String.format(Locale.ROOT, "`%s` (%s): %.0f%% of the customers who buy it order `%s` ($%s)"
                            + " 4–25 days later (follow-on evidence).", products[followAnchor[t]].sku(),
                    products[followAnchor[t]].title(), FOLLOW_ON_RATE * 100, products[followRefill[t]].sku(),
                    CsvText.money(products[followRefill[t]].priceCents())));
        }
        return notes;
    }

    /** Generates every order, in time order, into {@code sink}. */
    void generate(OrderSink sink) throws IOException {
        long start = settings.start().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int day = 0; day < settings.days(); day++) {
            long dayStart = start + day * 86_400L;
            int count = poisson(settings.ordersPerDay() * season(day));
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = dayStart + 7 * 3600 + random.nextInt(11 * 3600);
            }
            Arrays.sort(times);
            for (long time : times) {
                flushScheduled(time, sink);
                sink.accept(newOrder(time));
            }
        }
        flushScheduled(start + settings.days() * 86_400L, sink);
    }

    private void flushScheduled(long until, OrderSink sink) throws IOException {
        while (!scheduled.isEmpty() && scheduled.peek().epochSecond() < until) {
            sink.accept(scheduled.poll().order());
        }
    }

    private GeneratedOrder newOrder(long time) {
        boolean guest = random.nextDouble() < GUEST_SHARE;
        int customer = guest ? -1 : pick(customerWeight);
        String customerId = guest ? "" : String.format(Locale.ROOT, "%05d", 12_346 + customer);
        int size = basketSize();
        int[] items = basket(size, customer);
        List<GeneratedOrder.Line> lines = new ArrayList<>(items.length);
        for (int p : items) {
            lines.add(line(p));
        }
        String id = Long.toString(nextOrder++);
        GeneratedOrder order = new GeneratedOrder(id, customerId, time, lines);
        double fate = random.nextDouble();
        if (fate < CANCELLED_SHARE) {
            schedule(time + 60 + random.nextInt(3 * 3600), new GeneratedOrder("C" + id, customerId,
                    time + 60, negated(lines, lines.size())));
        } else if (fate < CANCELLED_SHARE + RETURN_SHARE && lines.size() > 1) {
            long later = time + 86_400L * (2 + random.nextInt(20));
            schedule(later, new GeneratedOrder("C" + nextOrder++, customerId, later,
                    negated(lines, 1 + random.nextInt(Math.min(3, lines.size())))));
        }
        if (!guest) {
            scheduleFollowOns(time, customer, customerId, items);
        }
        return order;
    }

    /** Planted follow-on themes: a customer who bought the anchor orders the refill within weeks. */
    private void scheduleFollowOns(long time, int customer, String customerId, int[] items) {
        for (int t = 0; t < FOLLOW_ON_THEMES; t++) {
            if (contains(items, followAnchor[t]) && random.nextDouble() < FOLLOW_ON_RATE) {
                long later = time + 86_400L * (4 + random.nextInt(22)) + random.nextInt(3600);
                int[] rest = basket(1 + random.nextInt(8), customer);
                List<GeneratedOrder.Line> lines = new ArrayList<>();
                lines.add(line(followRefill[t]));
                for (int p : rest) {
                    if (p != followRefill[t]) {
                        lines.add(line(p));
                    }
                }
                schedule(later, new GeneratedOrder(Long.toString(nextOrder++), customerId, later, lines));
            }
        }
    }

    private void schedule(long at, GeneratedOrder order) {
        scheduled.add(new Scheduled(at, sequence++, order));
    }

    private static List<GeneratedOrder.Line> negated(List<GeneratedOrder.Line> lines, int count) {
        List<GeneratedOrder.Line> negative = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedOrder.Line l = lines.get(lines.size() - 1 - i);
            negative.add(new GeneratedOrder.Line(l.product(), -l.quantity(), l.unitPriceCents(), 0));
        }
        return negative;
    }

    /** Distinct products of one order: the customer's categories, the whole catalog, planted companions. */
    private int[] basket(int size, int customer) {
        int[] items = new int[Math.min(size, products.length / 2) + 2 * PLANTED_THEMES];
        int count = 0;
        int[] liked = customer < 0 ? null : customerCategories[customer];
        int attempts = 0;
        while (count < Math.min(size, products.length / 2) && attempts++ < size * 20) {
            int p;
            if (liked != null && random.nextDouble() < 0.55) {
                int c = liked[random.nextInt(liked.length)];
                p = pickInCategory(c);
            } else {
                p = pick(popularity);
            }
            if (!contains(items, count, p)) {
                items[count++] = p;
            }
        }
        int basic = count;
        for (int t = 0; t < PLANTED_THEMES; t++) {
            if (contains(items, basic, themeAnchor[t])) {
                if (random.nextDouble() < CHEAP_COMPANION_RATE && !contains(items, count, themeCheap[t])) {
                    items[count++] = themeCheap[t];
                }
                if (random.nextDouble() < PREMIUM_COMPANION_RATE && !contains(items, count, themePremium[t])) {
                    items[count++] = themePremium[t];
                }
            }
        }
        return Arrays.copyOf(items, count);
    }

    private GeneratedOrder.Line line(int p) {
        Product product = products[p];
        int[] packs = product.priceCents() < 500 ? new int[] {1, 2, 4, 6, 12, 12, 24, 48} : new int[] {1, 1, 1, 2, 4};
        int quantity = packs[random.nextInt(packs.length)];
        long unit = quantity >= 12 ? Math.round(product.priceCents() * 0.85) : product.priceCents();
        return new GeneratedOrder.Line(product, quantity, unit, 0);
    }

    /** Heavy-tailed: log-normal around 16 (mean about 25), and rare bulk orders of 800–1,200 items. */
    private int basketSize() {
        if (random.nextDouble() < BULK_SHARE) {
            return 800 + random.nextInt(400);
        }
        double z = gaussian();
        return (int) Math.max(1, Math.min(700, Math.round(Math.exp(2.8 + 0.95 * z))));
    }

    /** Wholesale prices: log-normal (median about $2.50), furniture and lighting dearer. */
    private long price(int category) {
        double median = switch (CATEGORIES[category]) {
            case "Furniture" -> 60;
            case "Lighting", "Clocks" -> 12;
            case "Cards", "Stationery", "Party" -> 1.2;
            default -> 2.5;
        };
        double dollars = median * Math.exp(0.9 * gaussian());
        return Math.max(19, Math.round(dollars * 100 / 5) * 5);
    }

    /** The themes' products: anchors among the 200 most popular, companions from the rest. */
    private void plantThemes(int[] rank) {
        int[] byRank = new int[rank.length];
        for (int p = 0; p < rank.length; p++) {
            byRank[rank[p]] = p;
        }
        int next = 10;
        for (int t = 0; t < PLANTED_THEMES; t++) {
            themeAnchor[t] = byRank[next];
            next += 7;
        }
        for (int t = 0; t < FOLLOW_ON_THEMES; t++) {
            followAnchor[t] = byRank[next];
            next += 7;
        }
        int companion = 400;
        for (int t = 0; t < PLANTED_THEMES; t++) {
            long anchorPrice = products[themeAnchor[t]].priceCents();
            themeCheap[t] = byRank[companion++];
            themePremium[t] = byRank[companion++];
            reprice(themeCheap[t], Math.max(29, anchorPrice / 3));
            reprice(themePremium[t], Math.max(anchorPrice * 5, 1_995));
        }
        for (int t = 0; t < FOLLOW_ON_THEMES; t++) {
            followRefill[t] = byRank[companion++];
        }
    }

    private void reprice(int p, long cents) {
        long rounded = Math.round(cents / 5.0) * 5;
        Product old = products[p];
        products[p] = new Product(old.sku(), old.title(), old.category(), rounded, Math.round(rounded * 0.5), false);
    }

    /** Quarter four (giftware buyers stock up for Christmas) is busier, weekends quieter. */
    private double season(int day) {
        LocalDate date = settings.start().plusDays(day);
        double month = switch (date.getMonthValue()) {
            case 9, 10 -> 1.35;
            case 11 -> 1.6;
            case 12 -> 0.9;
            case 1, 2 -> 0.7;
            default -> 1.0;
        };
        return date.getDayOfWeek().getValue() >= 6 ? month * 0.35 : month * 1.26;
    }

    private int pickInCategory(int category) {
        int from = categoryStart[category];
        int to = categoryStart[category + 1];
        // Zipf inside the category by the product's place in it
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(to - from + 1, u)) - 1;
        return byCategory[from + Math.min(to - from - 1, Math.max(0, i))];
    }

    private int pick(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static void cumulate(double[] weights) {
        for (int i = 1; i < weights.length; i++) {
            weights[i] += weights[i - 1];
        }
    }

    /** The first categories hold more SKUs than the last (Furniture). */
    private int categoryFor() {
        int c = (int) (Math.pow(random.nextDouble(), 1.4) * CATEGORIES.length);
        return Math.min(CATEGORIES.length - 1, c);
    }

    private static String singular(String category) {
        return category.endsWith("s") ? category.substring(0, category.length() - 1).toLowerCase(Locale.ROOT)
                : category.toLowerCase(Locale.ROOT);
    }

    private int poisson(double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static boolean contains(int[] items, int value) {
        return contains(items, items.length, value);
    }

    private static boolean contains(int[] items, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (items[i] == value) {
                return true;
            }
        }
        return false;
    }
}
