package io.orderlift.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * The character of one generated store: its categories and products, and the structure planted
 * in its orders (companions bought in the same order, follow-on purchases days later, and
 * companions that depend on the cart's total or category mix).
 */
final class Recipe {

    /** A category of generic products; {@code weight} is how often an order starts in it. */
    record Category(String code, String name, double weight, long minPriceCents, long maxPriceCents,
                    boolean consumable, List<String> titles) {
    }

    /**
     * A planted same-order companion: when the cart holds {@code trigger} (a SKU, or a category
     * name), {@code companion} is added with {@code probability}, if the cart total is at least
     * {@code minCartCents} and the cart holds {@code requiredCategory} (when not null).
     */
    record Companion(String trigger, String companion, double probability, long minCartCents,
                     String requiredCategory, long maxCartCents) {
    }

    /** A planted follow-on: a customer who bought {@code trigger} buys {@code companion} 3–30 days later. */
    record FollowOn(String trigger, String companion, double probability, int minDays, int maxDays) {
    }

    final String name;
    final String title;
    final String skuPrefix;
    final double[] monthWeights;
    final List<Category> categories = new ArrayList<>();
    final List<Product> planted = new ArrayList<>();
    final List<Companion> companions = new ArrayList<>();
    final List<FollowOn> followOns = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> anchors = new ArrayList<>();

    Recipe(String name, String title, String skuPrefix, double[] monthWeights) {
        this.name = name;
        this.title = title;
        this.skuPrefix = skuPrefix;
        this.monthWeights = monthWeights;
    }

    Recipe category(String code, String name, double weight, double minPrice, double maxPrice, String... titles) {
        categories.add(new Category(code, name, weight, cents(minPrice), cents(maxPrice), false, List.of(titles)));
        return this;
    }

    Recipe consumables(String code, String name, double weight, double minPrice, double maxPrice, String... titles) {
        categories.add(new Category(code, name, weight, cents(minPrice), cents(maxPrice), true, List.of(titles)));
        return this;
    }

    /**
     * A named product whose SKU the planted structure refers to. An {@code anchor} is also bought
     * on its own as often as its category's best seller; other planted products mostly arrive as
     * companions.
     */
    Recipe plant(String sku, String title, String category, double price, boolean anchor) {
        planted.add(new Product(sku, title, category, cents(price), Math.round(cents(price) * 0.45), false));
        if (anchor) {
            anchors.add(sku);
        }
        return this;
    }

    /** Like {@link #plant} for something bought again and again (fuel, filters, refills). */
    Recipe plantConsumable(String sku, String title, String category, double price) {
        planted.add(new Product(sku, title, category, cents(price), Math.round(cents(price) * 0.4), true));
        return this;
    }

    Recipe companion(String trigger, String companion, double probability) {
        companions.add(new Companion(trigger, companion, probability, 0, null, Long.MAX_VALUE));
        return this;
    }

    Recipe companionIfCartAtLeast(String trigger, String companion, double probability, double minCart) {
        companions.add(new Companion(trigger, companion, probability, cents(minCart), null, Long.MAX_VALUE));
        return this;
    }

    Recipe companionIfCartBelow(String trigger, String companion, double probability, double maxCart) {
        companions.add(new Companion(trigger, companion, probability, 0, null, cents(maxCart)));
        return this;
    }

    Recipe companionIfCartHolds(String trigger, String companion, double probability, String category) {
        companions.add(new Companion(trigger, companion, probability, 0, category, Long.MAX_VALUE));
        return this;
    }

    Recipe followOn(String trigger, String companion, double probability) {
        followOns.add(new FollowOn(trigger, companion, probability, 3, 30));
        return this;
    }

    Recipe note(String text) {
        notes.add(text);
        return this;
    }

    static long cents(double amount) {
        return Math.round(amount * 100);
    }
}
