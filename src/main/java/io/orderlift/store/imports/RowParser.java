package io.orderlift.store.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.orderlift.common.Money;
import io.orderlift.common.OrderLineRules;
import io.orderlift.store.csv.CsvRecord;

/**
 * Turns CSV records into {@link OrderRow}s by a {@link ColumnMapping}, checking every value
 * against the import format. Order-level fields that a format gives on an order's first row
 * only (Shopify) are carried to the order's later rows.
 */
public final class RowParser {

    private final ColumnMapping mapping;
    private final ImportFormat format;
    private final int[] index = new int[OrderField.values().length];
    private final Map<String, String[]> orderLevelValues = new HashMap<>();
    /** Shopify's order status columns, or null (another format, or an export without them). */
    private final ShopifyOrderStatus statuses;
    /** Orders left out as cancelled, voided or refunded in full ({@link ShopifyOrderStatus}), with their first line. */
    private final Map<String, Long> leftOut = new LinkedHashMap<>();
    private final DateFormat dates;
    /** Lines of a Shopify export without a Lineitem sku, keyed by their Lineitem name instead. */
    private long keyedByTitle;
    /** The file's {@code Currency} column (Shopify's export has one), or -1. */
    private final int currencyColumn;
    /** Orders per currency code named in the {@code Currency} column, in the order first seen. */
    private final Map<String, Long> ordersByCurrency = new LinkedHashMap<>();
    /** The last order whose currency was counted: an order's rows follow one another. */
    private String lastCurrencyOrder;
    /** Prices may be written {@code 12,50} (a semicolon-separated file). */
    private final boolean decimalComma;
    /** The last {@code ordered_at} read and its time: an order's lines repeat it, row after row. */
    private String lastTimeText;
    private long lastTime;
    /**
     * The last {@code ordered_at} that could not be read and why: a file of another date layout
     * repeats it on every line of an order, and working out which layout reads it is not free.
     */
    private String lastBadTimeText;
    private String lastBadTimeReason;
    private final DateLayouts unreadDates = new DateLayouts();

    public RowParser(ColumnMapping mapping, ImportFormat format, DateFormat dates, boolean decimalComma) {
        this.mapping = mapping;
        this.format = format;
        this.dates = dates;
        this.decimalComma = decimalComma;
        for (OrderField field : OrderField.values()) {
            index[field.ordinal()] = mapping.index(field).orElse(-1);
        }
        this.statuses = format == ImportFormat.SHOPIFY ? ShopifyOrderStatus.of(mapping.header()) : null;
        this.currencyColumn = ColumnMapping.indexOf(mapping.header(), "Currency");
    }

    /**
     * Orders per ISO 4217 code the file's {@code Currency} column names (empty without one): an order
     * counts once, on its first row that names a code.
     */
    Map<String, Long> ordersByCurrency() {
        return ordersByCurrency;
    }

    /** The orders left out as cancelled, voided or refunded in full (Shopify's export), with their first line. */
    Map<String, Long> ordersLeftOut() {
        return leftOut;
    }

    /**
     * Lines of a Shopify export whose {@code Lineitem sku} is empty, keyed by their {@code Lineitem name}
     * instead: Shopify does not require SKUs, and many shops sell products without one.
     */
    long linesKeyedByTitle() {
        return keyedByTitle;
    }

    /** One piece of advice for the file's order times that were not ISO, when a common format reads them all. */
    Optional<String> dateAdvice() {
        return unreadDates.advice();
    }

