package io.orderlift.mining.external;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningResult;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.Transactions;
import io.orderlift.store.MiningRun;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PackedPairs;
import io.orderlift.store.Store;

/**
 * Brings the Spark mining job's output into a store as its active mining run, as {@code mine} would
 * have stored it (atomically; a refusal or failure leaves the previous run in place). Refused, with
 * the reason, unless the job mined with the settings expected and counted exactly this store's
 * orders: the same N, T_last and left-out orders, and the same {@code orders(a)} for every product,
 * all of them in the store's catalog.
 */
public final class PairsImport {

    static final List<String> PRODUCT_HEADER = List.of("sku", "orders", "followBase");
    static final List<String> PAIR_HEADER = List.of("anchor", "candidate", "co", "follow", "customers");
    private static final int EXAMPLES = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Store store;

    public PairsImport(Store store) {
        this.store = store;
    }

    /** Loads {@code folder} as the store's mining run if it matches {@code expected}; returns the stored run. */
    public MiningRun load(Path folder, MiningSettings expected, ProgressMonitor monitor) throws IOException {
        JobRun job = JobRun.read(folder);
        requireSettings(job.settings(), expected);
        OrderHistory history = new OrderHistory(store);
        MiningService.Read read = MiningService.read(history, job.settings().maxBasket(), monitor);
        Transactions own = read.transactions();
        List<OrderHistory.CatalogEntry> catalog = read.catalog().entries();
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        catalog.forEach(p -> ids.put(p.sku(), p.id()));
        requireSameOrders(job, own);
        monitor.checkCancelled();
        int anchors = own.productCount();
        int[] orders = new int[anchors];
        int[] followBase = new int[anchors];
        readProducts(folder, ids, orders, followBase);
        requireSameProductOrders(own, orders, catalog);
        monitor.progress("Reading the job's pairs", 0, 1);
        PackedPairs pairs = readPairs(folder, job, ids, anchors, monitor);
        long cutoff = job.lastOrderAt() == null ? Long.MIN_VALUE
                : job.lastOrderAt().toEpochMilli() - job.settings().windowMillis();
        MiningResult result = new MiningResult(job.settings(), job.orders(), job.ordersEmpty(),
                job.ordersOverMaxBasket(), own.lastOrderAt(), cutoff, orders, followBase, pairs, job.pairsDropped());
        monitor.checkCancelled();
        return MiningService.save(store, read.catalog(), result, job.startedAt() == null ? Instant.now() : job.startedAt(),
                job.durationMs(), monitor);
    }

    private static void requireSettings(MiningSettings job, MiningSettings expected) {
        List<String> differences = new ArrayList<>();
        if (job.windowDays() != expected.windowDays()) {
            differences.add("a " + job.windowDays() + "-day window, not " + expected.windowDays() + " (--window-days)");
        }
        if (job.maxBasket() != expected.maxBasket()) {
            differences.add("basket cap " + job.maxBasket() + ", not " + expected.maxBasket() + " (--max-basket)");
        }
        if (job.minCo() != expected.minCo()) {
            differences.add("min-co " + job.minCo() + ", not " + expected.minCo() + " (--min-co)");
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("The job mined with " + String.join(", ", differences)
                    + ". import-pairs expects the store's current settings unless given: rerun the job with them,"
                    + " or give import-pairs the job's settings to change the store's.");
        }
    }

    private static void requireSameOrders(JobRun job, Transactions own) {
        Instant ownLast = own.orderCount() == 0 ? null : Instant.ofEpochMilli(own.lastOrderAt());
        boolean same = job.orders() == own.orderCount() && job.ordersEmpty() == own.ordersEmpty()
                && job.ordersOverMaxBasket() == own.ordersOverMaxBasket()
                && (ownLast == null ? job.lastOrderAt() == null : ownLast.equals(job.lastOrderAt()));
        if (!same) {
            throw new IllegalArgumentException(String.format("The job counted %,d orders up to %s (%,d left out);"
                    + " this store holds %,d up to %s (%,d left out). Run the job on this store's orders"
                    + " (orderlift export-orders writes them).", job.orders(), when(job.lastOrderAt()),
                    job.ordersEmpty() + job.ordersOverMaxBasket(), own.orderCount(), when(ownLast),
                    own.ordersEmpty() + own.ordersOverMaxBasket()));
        }
    }

    private static void readProducts(Path folder, Object2IntOpenHashMap<String> ids, int[] orders, int[] followBase)
            throws IOException {
        JobTable table = new JobTable(folder.resolve("products"), PRODUCT_HEADER);
        List<String> unknown = new ArrayList<>();
        boolean[] seen = new boolean[orders.length];
        table.forEachRow((fields, part, line) -> {
            int id = ids.getInt(fields.get(0));
            if (id < 0 || id >= orders.length) {
                unknown.add(fields.get(0));
                return;
            }
            if (seen[id]) {
                throw new IllegalArgumentException(part + " line " + line + " repeats product " + fields.get(0));
            }
            seen[id] = true;
            orders[id] = table.count(fields, 1, part, line);
            followBase[id] = table.count(fields, 2, part, line);
        });
        requireKnown(unknown, "products");
    }

