package io.orderlift.ui.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;

class WeightingViewModelTest {

    private static Recommender shop() {
        return new Recommender(RankingModel.builder(10_000)
                .product(0, "TENT", null, "Tents", 300, 1_000, 0)
                .product(1, "STAKES", null, "Accessories", 9, 2_000, 0)
                .product(2, "FOOT", null, "Groundsheets", 54, 500, 0)
                .product(3, "MUG", null, "Kitchen", 12, 100, 0)
                .pair(0, 1, 300, 0).pair(0, 2, 120, 0)
                .build(), CurationRules.NONE);
    }

    /** The same companion in half the working lists or more is named; a list that shows nothing does not count. */
    @Test
    void aCompanionInMostWorkingListsIsNamed() {
        List<WeightingViewModel.EffectRow> rows = List.of(row("A, B"), row("B, C"), row("C, B"), row("–"));
        assertEquals(Optional.of(new WeightingViewModel.SharedCompanion("B", 3, 3)),
                WeightingViewModel.sharedCompanion(rows));
        assertEquals(Optional.of(new WeightingViewModel.SharedCompanion("B", 2, 4)), WeightingViewModel.sharedCompanion(
                List.of(row("A, B"), row("B, C"), row("D"), row("E"))), "half is enough");
        assertEquals(Optional.empty(), WeightingViewModel.sharedCompanion(List.of(row("A, B"), row("C, D"), row("E"))));
        assertEquals(Optional.empty(), WeightingViewModel.sharedCompanion(List.of(row("A"), row("A"))),
                "two lists say little");
    }

    private static WeightingViewModel.EffectRow row(String working) {
        return new WeightingViewModel.EffectRow("X", working, 0, working, 0, false);
    }

    @Test
    void theEffectListsBestSellersFirstAndMarksTheListsThatChange() {
        WeightingProfile revenue = WeightingProfile.defaults();
        List<WeightingViewModel.EffectRow> rows = WeightingViewModel.effectOf(shop(), Placement.CART, revenue,
                revenue.withPriceWeight(0));
        assertEquals(List.of("STAKES", "TENT", "FOOT", "MUG"), rows.stream().map(WeightingViewModel.EffectRow::anchor)
                .toList(), "by orders, most first");
        WeightingViewModel.EffectRow tent = rows.get(1);
        assertEquals("FOOT, STAKES", tent.saved());
        assertEquals("STAKES, FOOT", tent.working());
        assertTrue(tent.changed());
        assertEquals("reordered", tent.change());
        assertEquals("+C −A", new WeightingViewModel.EffectRow("X", "A, B", 1, "B, C", 2, true).change());
        assertEquals("", rows.get(3).change());
        assertEquals(tent.savedRpi(), tent.workingRpi(), 1e-9, "the same two items, so the same summed RPI");
        assertFalse(rows.get(3).changed());
        assertEquals("–", rows.get(3).working());
    }

    @Test
    void anEditKeepsEverySettingItDoesNotTouchAndIsNoLongerTheBacktestsChoice() {
        try (TaskRunner runner = new TaskRunner()) {
            RankingSession session = new RankingSession(runner);
            WeightingProfile chosen = WeightingProfile.defaults().withEstimator(Estimator.LOWER_BOUND)
                    .withConfirmationEvidence(ConfirmationEvidence.FOLLOW_ON)
                    .withMaxPriceRatio(100).withOneTapMaxPrice(1000).withChosenBy("chosen by backtest on 2026-12-01");
            session.profileProperty().set(chosen);
            WeightingViewModel model = new WeightingViewModel(runner, session);
            assertEquals("Settings chosen by backtest on 2026-12-01.", model.sourceProperty().get());
            model.priceWeightProperty().set(0.5);
            WeightingProfile edited = session.profileProperty().get();
            assertEquals(0.5, edited.priceWeight());
            assertEquals(Estimator.LOWER_BOUND, edited.estimator());
            assertEquals(ConfirmationEvidence.FOLLOW_ON, edited.confirmationEvidence());
            assertEquals(100, edited.maxPriceRatio());
            assertEquals(1000, edited.oneTapMaxPrice());
            assertEquals(null, edited.chosenBy(), "edited by hand");
            assertEquals("Set by hand.", model.sourceProperty().get());
        }
    }

    /** A store with no profile of its own ranks with the built-in settings, and the view says so, not "by hand". */
    @Test
    void theBuiltInSettingsAreCalledSo() {
        try (TaskRunner runner = new TaskRunner()) {
            RankingSession session = new RankingSession(runner);
            session.profileProperty().set(WeightingProfile.defaults());
            WeightingViewModel model = new WeightingViewModel(runner, session);
            assertEquals(WeightingViewModel.BUILT_IN, model.sourceProperty().get());
            model.priceWeightProperty().set(0.5);
            assertEquals("Set by hand.", model.sourceProperty().get());
        }
    }
}
