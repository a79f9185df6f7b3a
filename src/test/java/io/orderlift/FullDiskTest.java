package io.orderlift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ruleset.Publisher;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import io.orderlift.store.db.Tables;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while mining and while publishing (issue 19): simulated by an H2 trigger that fails as
 * the file system does, at the write of the new run's pairs and of the new version. The message is
 * one line saying the disk is full, and the previous run, the previous version and its file stay.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    /** Fails every insert like a full disk. */
    public static final class DiskFull implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("Writing to store.mv.db failed: No space left on device");
        }
    }

    @Test
    void aFullDiskWhileMiningOrPublishingKeepsThePreviousRunAndVersion() throws Exception {
        Path file = dir.resolve("outdoor.json");
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                    ProgressMonitor.NONE);
            var first = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE).run();
            new Publisher().publish(store, file, "before", null, false);
            byte[] published = Files.readAllBytes(file);

            store.read(ctx -> ctx.execute("CREATE TRIGGER full_pairs BEFORE INSERT ON anchor_pairs FOR EACH ROW CALL \""
                    + DiskFull.class.getName() + "\""));
            StoreException mining = assertThrows(StoreException.class,
                    () -> new MiningService().mine(store, new MiningSettings(7, 0, 1), ProgressMonitor.NONE));
            assertTrue(mining.getMessage().startsWith("The disk holding the store"), mining.getMessage());
            assertEquals(1, mining.getMessage().lines().count());
            assertEquals(first.id(), new PairStatisticsStore(store).activeRun().orElseThrow().id(), "previous run kept");
            store.read(ctx -> ctx.execute("DROP TRIGGER full_pairs"));

            store.read(ctx -> ctx.execute("CREATE TRIGGER full_versions BEFORE INSERT ON published_rulesets FOR EACH ROW"
                    + " CALL \"" + DiskFull.class.getName() + "\""));
            StoreException publishing = assertThrows(StoreException.class,
                    () -> new Publisher().publish(store, file, "after", null, false));
            assertTrue(publishing.getMessage().startsWith("The disk holding the store"), publishing.getMessage());
            assertArrayEquals(published, Files.readAllBytes(file), "the previous rule set file is untouched");
            assertEquals(1, new PublishedVersions(store).all().size(), "no version recorded");
            store.read(ctx -> ctx.execute("DROP TRIGGER full_versions"));
            assertEquals(2, new Publisher().publish(store, file, "after", null, false).version(), "and it works again");
        }
    }

    /** The packed copy of the lines is derived data: a full disk when it is kept costs a later read a scan, not the mining. */
    @Test
    void aFullDiskWhenKeepingTheCopyOfTheLinesDoesNotStopMining() throws Exception {
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                    ProgressMonitor.NONE);
            store.read(ctx -> ctx.execute("CREATE TRIGGER full_copy BEFORE INSERT ON line_snapshots FOR EACH ROW CALL \""
                    + DiskFull.class.getName() + "\""));
            var run = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE).run();
            assertEquals(run.id(), new PairStatisticsStore(store).activeRun().orElseThrow().id(), "mined all the same");
            assertEquals(0, (int) store.read(ctx -> ctx.fetchCount(Tables.LINE_SNAPSHOTS)), "no copy kept");
            store.read(ctx -> ctx.execute("DROP TRIGGER full_copy"));
            var again = new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE).run();
            assertEquals(run.pairs(), again.pairs(), "the same pairs from the tables");
            assertEquals(1, (int) store.read(ctx -> ctx.fetchCount(Tables.LINE_SNAPSHOTS)), "kept by the next read");
        }
    }
}
