package io.orderlift.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RandomRankingCases;
import io.orderlift.ranking.RandomRankingCases.Counts;
import io.orderlift.ranking.RandomRankingCases.Curation;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.evaluator.Answer;
import io.orderlift.ruleset.evaluator.ConformanceCheck;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import io.orderlift.ruleset.evaluator.WithoutCandidates;

/**
 * The storefront evaluators against the preview on random stores, profiles and curation: where the
 * sample stores hold one chosen profile and a little curation each, these reach every setting (both
 * estimators, follow-on evidence only, backoff, lift floors, ceilings, category caps, approved-only,
 * pins, rejections, every kind of exclusion) and SKUs of odd characters. Each rule set is published as
 * the publisher writes it, read back, checked against its schema and its conformance cases, then asked
 * for random carts and orders by the Java evaluator; the first stores go to the storefront fixtures,
 * so the JavaScript package gives the same answers too (src/main/js/storefront/test).
 */
class RandomRuleSetsTest {

    private static final int STORES = 150;
    private static final int FIXTURES = 20;
    private static final int CARTS = 40;

    @TempDir
    static Path dir;

    @Test
    void theEvaluatorsAnswerAsThePreviewOnRandomStoresProfilesAndCuration() throws IOException {
        int answered = 0;
        int refilled = 0;
        for (int seed = 0; seed < STORES; seed++) {
            SplittableRandom random = new SplittableRandom(1_000 + seed);
            Counts store = RandomRankingCases.store(random, 3 + random.nextInt(22));
            RankingModel model = store.model();
            Curation curation = random.nextInt(3) == 0 ? RandomRankingCases.none()
                    : RandomRankingCases.curation(random, store);
            CurationRules rules = curation.rules(model);
            WeightingProfile profile = RandomRankingCases.profile(random);
            String name = "random-" + seed;
            RuleSet built = new RuleSetBuilder(model, rules, profile, curation.exclusions(store))
                    .build(1, name, null, Instant.parse("2026-12-05T00:00:00Z"), "random store " + seed);
            byte[] bytes = RuleSetJson.seal(built).bytes();
            RuleSet published = RuleSetJson.read(bytes, name);
            assertEquals(List.of(), RuleSetJson.schemaProblems(PublishAndEvaluateTest.JSON.readTree(bytes)), name);
            assertEquals(List.of(), ConformanceCheck.failures(published), name);
            StorefrontEvaluator storefront = new StorefrontEvaluator(published);
            Recommender preview = new Recommender(model, rules);
            List<Map<String, Object>> cases = new ArrayList<>();
            for (int i = 0; i < CARTS; i++) {
                Placement placement = i % 2 == 0 ? Placement.CART : Placement.CONFIRMATION;
                List<CartItem> cart = RandomRankingCases.cart(random, store, false);
                List<RuleSet.Item> items = cart.stream().map(c -> new RuleSet.Item(c.sku(), c.quantity())).toList();
                Recommendations expected = preview.recommend(placement, cart, profile, 0);
                Answer actual = storefront.evaluate(placement.cliName(), items, 0);
                String context = name + " case " + i + " " + cart + " " + profile;
                assertEquals(PublishAndEvaluateTest.JSON.valueToTree(expected.items()),
                        PublishAndEvaluateTest.JSON.valueToTree(actual.items()), context);
                assertEquals(expected.cartTotal(), actual.cartTotal(), context);
                answered += actual.items().isEmpty() ? 0 : 1;
                if (i % 3 == 2) {
                    // what the storefront knows is out of stock: as if no list or pin held it
                    Set<String> unavailable = WithoutCandidates.pick(random, actual, items);
                    Answer filtered = storefront.evaluate(placement.cliName(), items, 0, unavailable);
                    Answer reference = new StorefrontEvaluator(WithoutCandidates.of(published, unavailable))
                            .evaluate(placement.cliName(), items, 0);
                    assertEquals(reference, filtered, context + " unavailable " + unavailable);
                    assertEquals(PublishAndEvaluateTest.JSON.valueToTree(preview.recommend(placement, cart, profile, 0,
                            unavailable).items()), PublishAndEvaluateTest.JSON.valueToTree(filtered.items()),
                            "the preview told the same: " + context + " unavailable " + unavailable);
                    refilled += filtered.items().stream().anyMatch(x -> !actual.items().contains(x)) ? 1 : 0;
                    cases.add(Map.of("placement", placement.cliName(), "items", items, "unavailable", unavailable,
                            "answer", filtered));
                    continue;
                }
                cases.add(Map.of("placement", placement.cliName(), "items", items, "answer", actual));
            }
            if (seed < FIXTURES) {
                Path file = dir.resolve(name + ".json");
                Files.write(file, bytes);
                PublishAndEvaluateTest.writeStorefrontFixtures(name, file, cases);
            }
        }
        assertTrue(answered > STORES * CARTS / 2, answered + " of " + STORES * CARTS + " answers hold something");
        assertTrue(refilled > STORES * CARTS / 20, refilled + " lists filled from further down in place of unavailable SKUs");
    }
}
