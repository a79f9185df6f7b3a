package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderlift.common.Money;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.WeightingProfile;
import org.junit.jupiter.api.Test;

/** The active profile against a backtest's validated settings: what differs, in words and JSON, and applying them. */
class VersusActiveTest {

    private static final Money USD = new Money("USD");

    @Test
    void theSameValidatedSettingsDifferInNothing() {
        WeightingProfile chosen = WeightingProfile.defaults().withChosenBy("chosen by backtest on 2026-12-05");
        // list lengths, the category cap and the customer floor are the profile's own: not compared
        WeightingProfile active = new WeightingProfile("shop", 1.0, 5, 3, 30, 1.0, 60, 0.5, 4, 6, 2, 1.0, 5);
        VersusActive versus = VersusActive.of(active, chosen, USD);
        assertTrue(versus.usesChosen());
        assertEquals(List.of(), versus.differences());
        assertEquals("The active profile, shop, already ranks with these settings.", versus.inWords());
    }

    @Test
    void namesEachSettingThatDiffersInWordsAndAsItsJsonValue() throws Exception {
        WeightingProfile active = WeightingProfile.defaults().withMinEvidence(2);
        WeightingProfile chosen = WeightingProfile.defaults().withMinEvidence(1).withEstimator(Estimator.LOWER_BOUND)
                .withOneTapMaxPrice(250);
        VersusActive versus = VersusActive.of(active, chosen, USD);
        assertFalse(versus.usesChosen());
        assertEquals("The active profile, default, ranks with 3 other settings: base-rate estimate, pairs seen at"
                + " least 2 times and one-tap ceiling $60.00 where the backtest validated lower-bound estimate, pairs"
                + " seen at least 1 time and one-tap ceiling $250.00.", versus.inWords());
        JsonNode json = new ObjectMapper().valueToTree(versus);
        assertEquals("default", json.get("name").asText());
        JsonNode estimator = json.get("differences").get(0);
        assertEquals("estimator", estimator.get("setting").asText());
        assertEquals("base-rate", estimator.get("active").asText());
        assertEquals("lower-bound", estimator.get("chosen").asText());
        JsonNode evidence = json.get("differences").get(1);
        assertEquals(2, evidence.get("active").asInt());
        assertEquals(1, evidence.get("chosen").asInt());
        assertEquals(250.0, json.get("differences").get(2).get("chosen").asDouble());
        assertEquals(List.of("setting", "active", "chosen"), fieldNames(estimator), "the words are for people only");
        assertEquals("The active profile, default, ranks with 1 other setting: w 0.75 where the backtest validated"
                + " w 1.00.", VersusActive.of(active.withPriceWeight(0.75), active, USD).inWords());
        assertEquals("The active profile, default, ranks with 1 other setting: category backoff under 30 orders where"
                + " the backtest validated no category backoff.",
                VersusActive.of(active, active.withBackoffBelowOrders(0), USD).inWords());
    }

    /**
     * On random pairs of profiles: applying the validated settings takes every one the search chooses,
     * keeps every other setting and the name, and leaves nothing to differ.
     */
    @Test
    void applyingTakesEveryValidatedSettingAndKeepsTheRest() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            WeightingProfile active = randomProfile(random, "shop");
            WeightingProfile chosen = randomProfile(random, "default").withChosenBy("chosen by backtest on 2026-12-05");
            VersusActive before = VersusActive.of(active, chosen, Money.PLAIN);
            WeightingProfile applied = VersusActive.applied(chosen, active);
            assertTrue(VersusActive.of(applied, chosen, Money.PLAIN).usesChosen(), applied.toString());
            assertEquals(before.usesChosen(), before.differences().isEmpty());
            assertEquals(new WeightingProfile("shop", chosen.priceWeight(), chosen.smoothing(), chosen.minEvidence(),
                    chosen.backoffBelowOrders(), chosen.maxPriceRatio(), chosen.oneTapMaxPrice(),
                    chosen.oneTapMaxShare(), active.perCategoryCap(), active.cartLength(), active.confirmationLength(),
                    chosen.minLift(), active.minCustomers(), chosen.estimator(), chosen.confirmationEvidence(),
                    chosen.chosenBy()), applied);
        }
    }

    private static WeightingProfile randomProfile(Random random, String name) {
        return new WeightingProfile(name, random.nextInt(9) * 0.25, pick(random, 1, 5, 20, 50),
                1 + random.nextInt(5), random.nextInt(60), pick(random, 0.5, 1, 100), pick(random, 30, 60, 250),
                pick(random, 0.25, 0.5, 2), 1 + random.nextInt(4), 1 + random.nextInt(6), 1 + random.nextInt(5),
                pick(random, 0, 1, 1.5), 3 + random.nextInt(3), Estimator.values()[random.nextInt(2)],
                ConfirmationEvidence.values()[random.nextInt(2)], null);
    }

    private static double pick(Random random, double... values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
