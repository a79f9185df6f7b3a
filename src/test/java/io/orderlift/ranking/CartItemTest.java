package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code --items} as the command line reads it: plain SKUs, quantities, and quoted SKUs holding commas or colons. */
class CartItemTest {

    @Test
    void plainSkusWithAndWithoutQuantitiesBlankEntriesSkipped() {
        assertEquals(List.of(item("A", 1), item("B-2", 3), item("C", 1)), CartItem.parseAll(" A , B-2 : 3,,C,"));
        assertEquals(List.of(), CartItem.parseAll(""));
    }

    @Test
    void aQuotedSkuMayHoldCommasColonsAndDoubledQuotes() {
        assertEquals(List.of(item("Soap, lavender", 2), item("SET:BLUE", 1), item("12\" ruler, steel", 1), item("D", 4)),
                CartItem.parseAll("\"Soap, lavender\":2, \"SET:BLUE\" ,\"12\"\" ruler, steel\",D:4"));
        assertEquals(List.of(item("", 1)), CartItem.parseAll("\"\""));
    }

    @Test
    void whatIsNeitherSkuNorSkuAndQuantityIsRefusedByName() {
        assertEquals("'A:x' is not SKU or SKU:QUANTITY (a SKU holding a comma or a colon goes in double quotes)",
                assertThrows(IllegalArgumentException.class, () -> CartItem.parseAll("B,A:x")).getMessage());
        assertEquals("'\"A\" 2' is not SKU or SKU:QUANTITY (a SKU holding a comma or a colon goes in double quotes)",
                assertThrows(IllegalArgumentException.class, () -> CartItem.parseAll("\"A\" 2,B")).getMessage());
        assertEquals("quantity of A must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> CartItem.parseAll("\"A\":0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CartItem.parseAll("A:2147483648"));
    }

    private static CartItem item(String sku, int quantity) {
        return new CartItem(sku, quantity, Double.NaN);
    }
}
