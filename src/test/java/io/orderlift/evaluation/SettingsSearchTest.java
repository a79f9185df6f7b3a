package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;
import org.junit.jupiter.api.Test;

class SettingsSearchTest {

    private static PolicyResult result(double aovLift) {
        return new PolicyResult("x", null, 100, 10, 0.1, aovLift, 1, 0.5, 0, 0, aovLift, 50);
    }

    /** Revenue per order peaks at one value of each setting; the search must find every peak. */
    @Test
    void findsTheBestValueOfEverySetting() {
        AtomicInteger confirmationReplays = new AtomicInteger();
        SettingsSearch.Replayer replayer = (placement, p) -> {
            double shared = -Math.abs(p.priceWeight() - 0.75) - Math.abs(p.smoothing() - 20) / 100
                    - (p.estimator() == Estimator.LOWER_BOUND ? 0 : 0.3) - Math.abs(p.minLift() - 1) / 10;
            if (placement == Placement.CART) {
                return result(5 + shared - Math.abs(Math.log(p.maxPriceRatio() / 4)));
            }
            confirmationReplays.incrementAndGet();
            return result(5 + shared - Math.abs(p.oneTapMaxPrice() - 250) / 1000 - Math.abs(p.oneTapMaxShare() - 2));
        };
        Map<Placement, PolicyResult> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(2));
        baseline.put(Placement.CONFIRMATION, result(1));
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults().withName("mine"), ProgressMonitor.NONE, "search", new int[1],
                        SettingsSearch.maxEvaluations());
        WeightingProfile p = choice.profile();
        assertEquals("mine", p.name());
        assertEquals(0.75, p.priceWeight());
        assertEquals(20, p.smoothing());
        assertEquals(Estimator.LOWER_BOUND, p.estimator());
        assertEquals(1, p.minLift());
        assertEquals(4, p.maxPriceRatio());
        assertEquals(250, p.oneTapMaxPrice());
        assertEquals(2, p.oneTapMaxShare());
        assertEquals(5 / 2.0 + 5 / 1.0, choice.objective(), 1e-9, "the sum of both placements' gains over popularity");
        // the cart ceiling is never replayed on the confirmation page
        int cartOnlyValues = SettingsSearch.DIMENSIONS.stream().filter(d -> d.placement() == Placement.CART)
                .mapToInt(d -> d.values().length).sum();
        assertTrue(confirmationReplays.get() <= choice.evaluations() - cartOnlyValues,
                confirmationReplays + " of " + choice.evaluations());
    }

    /** A list that earns more per order by being rarely right loses to one above the relevance floor. */
    @Test
    void aSettingBelowTheRelevanceFloorYieldsToOneAboveIt() {
        // revenue per order grows with w, but from w = 1.5 the hit rate falls under 0.4 × popularity's
        SettingsSearch.Replayer replayer = (placement, p) -> new PolicyResult("x", null, 100, 10,
                p.priceWeight() >= 1.5 ? 0.03 : 0.1, 1, 1, 0.5, 0, 0, 1 + p.priceWeight(), 50);
        Map<Placement, PolicyResult> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        WeightingProfile chosen = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults().withPriceWeight(2), ProgressMonitor.NONE, "search", new int[1], 1)
                .profile();
        assertEquals(1.25, chosen.priceWeight(), "the dearest list above the floor (w = 1.25), not w = 2 below it");
    }

    @Test
    void aPlacementWithoutOrdersDoesNotCount() {
        SettingsSearch.Replayer replayer = (placement, p) -> placement == Placement.CART
                ? result(1 + p.priceWeight()) : new PolicyResult("x", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Map<Placement, PolicyResult> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(0));
        SettingsSearch.Choice choice = new SettingsSearch(replayer, baseline)
                .search(WeightingProfile.defaults(), ProgressMonitor.NONE, "search", new int[1], 1);
        assertEquals(2, choice.profile().priceWeight());
        assertEquals(3, choice.objective(), 1e-9);
    }

    @Test
    void aStartOutsideTheGridIsMovedOntoIt() {
        // nothing earns more anywhere: the search keeps its start, snapped onto the grid
        SettingsSearch.Replayer flat = (placement, p) -> result(1);
        Map<Placement, PolicyResult> baseline = new EnumMap<>(Placement.class);
        baseline.put(Placement.CART, result(1));
        baseline.put(Placement.CONFIRMATION, result(1));
        WeightingProfile chosen = new SettingsSearch(flat, baseline).search(WeightingProfile.defaults()
                .withOneTapMaxPrice(1000).withOneTapMaxShare(20).withPriceWeight(0.6), ProgressMonitor.NONE, "search",
                new int[1], 1).profile();
        assertEquals(250, chosen.oneTapMaxPrice());
        assertEquals(2, chosen.oneTapMaxShare());
        assertEquals(0.5, chosen.priceWeight());
    }
}
