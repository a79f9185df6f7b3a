package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class WeightingProfileTest {

    /** A profile whose every setting differs from the defaults, so that a setting a wither drops shows. */
    private static final WeightingProfile GIVEN = new WeightingProfile("mine", 0.75, 20, 5, 10, 3, 120, 2, 3, 5, 2,
            1.5, 4, Estimator.LOWER_BOUND, ConfirmationEvidence.FOLLOW_ON, "chosen by backtest on 2026-12-07");

    /** Each wither changes its own setting and keeps the other fifteen. */
    @Test
    void eachWitherChangesOnlyItsSetting() throws Exception {
        Map<String, UnaryOperator<WeightingProfile>> withers = Map.ofEntries(
                Map.entry("name", p -> p.withName("other")),
                Map.entry("priceWeight", p -> p.withPriceWeight(1.25)),
                Map.entry("smoothing", p -> p.withSmoothing(50)),
                Map.entry("minEvidence", p -> p.withMinEvidence(8)),
                Map.entry("backoffBelowOrders", p -> p.withBackoffBelowOrders(0)),
                Map.entry("maxPriceRatio", p -> p.withMaxPriceRatio(100)),
                Map.entry("oneTapMaxPrice", p -> p.withOneTapMaxPrice(250)),
                Map.entry("oneTapMaxShare", p -> p.withOneTapMaxShare(0.5)),
                Map.entry("perCategoryCap", WeightingProfile::withoutCategoryCap),
                Map.entry("minLift", p -> p.withMinLift(0)),
                Map.entry("estimator", p -> p.withEstimator(Estimator.BASE_RATE)),
                Map.entry("confirmationEvidence", p -> p.withConfirmationEvidence(ConfirmationEvidence.BOTH)),
                Map.entry("chosenBy", p -> p.withChosenBy(null)));
        for (Map.Entry<String, UnaryOperator<WeightingProfile>> wither : withers.entrySet()) {
            WeightingProfile changed = wither.getValue().apply(GIVEN);
            assertEquals(List.of(wither.getKey()), differences(GIVEN, changed), wither.getKey());
        }
        assertEquals(5, GIVEN.withoutCategoryCap().perCategoryCap(), "the longer list's length");
    }

    @Test
    void aWitherChecksItsValueAsANewProfileDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GIVEN.withMinEvidence(0));
        assertEquals("profile mine: minEvidence must be at least 1, not 0", e.getMessage());
    }

    @Test
    void rankingOnlyForgetsTheNameAndWhereTheSettingsCameFrom() throws Exception {
        assertEquals(List.of("name", "chosenBy"), differences(GIVEN, GIVEN.rankingOnly()));
        assertEquals(List.of("maxPriceRatio", "oneTapMaxPrice", "oneTapMaxShare"),
                differences(GIVEN, GIVEN.withoutPriceCeilings()));
    }

    private static List<String> differences(WeightingProfile a, WeightingProfile b) throws Exception {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : WeightingProfile.class.getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                names.add(c.getName());
            }
        }
        return names;
    }
}
