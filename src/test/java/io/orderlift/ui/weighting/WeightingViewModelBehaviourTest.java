package io.orderlift.ui.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.orderlift.evaluation.BacktestReport;
import io.orderlift.ranking.WeightingProfile;

import io.orderlift.ui.common.ViewModelSession;
import io.orderlift.ui.common.MinedTestStore;
import io.orderlift.ui.common.RankingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weighting view's behaviour, driven on the calling thread without a window. */
class WeightingViewModelBehaviourTest {

    @TempDir
    Path dir;
    ViewModelSession fixture;
    RankingSession session;
    WeightingViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = new ViewModelSession(dir);
        session = fixture.session;
        model = new WeightingViewModel(fixture.tasks, session);
        assertTrue(model.summaryProperty().get().startsWith("Mine the store"), model.summaryProperty().get());
        fixture.load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private WeightingViewModel.EffectRow tent() {
        return model.effect().stream().filter(r -> r.anchor().equals(MinedTestStore.TENT)).findFirst().orElseThrow();
    }

    @Test
    void aSettingEditedHereBecomesTheWorkingProfileAndShowsItsEffectAgainstTheSavedOne() {
        assertFalse(tent().changed(), "nothing edited yet");
        assertFalse(model.unsavedBinding().get());
        model.priceWeightProperty().set(0);
        assertEquals(0, session.profileProperty().get().priceWeight(), "the session follows the slider");
        assertTrue(model.unsavedBinding().get());
        WeightingViewModel.EffectRow tent = tent();
        assertTrue(tent.changed(), "the tent's list changes order");
        assertEquals("FOOTPRINT, STAKES", tent.saved());
        assertEquals("STAKES, FOOTPRINT", tent.working());
        assertEquals(tent.savedRpi(), tent.workingRpi(), 1e-9, "the same two items, only reordered, earn the same");
        assertTrue(model.summaryProperty().get().contains("best-seller lists change"), model.summaryProperty().get());
        assertEquals(null, model.profile().chosenBy(), "a setting edited by hand is no longer the backtest's choice");
    }

    @Test
    void theWorkingProfileIsHeldAgainstTheLastBacktestsValidatedSettings() {
        assertEquals("", model.versusValidatedProperty().get(), "no backtest yet");
        WeightingProfile working = session.profileProperty().get();
        double validatedW = working.priceWeight() + 0.25;
        model.lastBacktestProperty().set(report(working.withPriceWeight(validatedW), null));
        assertEquals(String.format(Locale.ROOT, "1 setting differs from the last backtest's validated ones: w %.2f"
                        + " where the backtest validated w %.2f.", working.priceWeight(), validatedW),
                model.versusValidatedProperty().get());
        model.priceWeightProperty().set(validatedW);
        assertEquals("The last backtest validated these settings.", model.versusValidatedProperty().get(),
                "said again as a setting moves");
        model.lastBacktestProperty().set(report(working, "nothing that any ranking recommended was bought"));
        assertEquals("", model.versusValidatedProperty().get(), "a backtest that chose nothing validated nothing");
    }

    private static BacktestReport report(WeightingProfile chosen, String notChosen) {
        return new BacktestReport(4, new BacktestReport.Lengths(4, 3), 0.2, 30, "sequential", "2025-01-01", "2025-06-01", 1, "2025-10-01",
                "2025-12-31", 100, 20, 20, 20_000, false, Map.of(), List.of(), Map.of(), chosen, 1, "USD", notChosen);
    }

    @Test
    void aProfileChosenElsewhereFillsEverySetting() {
        session.profileProperty().set(session.profileProperty().get().withPriceWeight(1.5));
        assertEquals(1.5, model.priceWeightProperty().get());
        assertEquals(session.profileProperty().get().smoothing(), model.smoothingProperty().get());
        session.revert();
        assertEquals(session.savedProperty().get().priceWeight(), model.priceWeightProperty().get());
        assertFalse(model.unsavedBinding().get());
    }
}