    /** The formats that read every order time read so far that was not ISO (the import dialog offers them). */
    List<String> dateFormats() {
        return unreadDates.formats();
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * The row, or null after handing the row's first problem to {@code problems}, or null for a row of
     * an order left out as never purchased ({@link #ordersLeftOut()}).
     */
    public OrderRow parse(CsvRecord record, Consumer<RowProblem> problems) {
        long line = record.line();
        if (record.problem() != null) {
            problems.accept(new RowProblem(line, "", "", record.problem()));
            return null;
        }
        if (record.badEncodingField() >= 0) {
            int bad = record.badEncodingField();
            problems.accept(new RowProblem(line, mapping.headerName(bad), record.field(bad), record.encodingProblem()));
            return null;
        }
        if (record.fields().size() > mapping.header().size()) {
            problems.accept(new RowProblem(line, "", "", "the row has " + record.fields().size()
                    + " fields but the header has " + mapping.header().size()));
            return null;
        }
        OrderField current = OrderField.ORDER_ID;
        try {
            String orderId = Values.identifier(raw(record, OrderField.ORDER_ID), OrderLineRules.MAX_ORDER_ID, "an order id");
            if (orderId.isEmpty()) {
                throw new BadValueException("is empty; every row needs its order id");
            }
            if (statuses != null && (leftOut.containsKey(orderId)
                    || !orderLevelValues.containsKey(orderId) && statuses.leftOut(record))) {
                leftOut.putIfAbsent(orderId, line);
                return null;
            }
            String[] orderLevel = carryOrderLevel(record, orderId);
            current = OrderField.ORDERED_AT;
            long orderedAt = time(orderLevel[1]);
            current = OrderField.CUSTOMER_ID;
            Values.identifier(raw(record, OrderField.CUSTOMER_ID), OrderLineRules.MAX_CUSTOMER_ID, "a customer id");
            current = OrderField.SKU;
            String sku = Values.identifier(raw(record, OrderField.SKU), OrderLineRules.MAX_SKU, "a SKU");
            boolean byTitle = sku.isEmpty() && format == ImportFormat.SHOPIFY;
            if (byTitle) {
                sku = skuFromTitle(record);
            }
            if (sku.isEmpty()) {
                throw new BadValueException("is empty; every row needs a SKU");
            }
            current = OrderField.QUANTITY;
            int quantity = Values.quantity(raw(record, OrderField.QUANTITY));
            current = OrderField.UNIT_PRICE;
            long unitPrice = Values.money(raw(record, OrderField.UNIT_PRICE), true, decimalComma);
            current = OrderField.QUANTITY;
            Values.lineValue(quantity, unitPrice);
            current = OrderField.LIST_PRICE;
            long listPrice = Values.money(raw(record, OrderField.LIST_PRICE), false, decimalComma);
            current = OrderField.COST;
            long cost = Values.money(raw(record, OrderField.COST), false, decimalComma);
            current = OrderField.TITLE;
            String title = Values.limited(text(record, OrderField.TITLE), 1_000, "a title");
            current = OrderField.CATEGORY;
            String category = Values.limited(text(record, OrderField.CATEGORY), 200, "a category");
            if (byTitle) {
                keyedByTitle++;
            }
            countCurrency(record, orderId);
            return new OrderRow(line, orderId, orderLevel[0], orderedAt, sku, title, category,
                    quantity, unitPrice, listPrice, cost);
        } catch (BadValueException e) {
            String value = raw(record, current);
            if (current == OrderField.ORDERED_AT && dates == DateFormat.ISO) {
                unreadDates.unread(value);
            }
            problems.accept(new RowProblem(line, mapping.columnName(current), value, e.getMessage()));
            return null;
        }
    }

    private void countCurrency(CsvRecord record, String orderId) {
        if (currencyColumn < 0 || orderId.equals(lastCurrencyOrder)) {
            return;
        }
        Money.parse(record.field(currencyColumn)).ifPresent(code -> {
            ordersByCurrency.merge(code, 1L, Long::sum);
            lastCurrencyOrder = orderId;
        });
    }

    /**
     * The line's title standing in for its empty SKU (a Shopify product without one: the name reads
     * "Product - Variant", one per variant), or empty when it has no title either.
     */
    private String skuFromTitle(CsvRecord record) {
        String name = Values.identifier(raw(record, OrderField.TITLE), Integer.MAX_VALUE, "a title");
        if (name.length() > OrderLineRules.MAX_SKU) {
            throw new BadValueException("is empty, and the line's " + mapping.columnName(OrderField.TITLE) + " is "
                    + name.length() + " characters long, too long to stand in for a SKU (at most "
                    + OrderLineRules.MAX_SKU + ")");
        }
        return name;
    }

    /** {customer, ordered_at} for this row, carried from the order's first row where the format says so. */
    private String[] carryOrderLevel(CsvRecord record, String orderId) {
        String customer = text(record, OrderField.CUSTOMER_ID);
        String orderedAt = raw(record, OrderField.ORDERED_AT);
        if (format.orderLevelFields().isEmpty()) {
            return new String[] {customer, orderedAt};
        }
        String[] first = orderLevelValues.get(orderId);
        if (first == null) {
            first = new String[] {customer, orderedAt};
            orderLevelValues.put(orderId, first);
            if (orderedAt.isBlank()) {
                throw new BadValueException("is empty on the first row of order " + orderId);
            }
            return first;
        }
        return new String[] {
            customer.isEmpty() && format.orderLevelFields().contains(OrderField.CUSTOMER_ID) ? first[0] : customer,
            orderedAt.isBlank() && format.orderLevelFields().contains(OrderField.ORDERED_AT) ? first[1] : orderedAt
        };
    }

    private String raw(CsvRecord record, OrderField field) {
        int i = index[field.ordinal()];
        return i < 0 ? "" : record.field(i);
    }

    private String text(CsvRecord record, OrderField field) {
        return raw(record, field).strip();
    }

    private long time(String text) {
        if (text.equals(lastTimeText)) {
            return lastTime;
        }
        if (text.equals(lastBadTimeText)) {
            throw new BadValueException(lastBadTimeReason);
        }
        try {
            lastTime = dates.epochMillis(text);
        } catch (BadValueException e) {
            lastBadTimeText = text;
            lastBadTimeReason = e.getMessage();
            throw e;
        }
        lastTimeText = text;
        return lastTime;
    }
}
