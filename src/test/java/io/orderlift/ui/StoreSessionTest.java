package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One store session that every view follows: import into the open store, switch stores, apply a backtest's choice. */
@ExtendWith(ApplicationExtension.class)
class StoreSessionTest {

    Path data;
    WorkbenchFixture fixture;
    final AtomicReference<Path> nextFile = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-session-test");
        Store store = WorkbenchFixture.minedTentStore(data);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(nextFile::get, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean hasSku(List<String> labels, String sku) {
        return labels.stream().anyMatch(l -> l.startsWith(sku + " "));
    }

    @Test
    void anImportIntoTheOpenStoreReachesEveryView(FxRobot robot) throws Exception {
        var model = fixture.model;
        waitFor(() -> hasSku(model.preview().catalog(), "TENT") && model.session().recommenderProperty().get() != null);
        robot.interact(() -> model.pairs().anchorProperty().set(model.pairs().anchors().stream()
                .filter(l -> l.startsWith("TENT ")).findFirst().orElseThrow()));
        waitFor(() -> !model.pairs().allRows().isEmpty());
        nextFile.set(Files.writeString(data.resolve("more.csv"), "order_id,customer_id,ordered_at,sku,title,category,"
                + "quantity,unit_price\nN1,C9,2026-01-05T10:00:00Z,LANTERN,Lantern,Lights,1,35.00\n"
                + "N1,C9,2026-01-05T10:00:00Z,TENT,Tent,Tents,1,300.00\n"));
        robot.interact(() -> model.importOrders(ImportRequest.of(nextFile.get())));
        // every view shows the store as it is now, without reopening it
        waitFor(() -> hasSku(model.preview().catalog(), "LANTERN"));
        waitFor(() -> hasSku(model.pairs().anchors(), "LANTERN"));
        waitFor(() -> hasSku(model.exclusions().products(), "LANTERN"));
        waitFor(() -> model.confirmation().orders().stream().anyMatch(o -> o.startsWith("N1 ")));
        assertTrue(model.pairs().anchorProperty().get().startsWith("TENT "), "the same store keeps its anchor");
    }

    @Test
    void switchingStoresResetsWhatBelongedToTheOtherStore(FxRobot robot) throws Exception {
        var model = fixture.model;
        Path first = data.resolve("shop");
        waitFor(() -> hasSku(model.preview().catalog(), "TENT") && model.session().recommenderProperty().get() != null);
        assertEquals(first.resolve("ruleset.json").toString(), model.publish().targetProperty().get());
        robot.interact(() -> {
            model.preview().add(model.preview().catalog().stream().filter(l -> l.startsWith("TENT ")).findFirst()
                    .orElseThrow());
            model.pairs().anchorProperty().set(model.pairs().anchors().stream().filter(l -> l.startsWith("TENT "))
                    .findFirst().orElseThrow());
            model.publish().publish();
        });
        waitFor(() -> model.publish().versions().size() == 1);

        Path secondDir = data.resolve("kitchen");
        try (Store second = Store.openOrCreate(secondDir)) {
            new OrderImporter().importFile(second, ImportRequest.of(Path.of("sample-stores/kitchen/orders.csv")),
                    ProgressMonitor.NONE);
            new MiningService().mine(second, MiningSettings.defaults(), ProgressMonitor.NONE);
        }
        robot.interact(() -> model.show(Store.open(secondDir)));
        waitFor(() -> hasSku(model.preview().catalog(), "KIT-CNS-001"));
        assertEquals(secondDir.resolve("ruleset.json").toString(), model.publish().targetProperty().get(),
                "publishing there never overwrites the other store's rule set");
        assertTrue(model.preview().cart().isEmpty(), "no item of the other store stays in the cart");
        assertNull(model.preview().cartNameProperty().get());
        waitFor(() -> model.pairs().anchorProperty().get() != null && model.pairs().anchorProperty().get()
                .startsWith("KIT-") && !model.pairs().allRows().isEmpty());
        assertTrue(model.pairs().allRows().stream().allMatch(r -> r.sku().startsWith("KIT-")),
                "the pairs browser opens on the other store's best seller, with none of the first store's rows");
        assertTrue(model.publish().versions().isEmpty(), "the other store's versions are not listed");
        assertTrue(!hasSku(model.preview().catalog(), "TENT"));
        waitFor(() -> model.confirmation().orders().size() > 0);

        robot.interact(() -> model.show(Store.open(first)));
        waitFor(() -> model.publish().versions().size() == 1 && hasSku(model.preview().catalog(), "TENT"));
        assertEquals(first.resolve("ruleset.json").toString(), model.publish().targetProperty().get());
        assertTrue(model.preview().cart().isEmpty());
    }

    @Test
    void theBacktestsSettingsReachThePreviewAndThePublishedFileAnswersAsItShows(FxRobot robot) throws Exception {
        var model = fixture.model;
        waitFor(() -> hasSku(model.preview().catalog(), "TENT") && model.session().recommenderProperty().get() != null);
        robot.interact(() -> model.reports().runBacktest());
        waitFor(() -> model.reports().hasReportProperty().get());
        robot.interact(() -> model.reports().useChosenSettings());
        Store store = model.storeProperty().get();
        waitFor(() -> new Profiles(store).active().chosenBy() != null
                && new Profiles(store).active().equals(model.session().profileProperty().get()));
        robot.interact(() -> model.preview().add(model.preview().catalog().stream().filter(l -> l.startsWith("TENT "))
                .findFirst().orElseThrow()));
        waitFor(() -> !model.preview().recommendations().isEmpty());
        List<String> shown = model.preview().recommendations().stream().map(Recommendation::sku).toList();
        Path file = data.resolve("published.json");
        robot.interact(() -> {
            model.publish().targetProperty().set(file.toString());
            model.publish().publish();
        });
        waitFor(() -> Files.exists(file) && model.publish().versions().size() == 1);
        List<String> served = new StorefrontEvaluator(RuleSetJson.read(file)).evaluate(Placement.CART.cliName(),
                List.of(new RuleSet.Item("TENT", 1)), 0).items().stream().map(i -> i.sku()).toList();
        assertEquals(shown, served, "the file answers the cart as the preview showed it");

        // the kept backtest chose the settings in use; an exclusion made in the session makes it stale, in
        // the Reports tab and on the overview alike
        waitFor(() -> !model.reports().staleProperty().get()
                && model.overview().backtestStatusProperty().get().startsWith("Backtest of "));
        assertTrue(model.reports().provenanceProperty().get().endsWith("the store has not changed since.")
                || model.reports().provenanceProperty().get().endsWith("kept with the store."),
                model.reports().provenanceProperty().get());
        robot.interact(() -> model.exclusions().add(ExclusionKind.SKU, "TENT", "", "out of stock"));
        waitFor(() -> model.reports().staleProperty().get()
                && model.overview().backtestStatusProperty().get().endsWith("Since then the exclusions changed:"
                + " run it again in Reports."));
    }
}
