package io.orderlift.ui.confirmation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import io.orderlift.ranking.CartItem;
import io.orderlift.store.PastOrders;
import org.junit.jupiter.api.Test;

class ConfirmationPreviewViewModelTest {

    private static PastOrders.Line line(String sku, int quantity, String price) {
        return new PastOrders.Line(sku, null, null, quantity, new BigDecimal(price));
    }

    @Test
    void anOrdersItemsAreItsNetQuantitiesAtCatalogPricesWithReturnsLeftOut() {
        List<CartItem> items = ConfirmationPreviewViewModel.items(List.of(line("TENT", 1, "280"),
                line("STAKES", 2, "9"), line("STAKES", -2, "9"), line("MUG", 1, "12"), line("MUG", 1, "10")));
        assertEquals(List.of(new CartItem("TENT", 1, Double.NaN), new CartItem("MUG", 2, Double.NaN)), items,
                "the price paid is not what a storefront evaluates with: catalog prices are");
    }

    @Test
    void theOrderPickerLabelShowsIdTimeItemsAndValue() {
        assertEquals("A1 · 2025-03-02 14:05 · 3 items · 123.45", ConfirmationPreviewViewModel.label(
                new PastOrders.OrderSummary(1, "A1", LocalDateTime.of(2025, 3, 2, 14, 5), 3, new BigDecimal("123.45"))));
    }
}
