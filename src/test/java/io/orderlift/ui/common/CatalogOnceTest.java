package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogOnceTest {

    @TempDir
    Path dir;

    @Test
    void viewsAskingAtOnceShareOneReadOfTheCatalog() throws Exception {
        try (Store store = MinedTestStore.create(dir)) {
            CatalogOnce shared = new CatalogOnce(store);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<CompletableFuture<List<OrderHistory.CatalogEntry>>> asked = List.of(
                        CompletableFuture.supplyAsync(shared::entries, threads),
                        CompletableFuture.supplyAsync(shared::entries, threads),
                        CompletableFuture.supplyAsync(shared::entries, threads));
                List<OrderHistory.CatalogEntry> first = asked.get(0).get();
                for (var answer : asked) {
                    assertSame(first, answer.get(), "one read, one list");
                }
                assertEquals(new OrderHistory(store).catalog(), first);
                assertEquals(4, first.size(), "tent, stakes, footprint, socks");
            } finally {
                threads.shutdown();
            }
        }
    }

    /**
     * With list prices and without, mined or not: the catalog and the spreads read together equal the
     * two read apart, in either order of asking, and the spreads are read once.
     */
    @Test
    void theSpreadsComeFromTheCatalogsScanAndEqualTheirOwnRead() throws Exception {
        String header = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price";
        String lines = """
                O1,C1,2025-01-01,TENT,Tent,Tents,1,300%s
                O1,C1,2025-01-01,STAKES,Stakes,Accessories,2,9%s
                O2,C2,2025-01-02,TENT,Tent,Tents,1,280%s
                O2,C2,2025-01-02,POST,Postage,Charges,1,4.5%s
                O3,C3,2025-01-03,POST,Postage,Charges,1,12%s
                O3,C3,2025-01-03,STAKES,Stakes,Accessories,1,8%s
                """;
        for (boolean listPrices : new boolean[] {true, false}) {
            String csv = (listPrices ? header + ",list_price\n" : header + "\n")
                    + lines.formatted(listPrices ? ",310" : "", listPrices ? ",9" : "", listPrices ? ",310" : "",
                    listPrices ? ",5" : "", listPrices ? ",5" : "", listPrices ? ",9" : "");
            Path file = Files.writeString(dir.resolve("orders-" + listPrices + ".csv"), csv);
            for (int variant = 0; variant < 4; variant++) {
                boolean catalogFirst = variant % 2 == 0;
                boolean mined = variant >= 2; // the catalog then comes from the run, the spreads from a scan
                try (Store store = Store.openOrCreate(dir.resolve("store-" + listPrices + variant))) {
                    new OrderImporter().importFile(store,
                            ImportRequest.of(file), ProgressMonitor.NONE);
                    if (mined) {
                        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
                    }
                    CatalogOnce shared = new CatalogOnce(store);
                    List<OrderHistory.SoldPriceSpread> spreads;
                    List<OrderHistory.CatalogEntry> entries;
                    if (catalogFirst) {
                        entries = shared.entries();
                        spreads = shared.spreads();
                    } else {
                        spreads = shared.spreads();
                        entries = shared.entries();
                    }
                    assertEquals(new OrderHistory(store).catalog(), entries, "list prices " + listPrices + ", variant " + variant);
                    assertEquals(new OrderHistory(store).soldPriceSpreads(), spreads, "list prices " + listPrices
                            + ", variant " + variant);
                    assertSame(spreads, shared.spreads(), "read once");
                    assertEquals(0, new BigDecimal(listPrices ? "310" : "280")
                            .compareTo(entries.get(0).price()), "the tent's list price, or its median sold price");
                }
            }
        }
    }
}
