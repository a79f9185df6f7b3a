package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store is used by one process at a time; the second gets a clear message and changes nothing. */
class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void secondProcessGetsAClearMessageAndTheStoreStaysIntact() throws Exception {
        Path storeDir = dir.resolve("shop");
        Path csv = Files.writeString(dir.resolve("orders.csv"),
                "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,1,5\n");
        try (Store store = Store.openOrCreate(storeDir)) {
            new OrderImporter().importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldStoreOpen.class.getName(), storeDir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("open"));
            assertTrue(line != null, "the other process opened the store");

            StoreLockedException e = assertThrows(StoreLockedException.class, () -> Store.open(storeDir));
            assertTrue(e.getMessage().contains("already open in another Orderlift"), e.getMessage());
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(storeDir.resolve("store.lock.db")),
                "the lock was the operating system's on the store file: a killed holder leaves no lock file to wait out");
        try (Store store = Store.open(storeDir)) {
            assertEquals(1, new StoreQueries(store).overview().orders(), "killing the holder corrupted nothing");
        }
    }

    /**
     * A lock this process still holds on the file for a moment (a store of this process being closed)
     * is waited out; one it keeps holding is reported like any other holder, not as a crash.
     */
    @Test
    void aLockThisProcessStillHoldsForAMomentIsWaitedOut() throws Exception {
        Path storeDir = dir.resolve("leftover");
        try (Store store = Store.openOrCreate(storeDir)) {
            assertEquals("leftover", store.name());
        }
        Path file = storeDir.resolve("store.mv.db");
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            var lock = channel.lock();
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    lock.release();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            try (Store store = Store.open(storeDir)) {
                assertEquals("leftover", store.name(), "opened once the lock was gone");
            }
            release.join();
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE);
             var held = channel.lock()) {
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> Store.open(storeDir));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertTrue(held.isValid());
        }
    }

    @Test
    void sameStoreTwiceInOneProcessIsRefused() {
        try (Store store = Store.openOrCreate(dir.resolve("once"))) {
            assertThrows(StoreLockedException.class, () -> Store.open(dir.resolve("once")));
            assertEquals("once", store.name());
        }
    }

    @Test
    void openingAFolderWithoutAStoreSaysSo() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("no Orderlift store"));
    }
}
