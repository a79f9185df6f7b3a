package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
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
}
