package io.orderlift.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;


import io.orderlift.common.PlainJson;
import io.orderlift.evaluation.AbAnalysis;
import io.orderlift.evaluation.Experiment;

/**
 * What the demo shop records: every order placed (with the A/B arm it was assigned at random),
 * every recommendation shown (an impression, with the id the page gave it) and every one accepted.
 * Events are appended to {@code events.jsonl}; after each event {@code experiment.csv} is rewritten
 * (temporary file, then rename) in the format {@code orderlift abtest} reads, one row per order:
 * in the {@code control} arm the confirmation page shows no offers, in {@code treatment} it shows
 * the rule set's one-tap offers, and with a baseline rule set half the other orders go to the
 * {@code popularity} arm, which shows the baseline's (the classic widget's: {@code publish --popularity}).
 * Prices come from the rule set, not from the page.
 */
public final class DemoRecorder {

    /** The arm whose confirmation page shows no offers. */
    public static final String CONTROL = "control";
    /** The arm whose confirmation page shows the one-tap offers. */
    public static final String TREATMENT = "treatment";
    /** The arm whose confirmation page shows the baseline rule set's offers ("customers also bought"). */
    public static final String POPULARITY = AbAnalysis.POPULARITY;

    /** One line of an order: a SKU and a quantity. */
    public record Line(String sku, int quantity) {
    }

    /** An order just placed: its id, arm and value. */
    public record Placed(String orderId, String arm, double value) {
    }

    /** One impression: a recommendation shown on a page. */
    public record Impression(String id, String placement, String sku, String orderId) {
    }

    /** The answer to an acceptance: the order's value after it (for the confirmation page). */
    public record Accepted(String impressionId, boolean counted, double orderValue) {
    }


    private final Path directory;
    private final Map<String, Double> prices;
    private final double controlShare;
    private final boolean popularityArm;
    private final SplittableRandom random;
    private final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    private final Map<String, Impression> impressions = new HashMap<>();
    private final Map<String, Boolean> accepted = new HashMap<>();
    private int next = 1;

    /** The figures of one order, as they grow. */
    private static final class OrderRecord {
        final String arm;
        double value;
        int offerImpressions;
        double offerAcceptedValue;

        OrderRecord(String arm, double value) {
            this.arm = arm;
            this.value = value;
        }
    }

    /**
     * @param prices        the rule set's price per SKU (products without a price are absent)
     * @param controlShare  the share of orders assigned to the control arm
     * @param seed          the seed of the arm assignment
     * @param popularityArm whether the orders outside the control arm are split evenly between the
     *                      {@code treatment} and {@code popularity} arms
     */
    public DemoRecorder(Path directory, Map<String, Double> prices, double controlShare, long seed,
                        boolean popularityArm) throws IOException {
        if (!(controlShare >= 0 && controlShare <= 1)) {
            throw new IllegalArgumentException("--control-share must be between 0 and 1, not " + controlShare);
        }
        this.directory = Files.createDirectories(directory);
        this.prices = Map.copyOf(prices);
        this.controlShare = controlShare;
        this.popularityArm = popularityArm;
        this.random = new SplittableRandom(seed);
        Files.deleteIfExists(events());
        writeExperiment();
    }

    public Path events() {
        return directory.resolve("events.jsonl");
    }

    public Path experiment() {
        return directory.resolve("experiment.csv");
    }

