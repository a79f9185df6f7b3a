package io.orderlift.ui.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.orderlift.mining.Evidence;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.CurationStore;
import io.orderlift.store.PairStatus;
import io.orderlift.store.Store;
import io.orderlift.ui.common.MinedTestStore;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.ViewModelSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairs browser's behaviour, driven on the calling thread without a window. */
class PairsViewModelBehaviourTest {

    @TempDir
    Path dir;
    ViewModelSession fixture;
    RankingSession session;
    PairsViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = new ViewModelSession(dir).load();
        session = fixture.session;
        model = new PairsViewModel(fixture.tasks, session);
        model.setOnError(fixture.errors::add);
        model.load(fixture.store);
        model.anchorProperty().set(model.anchors().stream().filter(a -> a.startsWith(MinedTestStore.TENT + " "))
                .findFirst().orElseThrow());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> skus() {
        return model.rows().stream().map(PairsViewModel.Row::sku).toList();
    }

    @Test
    void theAnchorsCandidatesComeRankedByRevenueWithTheirStatistics() {
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), skus());
        PairsViewModel.Row stakes = model.rows().get(1);
        assertEquals(60, stakes.co());
        assertEquals(1, stakes.coRank(), "the most co-purchased");
        assertEquals("↓", stakes.movement(), "revenue ranking moved the cheap stakes down");
        assertTrue(model.statusProperty().get().contains("100 of"), model.statusProperty().get());
        assertTrue(model.statusProperty().get().contains("; 2 candidates with same-order evidence"),
                model.statusProperty().get());
        assertTrue(!model.statusProperty().get().contains("known customers"), "every pair here clears the privacy floor");
    }

    /**
     * The candidates the plot marks are what the preview shows for the anchor alone, under every rule of
     * the profile: under an evidence floor no pair reaches, nothing is, and the status line says why.
     */
    @Test
    void anAnchorThatRecommendsNothingAloneSaysWhy() {
        assertTrue(!model.statusProperty().get().contains("Alone in a cart"), model.statusProperty().get());
        session.profileProperty().set(session.profileProperty().get().withMinEvidence(1_000));
        String status = model.statusProperty().get();
        assertTrue(status.contains(". Alone in a cart: The strongest pair of ") && status.contains("the profile's min"
                + " evidence is 1000, so none is used. Lower it in the Weighting tab (or profile --min-evidence) to use"
                + " weaker pairs.\nA approve"), status);
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), skus(), "the table still lists them all");
        model.listProperty().set(PairsList.CONFIRMATION_FOLLOW_ON);
        String followOn = model.statusProperty().get();
        assertTrue(followOn.contains(". Alone in an order: ") && !followOn.contains("Alone in a cart"),
                "follow-on pairs are the confirmation page's: " + followOn);
    }

    /** Another view's "open the pair": the anchor's list for the placement, unfiltered, the candidate to select. */
    @Test
    void aPairAskedForIsShownUnfilteredWithItsCandidateToSelect() {
        model.anchorProperty().set(model.anchors().stream().filter(a -> a.startsWith("SOCKS ")).findFirst().orElseThrow());
        model.statusFilterProperty().set(PairStatus.REJECTED.jsonName());
        model.showPair(MinedTestStore.TENT, Placement.CART, Evidence.SAME_ORDER, MinedTestStore.STAKES);
        assertEquals(MinedTestStore.STAKES, model.candidateToSelectProperty().get());
        assertTrue(model.anchorProperty().get().startsWith(MinedTestStore.TENT + " "));
        assertEquals(PairsList.CART, model.listProperty().get());
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), skus(), "no filter hides it");

        // asked again for the anchor already shown: selected again, from rows ranked afresh
        model.showPair(MinedTestStore.TENT, Placement.CART, Evidence.SAME_ORDER, MinedTestStore.FOOTPRINT);
        assertEquals(MinedTestStore.FOOTPRINT, model.candidateToSelectProperty().get());
    }

    /**
     * The confirmation page offers same-order pairs too (unless the profile uses follow-on evidence
     * alone): their list edits the confirmation page's curation, not the cart's.
     */
    @Test
    void theConfirmationPagesSameOrderPairsAreCuratedForIt() {
        model.showPair(MinedTestStore.TENT, Placement.CONFIRMATION, Evidence.SAME_ORDER, MinedTestStore.STAKES);
        assertEquals(PairsList.CONFIRMATION_SAME_ORDER, model.listProperty().get());
        assertEquals(MinedTestStore.STAKES, model.candidateToSelectProperty().get());
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), skus());
        model.curate(List.of(MinedTestStore.STAKES), PairStatus.REJECTED);
        assertEquals(List.of("confirmation"), new CurationStore(fixture.store).pairs().stream()
                .map(CurationStore.CuratedPair::placement).toList());
        Recommendations offered = session.recommenderProperty().get().recommend(Placement.CONFIRMATION,
                List.of(new CartItem(MinedTestStore.TENT, 1, Double.NaN)), session.profileProperty().get(), 0);
        assertTrue(offered.items().stream().noneMatch(r -> r.sku().equals(MinedTestStore.STAKES)), "rejected there");
        Recommendations carted = session.recommenderProperty().get().recommend(Placement.CART,
                List.of(new CartItem(MinedTestStore.TENT, 1, Double.NaN)), session.profileProperty().get(), 0);
        assertTrue(carted.items().stream().anyMatch(r -> r.sku().equals(MinedTestStore.STAKES)), "the cart keeps it");

        assertFalse(model.statusProperty().get().contains(PairsViewModel.UNUSED_ON_CONFIRMATION));
        session.profileProperty().set(session.profileProperty().get().withConfirmationEvidence(
                ConfirmationEvidence.FOLLOW_ON));
        assertTrue(model.statusProperty().get().contains(PairsViewModel.UNUSED_ON_CONFIRMATION),
                "a profile that offers on later purchases alone uses these pairs only through pins: "
                        + model.statusProperty().get());
    }

    /** A list that does not hold the pair asked for (one the anchor's category recommends) says so. */
    @Test
    void aPairTheListDoesNotHoldIsExplainedInTheStatusLine() {
        model.showPair(MinedTestStore.TENT, Placement.CONFIRMATION, Evidence.FOLLOW_ON, MinedTestStore.STAKES);
        assertEquals(PairsList.CONFIRMATION_FOLLOW_ON, model.listProperty().get());
        assertEquals(null, model.candidateToSelectProperty().get());
        assertTrue(model.statusProperty().get().endsWith("\nSTAKES has no follow-on pair with TENT: it is recommended"
                + " through the anchor's category. Exclude the pair (Exclusions) to stop it."), model.statusProperty().get());
        model.showPair("NO-SUCH-SKU", Placement.CART, Evidence.SAME_ORDER, MinedTestStore.STAKES);
        assertEquals(PairsList.CONFIRMATION_FOLLOW_ON, model.listProperty().get(), "an anchor the catalog lacks changes nothing");
    }

    /**
     * Under the lower-bound estimator the table's acceptance is the one the preview ranks by: for each
     * candidate the preview shows beside the anchor alone, the same figure.
     */
    @Test
    void theTableEstimatesAcceptanceAsTheProfileDoes() {
        double smoothed = row(MinedTestStore.STAKES).acceptance();
        assertTrue(!model.statusProperty().get().contains(PairsViewModel.LOWER_BOUND));
        WeightingProfile profile = session.profileProperty().get().withEstimator(Estimator.LOWER_BOUND);
        session.profileProperty().set(profile);
        assertTrue(row(MinedTestStore.STAKES).acceptance() < smoothed, "the lower bound is below the mean");
        assertTrue(model.statusProperty().get().contains(PairsViewModel.LOWER_BOUND), model.statusProperty().get());
        Recommendations alone = session.recommenderProperty().get().recommend(Placement.CART,
                List.of(new CartItem(MinedTestStore.TENT, 1, Double.NaN)), profile, 0);
        assertTrue(!alone.items().isEmpty());
        for (Recommendation shown : alone.items()) {
            assertEquals(shown.acceptance(), row(shown.sku()).acceptance(), 1e-12, shown.sku());
        }
    }

    private PairsViewModel.Row row(String sku) {
        return model.rows().stream().filter(r -> r.sku().equals(sku)).findFirst().orElseThrow();
    }

    @Test
    void thePriceWeightReRanksAndBecomesTheSessionsWorkingProfile() {
        model.priceWeightProperty().set(0);
        assertEquals(List.of(MinedTestStore.STAKES, MinedTestStore.FOOTPRINT), skus());
        assertEquals(List.of(1, 2), model.rows().stream().map(PairsViewModel.Row::rank).toList(),
                "# is the place in the list at the price weight shown, not the rank at w = 1");
        assertEquals("", model.rows().get(0).movement(), "at w = 0 the stakes stay where popularity puts them");
        assertEquals(0, session.profileProperty().get().priceWeight());
        session.profileProperty().set(session.profileProperty().get().withPriceWeight(1));
        assertEquals(1, model.priceWeightProperty().get(), "a change elsewhere reaches the slider");
        assertEquals(MinedTestStore.FOOTPRINT, skus().get(0));
    }

    @Test
    void curatingMarksTheRowsAndTheStatusFilterShowsThem() {
        model.curate(List.of(MinedTestStore.STAKES), PairStatus.REJECTED);
        assertEquals("rejected", model.allRows().stream().filter(r -> r.sku().equals(MinedTestStore.STAKES))
                .findFirst().orElseThrow().status());
        model.statusFilterProperty().set("rejected");
        assertEquals(List.of(MinedTestStore.STAKES), skus());
        model.statusFilterProperty().set(PairsViewModel.STATUS_FILTERS.get(0));
        assertEquals(2, skus().size());
    }

    @Test
    void anotherStoreOpensOnItsBestSellerAndAStoreNotMinedOnNothing() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        try (Store second = MinedTestStore.create(other)) {
            model.load(second);
            // the tent and the socks are each in 100 orders: the first in the catalog (the tent) is shown
            assertEquals(MinedTestStore.TENT + " — Two-person tent", model.anchorProperty().get());
            assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), skus(),
                    "the second store's pairs, ranked");
            assertTrue(model.statusProperty().get().startsWith(PairsViewModel.BEST_SELLER + MinedTestStore.TENT),
                    "the status line says why this anchor is shown: " + model.statusProperty().get());
            model.anchorProperty().set(model.anchors().stream().filter(a -> a.startsWith("SOCKS ")).findFirst()
                    .orElseThrow());
            assertTrue(model.statusProperty().get().startsWith("SOCKS"),
                    "an anchor the merchandiser chose is not called the best seller: " + model.statusProperty().get());
        }
        try (Store unmined = Store.openOrCreate(dir.resolve("unmined"))) {
            model.load(unmined);
            assertEquals(PairsViewModel.NOT_MINED, model.statusProperty().get());
            assertEquals(null, model.anchorProperty().get());
            assertTrue(model.allRows().isEmpty(), "no row of the other store stays");
        }
    }
}
