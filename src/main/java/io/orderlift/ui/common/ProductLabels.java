package io.orderlift.ui.common;

import io.orderlift.store.OrderHistory;

/** How products appear in the workbench's search boxes: {@code SKU — title}. */
public final class ProductLabels {

    private static final String SEPARATOR = " — ";

    private ProductLabels() {
    }

    public static String label(OrderHistory.CatalogEntry product) {
        return product.sku() + (product.title() == null ? "" : SEPARATOR + product.title());
    }

    /** The SKU of a label made by {@link #label}. */
    public static String skuOf(String label) {
        int separator = label.indexOf(SEPARATOR);
        return separator < 0 ? label : label.substring(0, separator);
    }
}
