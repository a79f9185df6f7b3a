package io.orderlift.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import io.orderlift.common.CsvFields;
import io.orderlift.common.ProgressMonitor;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;

/**
 * Writes a store's orders in the generic import format, one row per stored line: the input of the
 * Spark mining job, and a file {@code import} reads back into an equal store. Customers appear as the
 * store's pseudonymous keys (the raw ids never entered the store); times as UTC instants. The file is
 * written beside the target and renamed over it when complete; a name ending in {@code .gz} is
 * gzipped.
 */
public final class OrderExport {

    /** The header, in the generic format's column names. */
    public static final String HEADER =
            "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,list_price,cost";

    private static final int FETCH = 20_000;

    private final Store store;

    public OrderExport(Store store) {
        this.store = store;
    }

    /** What was written. */
    public record Summary(String file, long orders, long lines) {
    }

    /** Writes every order line to {@code target}. */
    public Summary write(Path target, ProgressMonitor monitor) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            long[] counts;
            try (OutputStream file = Files.newOutputStream(temporary);
                 OutputStream out = target.getFileName().toString().endsWith(".gz")
                         ? new GZIPOutputStream(file, 1 << 16) : file;
                 Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                counts = writeLines(writer, monitor);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Summary(target.toString(), counts[0], counts[1]);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private long[] writeLines(Writer out, ProgressMonitor monitor) {
        return store.readConsistently(ctx -> {
            long total = ctx.fetchCount(ORDER_LINES);
            long[] counts = new long[2];
            try (var cursor = ctx.select(ORDERS.ID, ORDERS.EXTERNAL_ID, CUSTOMERS.CUSTOMER_KEY, ORDERS.ORDERED_AT,
                            PRODUCTS.SKU, PRODUCTS.TITLE, PRODUCTS.CATEGORY, ORDER_LINES.QUANTITY,
                            ORDER_LINES.UNIT_PRICE, PRODUCTS.LIST_PRICE, PRODUCTS.COST)
                    .from(ORDER_LINES)
                    .join(ORDERS).on(ORDERS.ID.eq(ORDER_LINES.ORDER_ID))
                    .join(PRODUCTS).on(PRODUCTS.ID.eq(ORDER_LINES.PRODUCT_ID))
                    .leftJoin(CUSTOMERS).on(CUSTOMERS.ID.eq(ORDERS.CUSTOMER_ID))
                    .orderBy(ORDER_LINES.ID)
                    .fetchSize(FETCH).fetchLazy()) {
                out.write(HEADER);
                out.write('\n');
                int previousOrder = -1;
                for (var r : cursor) {
                    if (r.value1() != previousOrder) {
                        previousOrder = r.value1();
                        counts[0]++;
                    }
                    out.write(CsvFields.field(r.value2()));
                    out.write(',');
                    out.write(r.value3() == null ? "" : r.value3());
                    out.write(',');
                    out.write(r.value4().toInstant(ZoneOffset.UTC).toString());
                    out.write(',');
                    out.write(CsvFields.field(r.value5()));
                    out.write(',');
                    out.write(CsvFields.field(r.value6() == null ? "" : r.value6()));
                    out.write(',');
                    out.write(CsvFields.field(r.value7() == null ? "" : r.value7()));
                    out.write(',');
                    out.write(Integer.toString(r.value8()));
                    out.write(',');
                    out.write(amount(r.value9()));
                    out.write(',');
                    out.write(amount(r.value10()));
                    out.write(',');
                    out.write(amount(r.value11()));
                    out.write('\n');
                    if ((++counts[1] & 0xFFFF) == 0) {
                        monitor.checkCancelled();
                        monitor.progress("Writing order lines", counts[1], total);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return counts;
        });
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