    /** Places an order of known SKUs and assigns it an arm at random. */
    public synchronized Placed place(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        double value = 0;
        for (Line line : lines) {
            if (line.quantity() < 1 || line.quantity() > 1_000) {
                throw new IllegalArgumentException("quantity " + line.quantity() + " of " + line.sku() + " is out of range");
            }
            value += line.quantity() * priceOf(line.sku());
        }
        String id = String.format(Locale.ROOT, "demo-%06d", next++);
        String arm = arm(random.nextDouble());
        orders.put(id, new OrderRecord(arm, value));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "order");
        event.put("orderId", id);
        event.put("arm", arm);
        event.put("value", value);
        event.put("items", lines);
        append(event);
        return new Placed(id, arm, value);
    }

    /** The arm of a uniform draw: control below the control share, the rest split evenly when there are two more. */
    private String arm(double draw) {
        if (draw < controlShare) {
            return CONTROL;
        }
        return popularityArm && (draw - controlShare) < (1 - controlShare) / 2 ? POPULARITY : TREATMENT;
    }

    /** Records an impression; on the confirmation page it counts as one offer shown to its order. */
    public synchronized void impression(Impression shown) {
        if (shown.id() == null || shown.id().isBlank() || impressions.containsKey(shown.id())) {
            throw new IllegalArgumentException("an impression needs a new id, not '" + shown.id() + "'");
        }
        priceOf(shown.sku());
        boolean confirmation = switch (shown.placement()) {
            case "cart" -> false;
            case "confirmation" -> true;
            default -> throw new IllegalArgumentException("unknown placement '" + shown.placement() + "'");
        };
        if (confirmation) {
            OrderRecord order = order(shown.orderId());
            if (order.arm.equals(CONTROL)) {
                throw new IllegalArgumentException("order " + shown.orderId() + " is in the control arm: no offers");
            }
            order.offerImpressions++;
        }
        impressions.put(shown.id(), shown);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "impression");
        event.put("id", shown.id());
        event.put("placement", shown.placement());
        event.put("sku", shown.sku());
        if (shown.orderId() != null) {
            event.put("orderId", shown.orderId());
        }
        append(event);
    }

    /**
     * Records that an impression was accepted (added to the cart, or one-tap added to the order):
     * once per impression; on the confirmation page the offer's price joins the order's value.
     */
    public synchronized Accepted accept(String impressionId) {
        Impression shown = impressions.get(impressionId);
        if (shown == null) {
            throw new IllegalArgumentException("no impression '" + impressionId + "' was recorded");
        }
        if (accepted.putIfAbsent(impressionId, true) != null) {
            OrderRecord order = shown.orderId() == null ? null : orders.get(shown.orderId());
            return new Accepted(impressionId, false, order == null ? 0 : order.value);
        }
        double price = priceOf(shown.sku());
        double orderValue = 0;
        if (shown.placement().equals("confirmation")) {
            OrderRecord order = order(shown.orderId());
            order.value += price;
            order.offerAcceptedValue += price;
            orderValue = order.value;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "accept");
        event.put("impressionId", impressionId);
        event.put("placement", shown.placement());
        event.put("sku", shown.sku());
        event.put("price", price);
        if (shown.orderId() != null) {
            event.put("orderId", shown.orderId());
        }
        append(event);
        return new Accepted(impressionId, true, orderValue);
    }

    private OrderRecord order(String id) {
        OrderRecord order = id == null ? null : orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order '" + id + "' was placed");
        }
        return order;
    }

    private double priceOf(String sku) {
        Double price = sku == null ? null : prices.get(sku);
        if (price == null) {
            throw new IllegalArgumentException("the rule set has no priced product '" + sku + "'");
        }
        return price;
    }

    private void append(Map<String, Object> event) {
        try {
            Files.writeString(events(), PlainJson.mapper().writeValueAsString(event) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            writeExperiment();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the demo's events in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites experiment.csv: a temporary file, then an atomic rename. */
    private void writeExperiment() throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", Experiment.COLUMNS)).append('\n');
        orders.forEach((id, o) -> csv.append(String.format(Locale.ROOT, "%s,%s,%.2f,%d,%.2f%n", id, o.arm, o.value,
                o.offerImpressions, o.offerAcceptedValue)));
        Path temporary = directory.resolve("experiment.csv.tmp");
        Files.writeString(temporary, csv, StandardCharsets.UTF_8);
        Files.move(temporary, experiment(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
