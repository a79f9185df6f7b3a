package io.orderlift.samples;

import java.io.IOException;
import java.io.Writer;

/** Writes orders in the generic import format of DESIGN.md, with list price and cost. */
final class GenericCsvSink implements OrderSink {

    static final String HEADER = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,list_price,cost";

    private final Writer out;
    long lines;

    GenericCsvSink(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write('\n');
    }

    @Override
    public void accept(GeneratedOrder order) throws IOException {
        String prefix = order.id() + "," + order.customer() + ",";
        for (GeneratedOrder.Line line : order.lines()) {
            Product p = line.product();
            out.write(prefix);
            out.write(CsvText.isoInstant(order.epochSecond() + line.secondsLater()));
            out.write(',');
            out.write(p.sku());
            out.write(',');
            out.write(CsvText.field(p.title()));
            out.write(',');
            out.write(CsvText.field(p.category()));
            out.write(',');
            out.write(Integer.toString(line.quantity()));
            out.write(',');
            out.write(CsvText.money(line.unitPriceCents()));
            out.write(',');
            out.write(CsvText.money(p.priceCents()));
            out.write(',');
            out.write(CsvText.money(p.costCents()));
            out.write('\n');
            lines++;
        }
    }
}
