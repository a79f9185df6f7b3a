package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-orders writes a file that imports into an equal store: same catalog, same mined statistics. */
class OrderExportTest {

    @TempDir
    Path dir;

    @Test
    void anExportImportsIntoAStoreThatMinesTheSame() throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), String.join("\n",
                "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price,list_price,cost",
                "A1,Ann@Example.com,2025-01-01T10:00:00+02:00,S1,\"Tent, \"\"two\"\" person\",Tents,1,199.5,,120",
                "A1,Ann@Example.com,2025-01-01T10:05:00+02:00,S2,Pegs,Tents,4,2.25,2.5,",
                "A2,ann@example.com,2025-01-10,S2,Pegs,Tents,2,2.25,2.5,",
                "A2,ann@example.com,2025-01-10,S3,Mat,Sleeping,1,30,,",
                "A3,,2025-01-11 09:00:00,S1,\"Tent, \"\"two\"\" person\",Tents,1,199.5,,120",
                "A3,,2025-01-11 09:00:00,S3,Mat,Sleeping,1,30,,",
                "A4,C9,2025-01-12T00:00:00.125Z,S3,Mat,Sleeping,2,30,,",
                "A4,C9,2025-01-12T00:00:00.125Z,S3,Mat,Sleeping,-2,30,,",
                "A5,C9,2025-02-01T08:00:00Z,S1,\"Tent, \"\"two\"\" person\",Tents,1,189,,120",
                "A5,C9,2025-02-01T08:00:00Z,S4,\"Lamp\nwith a line break\",,1,15.0001,,",
                ""));
        Path exported = dir.resolve("exported.csv.gz");
        try (Store original = Store.openOrCreate(dir.resolve("original"))) {
            new OrderImporter().importFile(original, ImportRequest.of(csv), ProgressMonitor.NONE);
            OrderExport.Summary summary = new OrderExport(original).write(exported, ProgressMonitor.NONE);
            assertEquals(5, summary.orders());
            assertEquals(10, summary.lines());
            try (Store copy = Store.openOrCreate(dir.resolve("copy"))) {
                new OrderImporter().importFile(copy, ImportRequest.of(exported), ProgressMonitor.NONE);
                assertEquals(new OrderHistory(original).catalog(), new OrderHistory(copy).catalog());
                assertSameMining(original, copy);
            }
        }
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(exported))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.startsWith(OrderExport.HEADER + "\n"), text);
        assertTrue(text.contains("2025-01-01T08:00:00Z"), "times are UTC instants: " + text);
        assertTrue(text.contains("2025-01-12T00:00:00.125Z"), "milliseconds are kept: " + text);
        assertFalse(text.toLowerCase().contains("example.com"), "customers leave as the store's keys only");
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }

    private static void assertSameMining(Store a, Store b) {
        MiningSettings settings = new MiningSettings(30, 0, 1);
        MiningRun runA = new MiningService().mine(a, settings, ProgressMonitor.NONE).run();
        MiningRun runB = new MiningService().mine(b, settings, ProgressMonitor.NONE).run();
        assertEquals(runA.orders(), runB.orders());
        assertEquals(runA.ordersEmpty(), runB.ordersEmpty());
        assertEquals(runA.lastOrderAt(), runB.lastOrderAt());
        PairStatisticsStore statsA = new PairStatisticsStore(a);
        PairStatisticsStore statsB = new PairStatisticsStore(b);
        assertEquals(statsA.products(runA.id()), statsB.products(runB.id()));
        PackedPairs pairsA = statsA.pairs(runA.id(), 5);
        PackedPairs pairsB = statsB.pairs(runB.id(), 5);
        for (int p = 0; p < 5; p++) {
            assertArrayEquals(pairsA.packed(p), pairsB.packed(p), "pairs of product " + p);
        }
        assertTrue(runA.pairs() > 0);
    }
}
