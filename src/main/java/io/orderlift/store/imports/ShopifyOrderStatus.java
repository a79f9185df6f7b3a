package io.orderlift.store.imports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.orderlift.store.csv.CsvRecord;

/**
 * Which orders of a Shopify export were never purchases that stood: those with a {@code Cancelled at}
 * (or {@code Canceled at})
 * time, and those whose {@code Financial Status} is {@code voided} (the payment was cancelled),
 * {@code expired} (never captured) or {@code refunded} (refunded in full, as a generic file's order whose
 * every line is returned, which mining ignores). Both columns are order-level: Shopify writes them on an
 * order's first row. An export without these columns leaves every order in.
 */
final class ShopifyOrderStatus {

    static final String CANCELLED_AT = "Cancelled at";
    /** The spelling of the same column in the column list of Shopify's current help pages. */
    static final String CANCELED_AT = "Canceled at";
    static final String FINANCIAL_STATUS = "Financial Status";
    private static final Set<String> NOT_PURCHASED = Set.of("voided", "expired", "refunded");

    private final int cancelledAt;
    private final int financialStatus;

    private ShopifyOrderStatus(int cancelledAt, int financialStatus) {
        this.cancelledAt = cancelledAt;
        this.financialStatus = financialStatus;
    }

    /** The status columns of {@code header}, or null when it has neither. */
    static ShopifyOrderStatus of(List<String> header) {
        int cancelled = ColumnMapping.indexOf(header, CANCELLED_AT);
        if (cancelled < 0) {
            cancelled = ColumnMapping.indexOf(header, CANCELED_AT);
        }
        int status = ColumnMapping.indexOf(header, FINANCIAL_STATUS);
        return cancelled < 0 && status < 0 ? null : new ShopifyOrderStatus(cancelled, status);
    }

    /** Whether the order whose first row is {@code firstRow} is left out of the import. */
    boolean leftOut(CsvRecord firstRow) {
        if (cancelledAt >= 0 && !field(firstRow, cancelledAt).isEmpty()) {
            return true;
        }
        return financialStatus >= 0 && NOT_PURCHASED.contains(field(firstRow, financialStatus).toLowerCase(Locale.ROOT));
    }

    private static String field(CsvRecord record, int index) {
        return record.field(index).strip();
    }
}
