package io.orderlift.ui.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.Publisher;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import io.orderlift.store.PastOrders;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Confirmation tab shows for a real past order exactly the offers the published file gives a
 * storefront for it: the 2,000 newest orders of the outdoor store (bought at the prices paid, with
 * discounts and price changes), under the default profile and two non-default ones.
 */
class ConfirmationEqualsStorefrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void realOrdersGetTheSameOffersInThePreviewAndFromThePublishedFile() throws Exception {
        try (Store store = Store.openOrCreate(dir.resolve("outdoor"))) {
            new OrderImporter().importFile(store, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                    ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            List<PastOrders.OrderSummary> newest = new PastOrders(store).newest(2_000);
            assertEquals(2_000, newest.size());
            List<WeightingProfile> profiles = List.of(WeightingProfile.defaults(),
                    WeightingProfile.defaults().withName("open").withPriceWeight(1.25).withSmoothing(20)
                            .withMinLift(0).withEstimator(Estimator.LOWER_BOUND).withOneTapMaxPrice(250)
                            .withOneTapMaxShare(2),
                    WeightingProfile.defaults().withName("later").withPriceWeight(0.75).withSmoothing(50)
                            .withOneTapMaxPrice(120).withConfirmationEvidence(ConfirmationEvidence.FOLLOW_ON));
            int offered = 0;
            for (WeightingProfile profile : profiles) {
                new Profiles(store).save(profile, true);
                Path file = dir.resolve(profile.name() + ".json");
                new Publisher().publish(store, file, "test", null, false);
                StorefrontEvaluator storefront = new StorefrontEvaluator(RuleSetJson.read(file));
                RankingModel model = RankingModels.load(store, profile.minCustomers());
                Recommender preview = new Recommender(model, StoredCuration.load(store, model));
                for (PastOrders.OrderSummary order : newest) {
                    List<CartItem> items = ConfirmationPreviewViewModel.items(
                            new PastOrders(store).lines(order.id()).orElseThrow());
                    if (items.isEmpty()) {
                        continue;
                    }
                    var shown = preview.recommend(Placement.CONFIRMATION, items, profile, 0);
                    var served = storefront.evaluate("confirmation",
                            items.stream().map(i -> new RuleSet.Item(i.sku(), i.quantity())).toList(), 0);
                    assertEquals(JSON.valueToTree(shown.items()), JSON.valueToTree(served.items()),
                            profile.name() + ", order " + order.orderId());
                    assertEquals(shown.cartTotal(), served.cartTotal());
                    offered += shown.items().size();
                }
            }
            assertTrue(offered > 1_000, offered + " offers compared");
        }
    }
}
