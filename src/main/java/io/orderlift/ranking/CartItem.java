package io.orderlift.ranking;

import java.util.List;

import io.orderlift.common.CommaList;

/**
 * One line of a cart or of the order just placed.
 *
 * @param sku       the product
 * @param quantity  how many (≥ 1)
 * @param unitPrice the price paid each, or NaN for the product's own price
 */
public record CartItem(String sku, int quantity, double unitPrice) {

    /** How {@code --items} writes a SKU holding a comma or a colon, as the commands' help says it. */
    public static final String QUOTING = "A SKU holding a comma or a colon goes in double quotes, a quote in it"
            + " doubled: \"Soap, lavender\":2.";

    public CartItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1");
        }
    }

    /**
     * {@code SKU[:QTY],...}, as given to {@code --items}; blank entries are skipped. A SKU holding a
     * comma or a colon is written in double quotes, a quote in it doubled, as in CSV: {@code
     * "Soap, lavender":2} (a Shopify export keys its SKU-less lines by their name).
     */
    public static List<CartItem> parseAll(String items) {
        return CommaList.parse(items).stream().map(entry -> entry.quoted()
                ? withQuantity(entry.value(), entry.after(), entry.written()) : parse(entry.value())).toList();
    }

    /** {@code SKU[:QTY]}, as given to {@code --items}. */
    public static CartItem parse(String text) {
        String item = text.strip();
        int colon = item.lastIndexOf(':');
        if (colon < 0) {
            return new CartItem(item, 1, Double.NaN);
        }
        return new CartItem(item.substring(0, colon).strip(), quantity(item.substring(colon + 1).strip(), item),
                Double.NaN);
    }

    /** What may follow a quoted SKU: nothing, or {@code :QTY}. */
    private static CartItem withQuantity(String sku, String after, String entry) {
        if (after.isEmpty()) {
            return new CartItem(sku, 1, Double.NaN);
        }
        if (!after.startsWith(":")) {
            throw notAnItem(entry);
        }
        return new CartItem(sku, quantity(after.substring(1).strip(), entry), Double.NaN);
    }

    private static int quantity(String text, String entry) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notAnItem(entry);
        }
    }

    private static IllegalArgumentException notAnItem(String entry) {
        return new IllegalArgumentException("'" + entry + "' is not SKU or SKU:QUANTITY (a SKU holding a comma or a"
                + " colon goes in double quotes)");
    }
}
