package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.store.CurationStore;
import io.orderlift.store.PairStatus;
import io.orderlift.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking session's behaviour, driven on the calling thread without a window. */
class RankingSessionTest {

    @TempDir
    Path dir;
    ViewModelSession fixture;
    Store store;
    RankingSession session;

    @BeforeEach
    void open() throws Exception {
        fixture = new ViewModelSession(dir).load();
        store = fixture.store;
        session = fixture.session;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> cartList() {
        return session.recommenderProperty().get().recommend(Placement.CART,
                        List.of(new CartItem(MinedTestStore.TENT, 1, Double.NaN)), session.profileProperty().get(), 0)
                .items().stream().map(Recommendation::sku).toList();
    }

    @Test
    void loadingAStoreGivesItsModelActiveProfileAndProfileNames() {
        assertNotNull(session.recommenderProperty().get());
        assertEquals(store, session.storeProperty().get());
        assertEquals("default", session.profileProperty().get().name());
        assertTrue(session.profileNames().contains("default"), session.profileNames().toString());
        assertEquals(MinedTestStore.FOOTPRINT, cartList().get(0), "ranked by revenue: the $50 footprint first");
    }

    @Test
    void aCurationChangeReachesTheRecommenderAndUndoAndRedoTakeItBackAndForth() {
        int changes = session.curationChangesProperty().get();
        new CurationStore(store).setPair("cart", MinedTestStore.TENT, MinedTestStore.FOOTPRINT, PairStatus.REJECTED,
                null);
        session.reloadCuration();
        assertEquals(changes + 1, session.curationChangesProperty().get(), "views listing curation are told");
        assertTrue(!cartList().contains(MinedTestStore.FOOTPRINT), "a rejected pair is never offered: " + cartList());

        List<String> said = new ArrayList<>();
        session.undoCuration(said::add);
        assertEquals("Undid: rejected pair TENT → FOOTPRINT (cart).", said.get(0));
        assertEquals(MinedTestStore.FOOTPRINT, cartList().get(0));
        session.redoCuration(said::add);
        assertEquals("Redid: rejected pair TENT → FOOTPRINT (cart).", said.get(1));
        assertTrue(!cartList().contains(MinedTestStore.FOOTPRINT));
        session.redoCuration(said::add);
        assertEquals("Nothing to redo.", said.get(2));
    }

    @Test
    void anEditedProfileIsUnsavedUntilSavedUnderANameThatBecomesActive() {
        session.profileProperty().set(session.profileProperty().get().withPriceWeight(0));
        assertTrue(session.unsavedBinding().get());
        assertEquals(MinedTestStore.STAKES, cartList().get(0), "ranked by acceptance: the stakes first");
        session.saveProfileAs("popular");
        assertTrue(!session.unsavedBinding().get());
        assertEquals("popular", session.profileProperty().get().name());
        assertTrue(session.profileNames().contains("popular"));
        assertEquals(0, session.readProfile("popular").priceWeight());
    }
}
