package io.orderlift.store.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The logical columns of an order file; {@link #key()} is the generic CSV header name. */
public enum OrderField {
    ORDER_ID("order_id", true),
    CUSTOMER_ID("customer_id", false),
    ORDERED_AT("ordered_at", true),
    SKU("sku", true),
    TITLE("title", false),
    CATEGORY("category", false),
    QUANTITY("quantity", true),
    UNIT_PRICE("unit_price", true),
    LIST_PRICE("list_price", false),
    COST("cost", false);

    private final String key;
    private final boolean required;

    OrderField(String key, boolean required) {
        this.key = key;
        this.required = required;
    }

    public String key() {
        return key;
    }

    /** A required column must be present in the file; optional ones may be missing. */
    public boolean required() {
        return required;
    }

    /** The field named {@code key} (case-insensitive), as used by {@code --map}. */
    public static Optional<OrderField> byKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(wanted)).findFirst();
    }
}
