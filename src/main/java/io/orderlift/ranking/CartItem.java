package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.List;

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
        List<CartItem> cart = new ArrayList<>();
        int at = 0;
        while (at <= items.length()) {
            int start = at;
            while (start < items.length() && Character.isWhitespace(items.charAt(start))) {
                start++;
            }
            int end;
            if (start < items.length() && items.charAt(start) == '"') {
                StringBuilder sku = new StringBuilder();
                int close = closingQuote(items, start, sku);
                end = nextComma(items, close + 1);
                cart.add(withQuantity(sku.toString(), items.substring(close + 1, end).strip(),
                        items.substring(start, end).strip()));
            } else {
                end = nextComma(items, start);
                String entry = items.substring(start, end);
                if (!entry.isBlank()) {
                    cart.add(parse(entry));
                }
            }
            at = end + 1;
        }
        return cart;
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

    /** The index of the quote closing the one at {@code open}; the text between, undoubled, goes to {@code sku}. */
    private static int closingQuote(String items, int open, StringBuilder sku) {
        for (int i = open + 1; i < items.length(); i++) {
            char c = items.charAt(i);
            if (c != '"') {
                sku.append(c);
            } else if (i + 1 < items.length() && items.charAt(i + 1) == '"') {
                sku.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + items.substring(open) + "' has no closing quote");
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

    private static int nextComma(String items, int from) {
        int comma = items.indexOf(',', from);
        return comma < 0 ? items.length() : comma;
    }
}