    private static void requireSameProductOrders(Transactions own, int[] orders,
                                                 List<OrderHistory.CatalogEntry> catalog) {
        String[] skus = new String[orders.length];
        catalog.forEach(entry -> skus[entry.id()] = entry.sku());
        List<String> examples = new ArrayList<>();
        int count = 0;
        for (int p = 0; p < orders.length; p++) {
            if (orders[p] != own.ordersWith(p)) {
                if (count++ < EXAMPLES) {
                    examples.add(skus[p] + ": job " + orders[p] + ", store " + own.ordersWith(p));
                }
            }
        }
        if (count > 0) {
            throw new IllegalArgumentException(String.format("The job counted other orders for %,d products than"
                    + " this store holds (orders per product: %s). Run the job on this store's orders (orderlift"
                    + " export-orders writes them).", count, String.join("; ", examples)));
        }
    }

    private static PackedPairs readPairs(Path folder, JobRun job, Object2IntOpenHashMap<String> ids, int anchors,
                                         ProgressMonitor monitor) throws IOException {
        if (job.pairs() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The job found " + job.pairs() + " pairs; a store holds at most "
                    + (Integer.MAX_VALUE - 8) + " (mine with a higher --min-co)");
        }
        int capacity = (int) job.pairs();
        int[] anchor = new int[capacity];
        long[] candidateAndRow = new long[capacity];
        int[][] values = {new int[capacity], new int[capacity], new int[capacity]};
        int[] size = {0};
        List<String> unknown = new ArrayList<>();
        JobTable table = new JobTable(folder.resolve("pairs"), PAIR_HEADER);
        table.forEachRow((fields, part, line) -> {
            int a = ids.getInt(fields.get(0));
            int c = ids.getInt(fields.get(1));
            if (a < 0 || c < 0 || a >= anchors || c >= anchors) {
                unknown.add(a < 0 || a >= anchors ? fields.get(0) : fields.get(1));
                return;
            }
            int row = size[0];
            if (row == capacity) {
                throw new IllegalArgumentException(folder.resolve("pairs") + " holds more pairs than run.json's "
                        + job.pairs());
            }
            anchor[row] = a;
            candidateAndRow[row] = ((long) c << 32) | row;
            for (int k = 0; k < 3; k++) {
                values[k][row] = table.count(fields, 2 + k, part, line);
            }
            size[0]++;
            if ((row & 0xFFFFF) == 0) {
                monitor.checkCancelled();
            }
        });
        requireKnown(unknown, "pairs");
        if (size[0] != capacity) {
            throw new IllegalArgumentException(folder.resolve("pairs") + " holds " + size[0] + " pairs, run.json says "
                    + job.pairs() + "; the output is incomplete");
        }
        return pack(anchor, candidateAndRow, values, anchors);
    }

    /** Groups the rows by anchor (a counting sort), sorts each anchor's candidates and encodes them. */
    private static PackedPairs pack(int[] anchor, long[] candidateAndRow, int[][] values, int anchors) {
        int[] start = new int[anchors + 1];
        for (int a : anchor) {
            start[a + 1]++;
        }
        for (int a = 0; a < anchors; a++) {
            start[a + 1] += start[a];
        }
        long[] byAnchor = new long[anchor.length];
        int[] fill = Arrays.copyOf(start, anchors);
        for (int row = 0; row < anchor.length; row++) {
            byAnchor[fill[anchor[row]]++] = candidateAndRow[row];
        }
        PackedPairs pairs = new PackedPairs(anchors);
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        for (int a = 0; a < anchors; a++) {
            Arrays.sort(byAnchor, start[a], start[a + 1]);
            int previous = -1;
            for (int i = start[a]; i < start[a + 1]; i++) {
                int candidate = (int) (byAnchor[i] >>> 32);
                int row = (int) byAnchor[i];
                if (candidate == previous || candidate == a) {
                    throw new IllegalArgumentException("The job's pairs hold anchor/candidate " + a + "/" + candidate
                            + (candidate == a ? ", a product paired with itself" : " twice"));
                }
                previous = candidate;
                encoder.add(candidate, values[0][row], values[1][row], values[2][row]);
            }
            pairs.put(a, encoder.count(), encoder.finish());
        }
        return pairs;
    }

    private static void requireKnown(List<String> unknown, String table) {
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.format("The job's %s name %,d SKUs this store's catalog lacks,"
                    + " e.g. %s. Import those orders into the store first, or run the job on this store's orders.",
                    table, unknown.size(), String.join(", ", unknown.stream().distinct().limit(EXAMPLES).toList())));
        }
    }

    private static String when(Instant instant) {
        return instant == null ? "no order" : WHEN.format(instant);
    }
}
