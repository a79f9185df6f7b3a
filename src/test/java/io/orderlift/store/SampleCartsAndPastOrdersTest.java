package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved sample carts, and reading real past orders for the confirmation preview. */
class SampleCartsAndPastOrdersTest {

    @TempDir
    Path dir;

    @Test
    void sampleCartsAreSavedOverwrittenListedAndDeleted() {
        try (Store store = Store.inMemory()) {
            SampleCartStore carts = new SampleCartStore(store);
            carts.save(new SampleCartStore.SampleCart("Tent trip", List.of(new SampleCartStore.Item("TENT", 1),
                    new SampleCartStore.Item("STAKES", 2))));
            carts.save(new SampleCartStore.SampleCart("Kitchen", List.of(new SampleCartStore.Item("MUG", 4))));
            carts.save(new SampleCartStore.SampleCart("Tent trip", List.of(new SampleCartStore.Item("TENT", 3))));
            assertEquals(List.of(new SampleCartStore.SampleCart("Kitchen", List.of(new SampleCartStore.Item("MUG", 4))),
                    new SampleCartStore.SampleCart("Tent trip", List.of(new SampleCartStore.Item("TENT", 3)))),
                    carts.all());
            assertTrue(carts.delete("Kitchen"));
            assertFalse(carts.delete("Kitchen"));
            assertEquals(1, carts.all().size());
            assertThrows(IllegalArgumentException.class, () -> carts.save(new SampleCartStore.SampleCart(" ",
                    List.of())));
        }
    }

    @Test
    void pastOrdersListNewestFirstAndReadTheirLinesInFileOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.csv"), """
                order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price
                A1,C1,2025-01-01,TENT,Tent,Tents,1,300
                A1,C1,2025-01-01,STAKES,Stakes,Accessories,2,9
                A2,C2,2025-02-01,MUG,Mug,Kitchen,1,12
                R1,C1,2025-03-01,STAKES,Stakes,Accessories,-2,9
                """);
        try (Store store = Store.openOrCreate(dir.resolve("shop"))) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            PastOrders orders = new PastOrders(store);
            List<PastOrders.OrderSummary> newest = orders.newest(10);
            assertEquals(List.of("A2", "A1"), newest.stream().map(PastOrders.OrderSummary::orderId).toList(),
                    "newest first; the return R1 has no item and is not listed");
            assertEquals(2, newest.get(1).itemCount());
            assertEquals(0, new BigDecimal("318").compareTo(newest.get(1).orderValue()));
            List<PastOrders.Line> lines = orders.lines(newest.get(1).id()).orElseThrow();
            assertEquals(List.of("TENT", "STAKES"), lines.stream().map(PastOrders.Line::sku).toList());
            assertEquals(2, lines.get(1).quantity());
            assertEquals("Accessories", lines.get(1).category());
            assertTrue(orders.lines(-1).isEmpty());
        }
    }

    /**
     * The newest orders of a store, against a brute-force sort by time then id, on random orders
     * whose times often tie, for limits below, at and above the number of orders.
     */
    @Test
    void theNewestOrdersAreThoseASortWouldGive() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        record Placed(String orderId, LocalDateTime at, int position) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LocalDateTime at = LocalDateTime.of(2025, 1, 1, 0, 0).plusHours(random.nextInt(300));
            boolean empty = random.nextInt(10) == 0;
            csv.append("O").append(i).append(",C").append(random.nextInt(50)).append(',').append(at).append(",SKU")
                    .append(random.nextInt(20)).append(",T,Cat,").append(empty ? -1 : 1 + random.nextInt(3)).append(",5\n");
            if (!empty) {
                placed.add(new Placed("O" + i, at, i));
            }
        }
        Path file = Files.writeString(dir.resolve("random.csv"), csv);
        try (Store store = Store.openOrCreate(dir.resolve("random"))) {
            new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
            List<String> sorted = placed.stream().sorted(Comparator.comparing(Placed::at)
                    .thenComparingInt(Placed::position).reversed()).map(Placed::orderId).toList();
            for (int limit : new int[] {1, 7, 200, placed.size(), 1_000}) {
                assertEquals(sorted.subList(0, Math.min(limit, sorted.size())),
                        new PastOrders(store).newest(limit).stream().map(PastOrders.OrderSummary::orderId).toList(),
                        "limit " + limit);
            }
        }
    }
}
