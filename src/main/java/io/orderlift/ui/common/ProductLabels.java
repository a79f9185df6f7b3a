package io.orderlift.ui.common;

import io.orderlift.store.OrderHistory;

/** How products appear in the workbench: {@code SKU — title} in search boxes, "title (SKU)" in tables. */
public final class ProductLabels {

    private static final String SEPARATOR = " — ";

    private ProductLabels() {
    }

    public static String label(OrderHistory.CatalogEntry product) {
        return product.sku() + (product.title() == null ? "" : SEPARATOR + product.title());
    }

    /** How a product is named in tables and explanations: "title (SKU)", or the SKU alone without a title. */
    public static String named(String title, String sku) {
        return title == null || title.isBlank() ? sku : title + " (" + sku + ")";
    }

    /** The SKU of a label made by {@link #label}. */
    public static String skuOf(String label) {
        int separator = label.indexOf(SEPARATOR);
        return separator < 0 ? label : label.substring(0, separator);
    }
}
