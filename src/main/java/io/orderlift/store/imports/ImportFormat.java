package io.orderlift.store.imports;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order file layouts Orderlift reads: which header names hold which {@link OrderField}, and
 * which fields are order-level (given on the first row of an order only).
 */
public enum ImportFormat {
    /** The generic CSV of DESIGN.md: one row per order line, every column on every row. */
    GENERIC(defaults(), EnumSet.noneOf(OrderField.class)),
    /**
     * Shopify's orders export: one row per line item, order-level columns (email, created at)
     * only on the first row of each order. The email is hashed with the store's salt, never stored.
     */
    SHOPIFY(Map.of(
            OrderField.ORDER_ID, "Name",
            OrderField.CUSTOMER_ID, "Email",
            OrderField.ORDERED_AT, "Created at",
            OrderField.SKU, "Lineitem sku",
            OrderField.TITLE, "Lineitem name",
            OrderField.CATEGORY, "Product type",
            OrderField.QUANTITY, "Lineitem quantity",
            OrderField.UNIT_PRICE, "Lineitem price",
            OrderField.LIST_PRICE, "Lineitem compare at price",
            OrderField.COST, "Lineitem cost"),
            EnumSet.of(OrderField.CUSTOMER_ID, OrderField.ORDERED_AT));

    private final Map<OrderField, String> defaultColumns;
    private final Set<OrderField> orderLevel;

    ImportFormat(Map<OrderField, String> defaultColumns, Set<OrderField> orderLevel) {
        this.defaultColumns = Map.copyOf(defaultColumns);
        this.orderLevel = Set.copyOf(orderLevel);
    }

    private static Map<OrderField, String> defaults() {
        Map<OrderField, String> names = new EnumMap<>(OrderField.class);
        for (OrderField field : OrderField.values()) {
            names.put(field, field.key());
        }
        return names;
    }

    /** The header name this format expects for {@code field}. */
    public String defaultColumn(OrderField field) {
        return defaultColumns.get(field);
    }

    /** Fields given only on an order's first row and carried to its other rows. */
    public Set<OrderField> orderLevelFields() {
        return orderLevel;
    }

    /**
     * The format whose required columns the header holds, by name (case and spaces aside), or
     * empty when none: Shopify's export is recognised by its Name, Created at, Lineitem sku and
     * Lineitem quantity columns.
     */
    public static Optional<ImportFormat> detect(List<String> header) {
        Set<String> names = new HashSet<>();
        header.forEach(h -> names.add(ColumnMapping.normalise(h)));
        for (ImportFormat format : new ImportFormat[] {SHOPIFY, GENERIC}) {
            boolean all = true;
            for (OrderField field : OrderField.values()) {
                if (field.required() && !names.contains(ColumnMapping.normalise(format.defaultColumn(field)))) {
                    all = false;
                }
            }
            if (all) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
