package io.orderlift.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.DateWarning;
import io.orderlift.evaluation.GuestOrders;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.evaluation.VersusActive;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.Profiles;
import io.orderlift.ruleset.Publisher;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;

import io.orderlift.store.MiningRun;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.MinedTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {

    @TempDir
    Path dir;

    private final HeldTasks tasks = new HeldTasks();
    private final OverviewViewModel model = new OverviewViewModel(tasks);

    @Test
    void aSlowReadOfTheStoreOpenedBeforeNeverOverwritesTheOpenOne() throws Exception {
        try (Store empty = Store.openOrCreate(dir.resolve("b"))) {
            tasks.loadBothFinishingNewestFirst(dir, model::load, empty);
            assertEquals("0", model.ordersProperty().get(), "the store opened last, as it is");
            assertEquals("b", model.storeNameProperty().get());
        }
    }

    private void releaseAll() {
        while (!tasks.pending().isEmpty()) {
            tasks.release();
        }
    }

    /** The Import and Mine buttons follow these: nothing to import into before a store, nothing to mine before orders. */
    /** A run's order count differs from the store's by the orders it ignored: the status line says how many. */
    @Test
    void theOrdersAMiningRunIgnoredAreSaidBesideItsCount() {
        assertEquals("", OverviewViewModel.ignored(run(0)));
        assertEquals(" (1 more held nothing after returns)", OverviewViewModel.ignored(run(1)));
        assertEquals(" (601 more held nothing after returns)", OverviewViewModel.ignored(run(601)));
    }

    private static MiningRun run(int ordersEmpty) {
        return new MiningRun(1, Instant.EPOCH, 0, 30, 0, 1, 19_384, ordersEmpty, 0, Instant.EPOCH, Instant.EPOCH,
                4_000, 100, 0);
    }

    /** Mining is the next step of a store with orders no run counts: before the first run, and after an import. */
    @Test
    void miningIsDueUntilARunCountsEveryImport() throws Exception {
        try (Store shop = Store.openOrCreate(dir.resolve("shop"));
             Store empty = Store.openOrCreate(dir.resolve("empty"))) {
            model.load(empty);
            releaseAll();
            assertFalse(model.miningDueProperty().get(), "no orders: importing comes first");
            new OrderImporter().importFile(shop, ImportRequest.of(withOneStrayDate("2025-02-01")), ProgressMonitor.NONE);
            model.load(shop);
            releaseAll();
            assertTrue(model.miningDueProperty().get(), "imported, never mined");
            new MiningService().mine(shop, MiningSettings.defaults(), ProgressMonitor.NONE);
            model.load(shop);
            releaseAll();
            assertFalse(model.miningDueProperty().get(), "the run counts every order");
            new OrderImporter().importFile(shop, ImportRequest.of(Files.writeString(dir.resolve("more.csv"),
                    "order_id,customer_id,ordered_at,sku,quantity,unit_price\nN1,C1,2025-09-01,B,1,5\n")),
                    ProgressMonitor.NONE);
            model.load(shop);
            releaseAll();
            assertTrue(model.miningDueProperty().get(), "an import since the run");
            model.load(empty);
            assertFalse(model.miningDueProperty().get(), "another store: not until its figures say");
        }
    }

    @Test
    void aStoreIsShownAndHoldsOrdersOnlyOnceItsFiguresSaySo() throws Exception {
        assertFalse(model.storeShownProperty().get(), "no store open at the start");
        assertFalse(model.hasOrdersProperty().get());
        try (Store shop = Store.openOrCreate(dir.resolve("shop"));
             Store empty = Store.openOrCreate(dir.resolve("empty"))) {
            new OrderImporter().importFile(shop, ImportRequest.of(withOneStrayDate("2025-02-01")), ProgressMonitor.NONE);
            model.load(shop);
            assertTrue(model.storeShownProperty().get());
            assertFalse(model.hasOrdersProperty().get(), "not before its figures are read");
            tasks.release();
            assertTrue(model.hasOrdersProperty().get());
            model.load(shop);
            assertTrue(model.hasOrdersProperty().get(), "a reload of the same store does not take it back");
            releaseAll();
            model.load(empty);
            assertFalse(model.hasOrdersProperty().get(), "another store: not until its figures say");
            releaseAll();
            assertTrue(model.storeShownProperty().get());
            assertFalse(model.hasOrdersProperty().get(), "a store without orders has nothing to mine");
            assertEquals(OverviewViewModel.NO_ORDERS, model.miningStatusProperty().get(), "it says what to do first");
            model.preparing("outdoor");
            assertFalse(model.storeShownProperty().get(), "a sample store being prepared is not open yet");
            model.clear();
            assertEquals(OverviewViewModel.NO_STORE, model.storeNameProperty().get(), "it did not open");
            assertEquals(OverviewViewModel.HOW_TO_OPEN, model.storeLocationProperty().get());
            assertFalse(model.loadingProperty().get());
        }
    }

    /** The share of guest orders is said under the orders (no pair counts them toward the privacy floor). */
    @Test
    void theShareOfGuestOrdersIsSaidAndAnotherStoreClearsIt() throws Exception {
        try (Store guests = Store.openOrCreate(dir.resolve("guests"));
             Store empty = Store.openOrCreate(dir.resolve("empty"))) {
            new OrderImporter().importFile(guests, ImportRequest.of(Files.writeString(dir.resolve("guests.csv"),
                    GuestOrders.csv(1_200, 3))), ProgressMonitor.NONE);
            model.load(guests);
            tasks.release();
            assertEquals("0", model.customersProperty().get());
            assertEquals("Orders · 100 % guests", model.ordersCaptionProperty().get());
            releaseAll();
            model.load(empty);
            releaseAll();
            assertEquals("Orders", model.ordersCaptionProperty().get());
        }
    }

    @Test
    void aStrayDateIsSaidUnderTheFiguresAndAnotherStoreClearsIt() throws Exception {
        Path file = withOneStrayDate("1970-01-01");
        try (Store stray = Store.openOrCreate(dir.resolve("stray"));
             Store empty = Store.openOrCreate(dir.resolve("b"))) {
            new OrderImporter().importFile(stray, ImportRequest.of(file), ProgressMonitor.NONE);
            model.load(stray);
            tasks.release();
            assertEquals("", model.dateWarningProperty().get(), "checked after the figures are shown");
            tasks.release();
            assertTrue(model.dateWarningProperty().get().startsWith("1 order is dated 1970-01-01, 55 years before"
                    + " the rest (2025-01-01 to 2025-07-19)."), model.dateWarningProperty().get());
            model.load(empty);
            assertEquals("", model.dateWarningProperty().get(), "no warning of the store open before");
            tasks.release();
            tasks.release();
            assertEquals("", model.dateWarningProperty().get());
        }
    }

    @Test
    void datesAnImportAlreadyCheckedAreSaidWithoutAnotherScan() throws Exception {
        Path file = withOneStrayDate("2099-06-01");
        try (Store stray = Store.openOrCreate(dir.resolve("stray"))) {
            new OrderImporter().importFile(stray, ImportRequest.of(file), ProgressMonitor.NONE);
            Optional<DateWarning> found = DateWarning.in(stray);
            assertTrue(found.isPresent());

            model.load(new CatalogOnce(stray), found);
            tasks.release();
            assertEquals(found.get().advice(), model.dateWarningProperty().get());
            assertEquals(List.of("Reading the last backtest", "Drawing the order value and price charts"), tasks.pending(),
                    "no second scan");

            model.load(new CatalogOnce(stray));
            tasks.release();
            assertEquals("", model.dateWarningProperty().get(), "unknown until checked");
            assertEquals(List.of("Reading the last backtest", "Drawing the order value and price charts",
                    "Checking the order dates"), tasks.pending());
            tasks.release();
            assertEquals(found.get().advice(), model.dateWarningProperty().get());
        }
    }

    @Test
    void theFiguresShowBeforeTheChartsAndAnotherStoreClearsThem() throws Exception {
        try (Store mined = MinedTestStore.create(Files.createDirectories(dir.resolve("a")));
             Store empty = Store.openOrCreate(dir.resolve("b"))) {
            model.load(mined);
            tasks.release();
            assertNotEquals("–", model.ordersProperty().get(), "the figures are read first");
            assertFalse(model.loadingProperty().get(), "and the view is usable while the charts are drawn");
            assertNull(model.aovHistogramProperty().get());
            tasks.release();
            assertNotNull(model.aovHistogramProperty().get());
            assertNotNull(model.priceHistogramProperty().get());

            model.load(empty);
            assertNull(model.aovHistogramProperty().get(), "no chart of the store open before");
            assertNull(model.priceHistogramProperty().get());
            tasks.release();
            tasks.release();
            assertEquals("0", model.ordersProperty().get());
            assertNotNull(model.aovHistogramProperty().get(), "an empty store's chart says it has no data");
        }
    }

    /** The kept backtest is said under the mining line, and when the store changed since, that too. */
    @Test
    void theKeptBacktestIsSaidAndWhenTheStoreChangedSince() throws Exception {
        try (Store mined = MinedTestStore.create(Files.createDirectories(dir.resolve("a")));
             Store empty = Store.openOrCreate(dir.resolve("b"))) {
            model.load(mined);
            tasks.release();
            tasks.release();
            assertEquals(OverviewViewModel.NOT_BACKTESTED, model.backtestStatusProperty().get());
            assertEquals(OverviewViewModel.BUILT_IN_SETTINGS, model.profileStatusProperty().get());
            assertEquals(OverviewViewModel.NOT_PUBLISHED, model.publishStatusProperty().get());
            new Publisher().publish(mined, dir.resolve("rules.json"), "first", null, false);
            model.checkPublished(); // as the workbench does when the Publish tab lists a new version
            tasks.release();
            assertTrue(model.publishStatusProperty().get().matches(
                    "Published version 1 on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d to rules\\.json\\."),
                    model.publishStatusProperty().get());
            new Profiles(mined).save(WeightingProfile.defaults().withName("gentle").withPriceWeight(0.5), true);
            model.checkBacktest(); // as the workbench does after a profile change
            tasks.release();
            assertEquals("Ranked by profile gentle, set by hand.", model.profileStatusProperty().get());

            SavedBacktests.Saved ran = SavedBacktests.run(mined, Backtest.Settings.defaults(), ProgressMonitor.NONE);
            model.load(mined);
            tasks.release();
            tasks.release();
            String said = model.backtestStatusProperty().get();
            assertTrue(said.matches("Backtest of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: the chosen ranking earns"
                    + " \\d+\\.\\d\\d× popularity's revenue per impression on the cart.*\\."), said);
            assertEquals(!ran.activeUsesChosen(), said.endsWith(OverviewViewModel.OTHER_SETTINGS), said);

            // the validated settings applied: the figures are of the store's ranking
            WeightingProfile applied = VersusActive.applied(ran.report().chosenProfile(), new Profiles(mined).active());
            new Profiles(mined).save(applied, true);
            model.checkBacktest();
            tasks.release();
            said = model.backtestStatusProperty().get();
            assertFalse(said.contains(OverviewViewModel.OTHER_SETTINGS) || said.contains("Since then"), said);
            // other settings by hand: the report is stale, and not of the store's ranking
            new Profiles(mined).save(applied.withPriceWeight(applied.priceWeight() + 0.25).withChosenBy(null), true);
            model.checkBacktest();
            tasks.release();
            said = model.backtestStatusProperty().get();
            assertTrue(said.endsWith("Since then the active profile changed: run it again in Reports. "
                    + OverviewViewModel.OTHER_SETTINGS), said);
            new Profiles(mined).save(applied, true);

            new CurationStore(mined).exclude(ExclusionKind.SKU, MinedTestStore.STAKES, "", "");
            model.checkBacktest(); // as the workbench does after a curation change
            tasks.release();
            assertTrue(model.backtestStatusProperty().get().endsWith(
                    ". Since then the exclusions changed: run it again in Reports."), model.backtestStatusProperty().get());

            model.load(empty);
            assertEquals("", model.backtestStatusProperty().get(), "not the store open before");
            assertEquals("", model.profileStatusProperty().get(), "not the store open before");
            assertEquals("", model.publishStatusProperty().get(), "not the store open before");
            tasks.release();
            tasks.release();
            assertEquals("", model.backtestStatusProperty().get(), "an unmined store is not asked to be backtested");
            assertEquals("", model.profileStatusProperty().get(), "an unmined store ranks nothing");
            assertEquals("", model.publishStatusProperty().get(), "an unmined store has nothing to publish");
        }
    }

    /** 200 orders a day apart from 2025-01-01, and one more dated {@code stray}. */
    private Path withOneStrayDate(String stray) throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int i = 0; i < 200; i++) {
            csv.append("O").append(i).append(",C").append(i % 30).append(',')
                    .append(LocalDate.of(2025, 1, 1).plusDays(i)).append(",A,1,10\n");
        }
        csv.append("TYPO,C1,").append(stray).append(",A,1,10\n");
        return Files.writeString(dir.resolve("stray.csv"), csv);
    }
}
