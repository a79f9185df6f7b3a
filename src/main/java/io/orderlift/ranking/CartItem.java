package io.orderlift.ranking;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a cart or of the order just placed.
 *
 * @param sku       the product
 * @param quantity  how many (≥ 1)
 * @param unitPrice the price paid each, or NaN for the product's own price
 */
public record CartItem(String sku, int quantity, double unitPrice) {

    public CartItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1");
        }
    }

    /** {@code SKU[:QTY],...}, as given to {@code --items}; blank entries are skipped. */
    public static List<CartItem> parseAll(String items) {
        return Arrays.stream(items.split(",")).filter(s -> !s.isBlank()).map(CartItem::parse).toList();
    }

    /** {@code SKU[:QTY]}, as given to {@code --items}. */
    public static CartItem parse(String text) {
        String item = text.strip();
        int colon = item.lastIndexOf(':');
        if (colon < 0) {
            return new CartItem(item, 1, Double.NaN);
        }
        try {
            return new CartItem(item.substring(0, colon).strip(), Integer.parseInt(item.substring(colon + 1).strip()),
                    Double.NaN);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + item + "' is not SKU or SKU:QUANTITY");
        }
    }
}
