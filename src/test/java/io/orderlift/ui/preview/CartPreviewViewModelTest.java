package io.orderlift.ui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.store.SampleCartStore;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.common.HeldTasks;
import io.orderlift.ui.common.MinedTestStore;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.ViewModelSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cart preview's behaviour, driven on the calling thread without a window. */
class CartPreviewViewModelTest {

    @TempDir
    Path dir;
    ViewModelSession fixture;
    RankingSession session;
    CartPreviewViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = new ViewModelSession(dir).load();
        session = fixture.session;
        model = new CartPreviewViewModel(fixture.tasks, session);
        model.setOnError(fixture.errors::add);
        model.load(fixture.store);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String entry(String sku) {
        return model.catalog().stream().filter(e -> e.startsWith(sku + " ")).findFirst().orElseThrow();
    }

    private List<String> recommended() {
        return model.recommendations().stream().map(Recommendation::sku).toList();
    }

    @Test
    void theCartIsAnsweredAsItChangesAndNeverOffersWhatItHolds() {
        assertEquals(List.of(), recommended());
        model.add(entry(MinedTestStore.TENT));
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), recommended());
        assertTrue(model.summaryProperty().get().contains("300"), model.summaryProperty().get());
        model.add(entry(MinedTestStore.FOOTPRINT));
        assertEquals(List.of(MinedTestStore.STAKES), recommended(), "what the cart holds is not offered");
        model.add(entry(MinedTestStore.TENT));
        assertEquals(2, model.cart().get(0).quantity(), "the same product again is one line, quantity 2");
        model.changeQuantity(0, -2);
        model.changeQuantity(0, -1);
        assertTrue(model.cart().isEmpty());
        assertEquals(List.of(), recommended());
    }

    /**
     * "Preview as out of stock": the product leaves every list, the cart's and the confirmation page's, which
     * fill from the next best, until it is back in stock; another store starts with everything in stock.
     */
    @Test
    void aProductPreviewedAsOutOfStockLeavesEveryListUntilItIsBackInStock() throws Exception {
        model.add(entry(MinedTestStore.TENT));
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), recommended());
        model.markUnavailable(model.recommendations().get(0));
        assertEquals(List.of(MinedTestStore.STAKES), recommended(), "the footprint is out of stock");
        assertEquals(List.of(MinedTestStore.FOOTPRINT), model.unavailable());
        assertTrue(model.unavailableSummaryProperty().get().startsWith("Out of stock in this preview: ")
                && model.unavailableSummaryProperty().get().contains("(" + MinedTestStore.FOOTPRINT + ")"),
                model.unavailableSummaryProperty().get());
        model.placementProperty().set(Placement.CONFIRMATION);
        assertFalse(recommended().contains(MinedTestStore.FOOTPRINT), "nor offered after checkout");
        model.placementProperty().set(Placement.CART);
        model.restock();
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), recommended(), "back in stock");
        assertEquals("", model.unavailableSummaryProperty().get());

        model.markUnavailable(model.recommendations().get(1));
        assertEquals(List.of(MinedTestStore.FOOTPRINT), recommended());
        try (Store other = MinedTestStore.create(Files.createDirectories(dir.resolve("other")))) {
            model.load(other);
            assertEquals(List.of(), model.unavailable(), "another store's shelf is its own");
            assertEquals("", model.unavailableSummaryProperty().get());
            model.load(fixture.store);
        }
    }

    /**
     * A past order fills the cart: a real order of two or more products among the newest, at catalog
     * prices, named in the summary until the cart is changed.
     */
    @Test
    void aPastOrderFillsTheCartWithARealOrderOfSeveralProducts() {
        for (int draw = 0; draw < 5; draw++) {
            model.fillFromPastOrder();
            List<String> skus = model.cart().stream().map(CartPreviewViewModel.Line::sku).toList();
            // the store's orders of two products: a tent with its stakes or its footprint (socks come alone)
            assertTrue(skus.equals(List.of(MinedTestStore.TENT, MinedTestStore.STAKES))
                    || skus.equals(List.of(MinedTestStore.TENT, MinedTestStore.FOOTPRINT)), String.valueOf(skus));
            assertTrue(model.cart().stream().allMatch(l -> l.quantity() == 1));
            assertEquals(300.0, model.cart().get(0).price(), "at the catalog price");
            assertTrue(model.summaryProperty().get().matches("Order T\\d+ of 2025-\\d\\d-\\d\\d · Total .*"),
                    model.summaryProperty().get());
            assertTrue(!recommended().isEmpty() && recommended().stream().noneMatch(skus::contains),
                    "ranked for it, never offering what it holds: " + recommended());
        }
        model.changeQuantity(0, 1);
        assertTrue(model.summaryProperty().get().startsWith("Total "), "a changed cart is the user's own: "
                + model.summaryProperty().get());
        assertEquals(List.of(), fixture.errors);
    }

    @Test
    void aLongCartsMixNamesItsLargestCategoriesAndCountsTheRest() {
        CartPreviewViewModel.Line tent = new CartPreviewViewModel.Line("T", "Tent", "Tents", 2, 300);
        CartPreviewViewModel.Line stakes = new CartPreviewViewModel.Line("S", "Stakes", "Accessories", 1, 10);
        CartPreviewViewModel.Line unsorted = new CartPreviewViewModel.Line("U", "Odd", null, 1, 1);
        assertEquals("2 × Tents, 1 × Accessories, 1 × no category",
                CartPreviewViewModel.mixInWords(List.of(tent, stakes, unsorted)), "in the order the categories come");
        List<CartPreviewViewModel.Line> many = new java.util.ArrayList<>();
        for (int c = 1; c <= 9; c++) {
            many.add(new CartPreviewViewModel.Line("C" + c, "Item", "Category " + c, c, 1));
        }
        assertEquals("9 × Category 9, 8 × Category 8, 7 × Category 7, 6 × Category 6, 5 × Category 5, and 4 more"
                + " categories", CartPreviewViewModel.mixInWords(many));
        assertEquals(6, CartPreviewViewModel.mixInWords(many.subList(0, 6)).split(", ").length, "six are all named");
    }

    @Test
    void theWorkingProfileAndAComparedOneAnswerSideBySide() {
        model.add(entry(MinedTestStore.TENT));
        session.profileProperty().set(session.profileProperty().get().withPriceWeight(0));
        assertEquals(MinedTestStore.STAKES, recommended().get(0), "the working profile's change re-ranks at once");
        session.saveProfileAs("popular");
        session.profileProperty().set(session.profileProperty().get().withPriceWeight(1));
        model.compareWithProperty().set("popular");
        assertEquals(MinedTestStore.FOOTPRINT, recommended().get(0));
        assertEquals(MinedTestStore.STAKES, model.comparison().get(0).sku());
        assertTrue(model.comparisonSummaryProperty().get().startsWith("Revenue per impression of the list"),
                model.comparisonSummaryProperty().get());
    }

    @Test
    void anEmptyListSaysWhyAndTheReasonGoesWithTheFirstRecommendation() {
        model.add(entry(MinedTestStore.TENT));
        session.profileProperty().set(session.profileProperty().get().withMinEvidence(10_000));
        assertEquals(List.of(), recommended());
        assertTrue(model.emptyReasonProperty().get().contains("the profile's min evidence is 10000"),
                model.emptyReasonProperty().get());
        session.profileProperty().set(session.profileProperty().get().withMinEvidence(1));
        assertEquals(MinedTestStore.FOOTPRINT, recommended().get(0));
        assertEquals("", model.emptyReasonProperty().get());
    }

    @Test
    void aCartOfAStoreNeverMinedSaysToMineIt() throws Exception {
        try (Store unmined = Store.openOrCreate(dir.resolve("unmined"))) {
            new OrderImporter().importFile(unmined, ImportRequest.of(Files.writeString(dir.resolve("orders.csv"),
                    "order_id,customer_id,ordered_at,sku,title,quantity,unit_price\n"
                            + "L1,C1,2025-07-01,LANTERN,Lantern,1,40\n")),
                    ProgressMonitor.NONE);
            session.load(unmined);
            model.load(unmined);
            model.add(entry("LANTERN"));
            assertEquals(List.of(), recommended());
            assertEquals(CartPreviewViewModel.NOT_MINED, model.emptyReasonProperty().get());
            assertTrue(model.summaryProperty().get().endsWith(" (Mine the store to see recommendations.)"),
                    model.summaryProperty().get());
            session.load(fixture.store);
            model.load(fixture.store);
            model.add(entry(MinedTestStore.TENT));
            assertEquals("", model.emptyReasonProperty().get(), "a mined store's list says nothing of mining");
        }
    }

    @Test
    void theConfirmationPlacementAnswersTheSameCartWithItsOwnRules() {
        model.add(entry(MinedTestStore.TENT));
        model.placementProperty().set(Placement.CONFIRMATION);
        assertTrue(model.recommendations().stream().noneMatch(r -> r.sku().equals(MinedTestStore.TENT)));
        model.placementProperty().set(Placement.CART);
        assertEquals(MinedTestStore.FOOTPRINT, recommended().get(0));
    }

    @Test
    void aSavedCartOpenedJustBeforeAnotherStoreNeverFillsThatStoresCart() throws Exception {
        HeldTasks held = new HeldTasks();
        CartPreviewViewModel late = new CartPreviewViewModel(held, session);
        new SampleCartStore(fixture.store).save(new SampleCartStore.SampleCart("tents",
                List.of(new SampleCartStore.Item(MinedTestStore.TENT, 1))));
        late.load(fixture.store);
        held.release();
        assertEquals(List.of("tents"), late.savedCarts());
        try (Store other = MinedTestStore.create(Files.createDirectories(dir.resolve("other")))) {
            late.openCart("tents");
            late.saveCart("more tents");
            late.load(other); // the same SKUs, no saved cart; its catalog is read before the carts' tasks end
            held.releaseNewestFirst();
            assertTrue(late.cart().isEmpty(), "the other store's saved cart stays there");
            assertEquals(List.of(), late.savedCarts());
        }
    }

    @Test
    void aSlowCatalogReadBeforeAnImportDoesNotReplaceTheOneReadAfterIt() throws Exception {
        HeldTasks held = new HeldTasks();
        CartPreviewViewModel late = new CartPreviewViewModel(held, session);
        late.load(fixture.store);
        held.work(); // this read sees the store before the import, and arrives last
        new OrderImporter().importFile(fixture.store,
                ImportRequest.of(Files.writeString(dir.resolve("more.csv"),
                        "order_id,customer_id,ordered_at,sku,quantity,unit_price\nL1,C1,2025-07-01,LANTERN,1,40\n")),
                ProgressMonitor.NONE);
        late.load(fixture.store);
        held.releaseNewestFirst();
        assertTrue(late.catalog().stream().anyMatch(p -> p.startsWith("LANTERN")),
                "the catalog read after the import stays: " + late.catalog());
    }

    @Test
    void aStoreWithSampleCartsOpensOnTheFirstByNameAndAnotherStoreWithoutOnAnEmptyCart() throws Exception {
        SampleCartStore carts = new SampleCartStore(fixture.store);
        carts.save(new SampleCartStore.SampleCart("tent and stakes", List.of(
                new SampleCartStore.Item(MinedTestStore.TENT, 1), new SampleCartStore.Item(MinedTestStore.STAKES, 2))));
        carts.save(new SampleCartStore.SampleCart("a tent", List.of(new SampleCartStore.Item(MinedTestStore.TENT, 1))));
        CartPreviewViewModel opened = new CartPreviewViewModel(fixture.tasks, session);
        opened.load(fixture.store);
        assertEquals("a tent", opened.cartNameProperty().get(), "the first saved cart by name");
        assertEquals(List.of(MinedTestStore.TENT), opened.cart().stream().map(CartPreviewViewModel.Line::sku)
                .toList());
        assertEquals(List.of(MinedTestStore.FOOTPRINT, MinedTestStore.STAKES), opened.recommendations().stream()
                .map(Recommendation::sku).toList(), "and what it gets");

        opened.cartNameProperty().set("tent and stakes");
        assertEquals(List.of(MinedTestStore.TENT, MinedTestStore.STAKES), opened.cart().stream()
                .map(CartPreviewViewModel.Line::sku).toList(), "choosing another name opens that cart");
        assertEquals(2, opened.cart().get(1).quantity());

        opened.add(entry(MinedTestStore.FOOTPRINT));
        opened.saveCart("three");
        assertEquals("three", opened.cartNameProperty().get(), "a saved cart shows its name");
        assertEquals(3, opened.cart().size(), "naming the cart does not reopen it");
        opened.load(fixture.store);
        assertEquals(3, opened.cart().size(), "the same store keeps its cart after a reload");
        opened.deleteCart("three");
        assertEquals(null, opened.cartNameProperty().get());
        assertEquals(3, opened.cart().size(), "deleting the saved cart keeps the cart on screen");

        try (Store other = MinedTestStore.create(Files.createDirectories(dir.resolve("other")))) {
            opened.load(other);
            assertTrue(opened.cart().isEmpty(), "a store without sample carts opens on an empty cart");
            assertEquals(null, opened.cartNameProperty().get());
        }
    }
}
