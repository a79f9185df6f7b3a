package io.orderlift.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the bundled sample stores (and large stores for benchmarks). Deterministic: the same
 * options give the same bytes.
 *
 * <pre>
 * java -cp target/orderlift.jar io.orderlift.samples.SampleStores --out sample-stores
 * java -cp target/orderlift.jar io.orderlift.samples.SampleStores --store outdoor --target-lines 10000000 --out target/bench
 * </pre>
 */
@Command(name = "sample-stores", mixinStandardHelpOptions = true,
        description = "Generate the sample stores' order files (deterministic: same options, same bytes).")
public final class SampleStores implements Callable<Integer> {

    /** First day of the bundled stores' history. */
    public static final LocalDate START = LocalDate.of(2025, 1, 1);
    /** Days of history in the bundled stores (15 months). */
    public static final int DAYS = 455;
    /**
     * Lines per order the recipes produce on average (1.70 for outdoor), for {@code --target-lines};
     * a little low, so a target of 1 M gives a file of slightly more than 1 M lines.
     */
    static final double AVERAGE_LINES_PER_ORDER = 1.62;
    /** The real-shaped sample store. */
    static final String WHOLESALE = "wholesale";
    static final LocalDate WHOLESALE_START = LocalDate.of(2025, 1, 1);
    /** 13 months. */
    static final int WHOLESALE_DAYS = 396;
    static final int WHOLESALE_PRODUCTS = 4_000;
    static final int WHOLESALE_CUSTOMERS = 4_800;
    static final double WHOLESALE_ORDERS_PER_DAY = 46;
    /** Lines per order of the wholesale store, for {@code --target-lines}. */
    static final double WHOLESALE_LINES_PER_ORDER = 26.3;
    /** The A/B experiment covers the last this many days. */
    static final int EXPERIMENT_DAYS = 180;

    @Option(names = "--out", defaultValue = "sample-stores", description = "Output directory (one folder per store).")
    Path out;

    @Option(names = "--store", defaultValue = "all", description = "outdoor, kitchen, beauty, wholesale or all.")
    String store;

    @Option(names = "--seed", defaultValue = "20250101", description = "Random seed.")
    long seed;

    @Option(names = "--days", defaultValue = "" + DAYS, description = "Days of history from 2025-01-01.")
    int days;

    @Option(names = "--orders-per-day", defaultValue = "48", description = "Average new orders a day.")
    double ordersPerDay;

    @Option(names = "--target-lines", defaultValue = "0",
            description = "Instead of --orders-per-day: aim at about this many order lines (benchmarks).")
    long targetLines;

    @Option(names = "--products-per-category", defaultValue = "24", description = "Generic products per category.")
    int productsPerCategory;

