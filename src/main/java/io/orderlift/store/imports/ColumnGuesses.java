package io.orderlift.store.imports;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names other exports give Orderlift's fields ({@code InvoiceNo}, {@code StockCode},
 * {@code Description}, {@code InvoiceDate}, {@code UnitPrice}, {@code Customer ID}, …), to suggest
 * a mapping: the import dialog fills its column choices with them, and a refused header names the
 * {@code --map} that would read it. Never applied unseen: the command line reads only the names it
 * is given.
 */
public final class ColumnGuesses {

    /** Per field, the names it goes by, squeezed ({@link #squeeze}), the likeliest first. */
    private static final Map<OrderField, List<String>> NAMES = new EnumMap<>(Map.of(
            OrderField.ORDER_ID, List.of("orderid", "ordernumber", "orderno", "invoiceno", "invoice", "invoicenumber",
                    "invoiceid", "transactionid", "order"),
            OrderField.CUSTOMER_ID, List.of("customerid", "customerno", "customernumber", "customeruniqueid", "clientid",
                    "userid", "memberid", "customeremail", "email", "customer"),
            OrderField.ORDERED_AT, List.of("orderedat", "orderdate", "invoicedate", "orderpurchasetimestamp",
                    "purchasedate", "transactiondate", "createdat", "orderdatetime", "datetime", "date", "timestamp"),
            OrderField.SKU, List.of("sku", "stockcode", "productid", "productcode", "itemid", "itemcode", "articlenumber",
                    "articleno", "variantsku", "item"),
            OrderField.TITLE, List.of("title", "description", "productname", "itemname", "productdescription",
                    "product"),
            OrderField.CATEGORY, List.of("category", "productcategory", "productcategoryname", "categoryname",
                    "producttype", "department"),
            OrderField.QUANTITY, List.of("quantity", "qty", "units", "quantityordered"),
            OrderField.UNIT_PRICE, List.of("unitprice", "price", "itemprice", "saleprice", "sellingprice", "priceeach"),
            OrderField.LIST_PRICE, List.of("listprice", "compareatprice", "msrp", "rrp", "regularprice"),
            OrderField.COST, List.of("cost", "unitcost", "costprice")));

    private ColumnGuesses() {
    }

    /**
     * For each field {@code mapped} lacks, the header column that goes by one of its names (each
     * column suggested once, and none already mapped).
     */
    public static Map<OrderField, String> suggest(List<String> header, Map<OrderField, String> mapped) {
        Set<String> taken = new HashSet<>();
        mapped.values().forEach(column -> taken.add(ColumnMapping.normalise(column)));
        Map<OrderField, String> suggested = new EnumMap<>(OrderField.class);
        for (OrderField field : OrderField.values()) {
            if (mapped.containsKey(field)) {
                continue;
            }
            for (String name : NAMES.get(field)) {
                String column = header.stream().map(String::strip)
                        .filter(h -> !taken.contains(ColumnMapping.normalise(h)) && squeeze(h).equals(name))
                        .findFirst().orElse(null);
                if (column != null) {
                    suggested.put(field, column);
                    taken.add(ColumnMapping.normalise(column));
                    break;
                }
            }
        }
        return suggested;
    }

    /** A header name without case, spaces, underscores or other punctuation: {@code Customer ID} → {@code customerid}. */
    static String squeeze(String name) {
        StringBuilder squeezed = new StringBuilder();
        for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                squeezed.append(c);
            }
        }
        return squeezed.toString();
    }
}
