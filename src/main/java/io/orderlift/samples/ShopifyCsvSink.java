package io.orderlift.samples;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes orders the way Shopify's orders export does: one row per line item, the order-level
 * columns (email, financial status, created at) only on each order's first row, order names like
 * {@code #1001}, and no returns (Shopify reports refunds elsewhere).
 */
final class ShopifyCsvSink implements OrderSink {

    static final String HEADER = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,"
            + "Lineitem price,Lineitem compare at price,Lineitem sku,Vendor";

    private final Writer out;
    private final int limit;
    private int orders;

    ShopifyCsvSink(Writer out, int limit) throws IOException {
        this.out = out;
        this.limit = limit;
        out.write(HEADER);
        out.write('\n');
    }

    @Override
    public void accept(GeneratedOrder order) throws IOException {
        if (orders >= limit || order.id().startsWith("R") || order.lines().stream().anyMatch(l -> l.quantity() < 0)) {
            return;
        }
        orders++;
        String name = "#" + (1000 + orders);
        String email = order.customer().isEmpty() ? "" : order.customer().toLowerCase(Locale.ROOT) + "@example.com";
        boolean first = true;
        for (GeneratedOrder.Line line : order.lines()) {
            Product p = line.product();
            out.write(name);
            out.write(',');
            out.write(first ? email + ",paid," + CsvText.shopifyTime(order.epochSecond()) : ",,");
            out.write(',');
            out.write(Integer.toString(line.quantity()));
            out.write(',');
            out.write(CsvText.field(p.title()));
            out.write(',');
            out.write(CsvText.money(line.unitPriceCents()));
            out.write(',');
            out.write(line.unitPriceCents() < p.priceCents() ? CsvText.money(p.priceCents()) : "");
            out.write(',');
            out.write(p.sku());
            out.write(",Glow Theory\n");
            first = false;
        }
    }
}