    @Option(names = "--shopify-orders", defaultValue = "3000",
            description = "Also write this many beauty orders as a Shopify orders export (0: none).")
    int shopifyOrders;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SampleStores()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if ("wholesale".equals(store) || "all".equals(store)) {
            writeWholesale();
            if ("wholesale".equals(store)) {
                return 0;
            }
        }
        List<Recipe> recipes = "all".equals(store) ? Recipes.all() : List.of(Recipes.byName(store));
        double perDay = targetLines > 0 ? targetLines / (days * AVERAGE_LINES_PER_ORDER) : ordersPerDay;
        for (Recipe recipe : recipes) {
            Path dir = Files.createDirectories(out.resolve(recipe.name));
            StoreGenerator.Settings settings = new StoreGenerator.Settings(seed + recipe.name.hashCode(), START, days,
                    perDay, productsPerCategory);
            Summary summary = write(recipe, settings, dir);
            Files.writeString(dir.resolve("README.md"), readme(recipe, settings, summary), StandardCharsets.UTF_8);
            System.out.printf("%s: %,d orders, %,d lines, %,d customers, %,d products -> %s%n", recipe.name,
                    summary.orders, summary.lines, summary.customers.size(), summary.products.size(), dir);
        }
        return 0;
    }

    /**
     * The real-shaped store: written gzipped ({@code orders.csv.gz}), 13 months, about 20,000
     * orders by default; {@code --target-lines} scales the orders a day (benchmarks).
     */
    private void writeWholesale() throws IOException {
        Path dir = Files.createDirectories(out.resolve(WHOLESALE));
        double perDay = targetLines > 0 ? targetLines / (WHOLESALE_DAYS * WHOLESALE_LINES_PER_ORDER)
                : WHOLESALE_ORDERS_PER_DAY;
        // a bigger merchant has proportionally more customers, not the same ones ordering daily
        int customers = (int) Math.round(WHOLESALE_CUSTOMERS * Math.max(1, perDay / WHOLESALE_ORDERS_PER_DAY));
        WholesaleGenerator.Settings settings = new WholesaleGenerator.Settings(seed + WHOLESALE.hashCode(),
                WHOLESALE_START, WHOLESALE_DAYS, WHOLESALE_PRODUCTS, customers, perDay);
        WholesaleGenerator generator = new WholesaleGenerator(settings);
        Summary summary = new Summary();
        Path file = dir.resolve("orders.csv.gz");
        try (Writer generic = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }, StandardCharsets.UTF_8), 1 << 16)) {
            GenericCsvSink csv = new GenericCsvSink(generic);
            generator.generate(order -> {
                csv.accept(order);
                summary.add(order);
            });
        }
        Files.writeString(dir.resolve("README.md"), wholesaleReadme(generator, settings, summary),
                StandardCharsets.UTF_8);
        System.out.printf("%s: %,d orders, %,d lines, %,d customers, %,d products, baskets up to %,d lines -> %s%n",
                WHOLESALE, summary.orders, summary.lines, summary.customers.size(), summary.products.size(),
                summary.longest, file);
    }

    private String wholesaleReadme(WholesaleGenerator generator, WholesaleGenerator.Settings settings, Summary s) {
        StringBuilder text = new StringBuilder();
        text.append("# Wholesale giftware (the shape of a real store)\n\n");
        text.append("A generated sample store (`wholesale`) shaped like a real giftware wholesaler's history: ")
                .append(String.format(Locale.ROOT, "%,d orders, %,d order lines (%.1f lines per order, the longest"
                        + " %,d), %,d customers, %,d products", s.orders, s.lines, (double) s.lines / s.orders,
                        s.longest, s.customers.size(), s.products.size()))
                .append(", from ").append(settings.start()).append(" to ")
                .append(settings.start().plusDays(settings.days() - 1)).append(".\n\n");
        text.append("- `orders.csv.gz`: the generic import format (with `list_price` and `cost`), gzipped;"
                + " `orderlift import --input sample-stores/wholesale/orders.csv.gz` reads it as it is.\n\n");
        text.append(String.format(Locale.ROOT, "Popularity is Zipf-like over the whole catalog (a random permutation"
                + " of the ids) and, for each trade customer, over 2–4 favourite categories. Prices are log-normal"
                + " around $2.50 (cards and party goods cheaper, lighting and furniture dearer). Basket sizes are"
                + " log-normal (median 16 distinct items), with %.2f%% bulk orders of 800–1,200 items. Customers"
                + " order with heavy-tailed frequency, so many reorder within weeks; %.0f%% of orders are guest"
                + " checkouts; %.1f%% are cancelled as a whole a little later (`C…` order, every line negative)"
                + " and %.0f%% have one to three lines returned within three weeks. Quantities come in trade packs"
                + " (1–48), with a 15%% discount from 12 up. With `--target-lines` the orders a day and the"
                + " customers grow together.%n%n", WholesaleGenerator.BULK_SHARE * 100,
                WholesaleGenerator.GUEST_SHARE * 100, WholesaleGenerator.CANCELLED_SHARE * 100,
                WholesaleGenerator.RETURN_SHARE * 100));
        text.append("## What was planted\n\n");
        generator.plantedNotes().forEach(n -> text.append("- ").append(n).append('\n'));
        text.append("\nEverything else is noise from the popularity and the customers' favourite categories.\n\n");
        text.append("## Regenerate\n\n```\nmvn -B -DskipTests package\njava -cp target/orderlift.jar ")
                .append("io.orderlift.samples.SampleStores --store wholesale --out sample-stores\n```\n\n")
                .append("Same options, same bytes (seed ").append(seed).append("). For benchmarks, `--target-lines ")
                .append("10000000 --out target/bench` writes about 10 M lines of the same shape.\n");
        return text.toString();
    }

    private Summary write(Recipe recipe, StoreGenerator.Settings settings, Path dir) throws IOException {
        Summary summary = new Summary();
        boolean shopify = shopifyOrders > 0 && recipe.name.equals("beauty");
        long experimentFrom = settings.start().plusDays(Math.max(0, settings.days() - EXPERIMENT_DAYS))
                .atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (Writer generic = writer(dir.resolve("orders.csv"));
             Writer shopifyFile = shopify ? writer(dir.resolve("shopify-orders-export.csv")) : Writer.nullWriter();
             Writer experimentFile = writer(dir.resolve("experiment.csv"))) {
            GenericCsvSink csv = new GenericCsvSink(generic);
            ShopifyCsvSink shopifySink = new ShopifyCsvSink(shopifyFile, shopify ? shopifyOrders : 0);
            ExperimentSink experiment = new ExperimentSink(experimentFile, experimentFrom, settings.seed() + 1);
            new StoreGenerator(recipe, settings).generate(order -> {
                csv.accept(order);
                shopifySink.accept(order);
                experiment.accept(order);
                summary.add(order);
            });
        }
        return summary;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private String readme(Recipe recipe, StoreGenerator.Settings settings, Summary s) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(recipe.title).append("\n\n");
        text.append("A generated sample store (`").append(recipe.name).append("`): ")
                .append(String.format("%,d orders, %,d order lines, %,d customers, %,d products", s.orders, s.lines,
                        s.customers.size(), s.products.size()))
                .append(", from ").append(settings.start()).append(" to ")
                .append(settings.start().plusDays(settings.days() - 1)).append(".\n\n");
        text.append("- `orders.csv`: the generic import format (with `list_price` and `cost`).\n");
        if (recipe.name.equals("beauty") && shopifyOrders > 0) {
            text.append("- `shopify-orders-export.csv`: the first ").append(shopifyOrders)
                    .append(" orders again, laid out as Shopify's orders export (emails instead of customer ids;"
                            + " no categories, as in the real export).\n");
        }
        text.append(String.format(Locale.ROOT, "- `experiment.csv`: an A/B test of the confirmation layer over the"
                + " last %d days (one row per order: `order_id, arm, order_value, offer_impressions,"
                + " offer_accepted_value`). Treatment orders see %d one-tap offers and accept one %.0f%% of the"
                + " time, worth $%.0f–$%.0f: a planted AOV lift of $%.2f.%n", EXPERIMENT_DAYS,
                ExperimentSink.IMPRESSIONS, ExperimentSink.ACCEPTANCE * 100, ExperimentSink.MIN_VALUE,
                ExperimentSink.MAX_VALUE, ExperimentSink.plantedLift()));
        text.append("\nAbout half the orders come from returning customers and 6% are guest checkouts (no"
                + " customer id). About 1% of orders are followed by a return order (`R…`, negative quantity),"
                + " 0.8% hold a line cancelled within the order (net quantity zero), and 0.5% have a line added a"
                + " few minutes after checkout (two times in one order). Sales are seasonal.\n\n");
        text.append("## What was planted\n\n");
        recipe.notes.forEach(n -> text.append("- ").append(n).append('\n'));
        text.append("\nEverything else is noise: 1–3 primary items per order (category by weight, product by a"
                + " Zipf-like popularity) and occasional consumables.\n\n");
        text.append("## Regenerate\n\n```\nmvn -B -DskipTests package\njava -cp target/orderlift.jar ")
                .append("io.orderlift.samples.SampleStores --out sample-stores\n```\n\nSame options, same bytes (seed ")
                .append(seed).append(").\n");
        return text.toString();
    }

    /** Counts what was generated, for the README. */
    private static final class Summary {
        long orders;
        long lines;
        int longest;
        final Set<String> customers = new HashSet<>();
        final Set<String> products = new HashSet<>();

        void add(GeneratedOrder order) {
            orders++;
            lines += order.lines().size();
            longest = Math.max(longest, order.lines().size());
            if (!order.customer().isEmpty()) {
                customers.add(order.customer());
            }
            order.lines().forEach(l -> products.add(l.product().sku()));
        }
    }
}
