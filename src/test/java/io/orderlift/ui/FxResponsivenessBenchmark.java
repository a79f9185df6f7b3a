package io.orderlift.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.RankingModel;
import io.orderlift.samples.BundledSamples;
import io.orderlift.store.Store;
import io.orderlift.ui.common.FxLagProbe;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a test (it asserts nothing and Surefire's default includes skip it): is the FX
 * thread ever busy for more than 50 ms while the workbench re-ranks? Opens the real window on the
 * largest sample store (beauty), mined, and drags the price weight and other sliders in 25 ms steps
 * in the pairs browser, the weighting view and the cart preview, while {@link FxLagProbe} pings the
 * FX thread every 5 ms. Run headless (Monocle, software rendering) with:
 * <pre>mvn -B test -Dtest=FxResponsivenessBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and on the real shape with a 50-item cart:
 * <pre>mvn -B test -Dtest=FxResponsivenessBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     "-Dsurefire.extraArgs=-Dorderlift.benchStore=wholesale -Dorderlift.benchCart=50"</pre>
 */
@ExtendWith(ApplicationExtension.class)
class FxResponsivenessBenchmark {

    /** The store: beauty by default; {@code -Dorderlift.benchStore=wholesale} for the real shape. */
    private static final String STORE = System.getProperty("orderlift.benchStore", "beauty");
    /** Items in the cart preview: the best sellers; {@code -Dorderlift.benchCart=50} for a long cart. */
    private static final int CART = Integer.getInteger("orderlift.benchCart", 4);
    private WorkbenchFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory("orderlift-fx-bench");
        Path directory = BundledSamples.ensureImported(data, STORE, ProgressMonitor.NONE);
        Store store = Store.openOrCreate(directory);
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(() -> null, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void dragSlidersWhileEveryViewReRanks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fixture.model.session().recommenderProperty().get() != null
                && !fixture.model.preview().catalog().isEmpty());
        RankingModel model = fixture.model.session().recommenderProperty().get().model();
        int[] best = IntStream.range(0, model.productCount()).filter(p -> model.sku(p) != null).boxed()
                .sorted(Comparator.comparingInt(model::ordersOf).reversed()).limit(CART).mapToInt(Integer::intValue)
                .toArray();
        String anchor = fixture.model.preview().catalog().stream().filter(l -> l.startsWith(model.sku(best[0]) + " "))
                .findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "store %s: %,d products, %,d pairs, anchor %s%n", STORE, model.productCount(),
                model.minedPairCount(), anchor);
        try (FxLagProbe probe = new FxLagProbe().start(5)) {
            tab(robot, "Pairs");
            robot.interact(() -> fixture.model.pairs().anchorProperty().set(anchor));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !fixture.model.pairs().rows().isEmpty());
            report("idle, pairs browser open", probe);
            drag(robot, "#priceWeight", probe);
            report("pairs browser: drag price weight 0 → 2 → 0 (161 steps)", probe);

            tab(robot, "Weighting");
            drag(robot, "#weightSlider", probe);
            report("weighting: drag price weight (161 steps)", probe);
            drag(robot, "#smoothingSlider", probe);
            report("weighting: drag smoothing 0 → 50 → 0 (161 steps)", probe);
            drag(robot, "#priceRatioSlider", probe);
            report("weighting: drag max price ratio (161 steps)", probe);

            tab(robot, "Cart preview");
            for (int p : best) {
                String label = fixture.model.preview().catalog().stream()
                        .filter(l -> l.startsWith(model.sku(p) + " ")).findFirst().orElseThrow();
                robot.interact(() -> fixture.model.preview().add(label));
            }
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !fixture.model.preview().recommendations().isEmpty());
            probe.reset();
            tab(robot, "Weighting");
            drag(robot, "#weightSlider", probe);
            report("weighting with a " + CART + "-item cart in the preview: drag price weight (161 steps)", probe);
        }
    }

    private static void tab(FxRobot robot, String name) {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Moves the slider from its minimum to its maximum and back in 161 steps, 25 ms apart, as a drag would. */
    private static void drag(FxRobot robot, String id, FxLagProbe probe) throws Exception {
        Slider slider = robot.lookup(id).queryAs(Slider.class);
        double min = slider.getMin();
        double max = slider.getMax();
        probe.reset();
        for (int i = 0; i <= 160; i++) {
            double t = i <= 80 ? i / 80.0 : (160 - i) / 80.0;
            double value = min + t * (max - min);
            Platform.runLater(() -> slider.setValue(value));
            Thread.sleep(25);
        }
    }

    private static void report(String what, FxLagProbe probe) throws Exception {
        Thread.sleep(1_500);
        WaitForAsyncUtils.waitForFxEvents();
        FxLagProbe.Summary s = probe.summary();
        System.out.printf(Locale.ROOT, "%-75s pings %5d  median %5.1f ms  p99 %5.1f ms  max %5.1f ms  >50 ms: %d%n",
                what, s.pings(), s.medianMs(), s.p99Ms(), s.maxMs(), s.over50Ms());
        probe.reset();
    }
}
