package io.orderlift.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line's {@code --json}: the text {@code JSON.stringify(value, null, 2)} writes. */
class JsonTest {

    record Item(String sku, double price, double acceptance, List<String> rules, Map<String, Integer> counts) {
    }

    record Answer(String placement, double cartTotal, List<Item> items, List<Item> none) {
    }

    @Test
    void writesWhatJsonStringifyWrites() {
        Answer answer = new Answer("cart", 548.0, List.of(new Item("TENT\u001f2P", 12.5, 1e-7, List.of(), Map.of("co", 3))),
                List.of());
        // node -e 'console.log(JSON.stringify({placement: "cart", cartTotal: 548, items: [{sku: "TENT\x1f2P",
        //   price: 12.5, acceptance: 1e-7, rules: [], counts: {co: 3}}], none: []}, null, 2))'
        String node = """
                {
                  "placement": "cart",
                  "cartTotal": 548,
                  "items": [
                    {
                      "sku": "TENT\\u001f2P",
                      "price": 12.5,
                      "acceptance": 1e-7,
                      "rules": [],
                      "counts": {
                        "co": 3
                      }
                    }
                  ],
                  "none": []
                }""";
        assertEquals(node, Json.write(answer));
        assertEquals("""
                {
                  "sku": "X",
                  "price": 0,
                  "acceptance": -1,
                  "rules": [],
                  "counts": {}
                }""", Json.write(new Item("X", -0.0, -1.0, List.of(), Map.of())), "-0 as 0; empty arrays and objects as [] and {}");
    }

    record Amounts(java.math.BigDecimal price, java.math.BigDecimal total, java.math.BigDecimal none) {
    }

    @Test
    void amountsKeptAsDecimalsAreWrittenExactlyWithoutTrailingZeros() {
        assertEquals("""
                {
                  "price": 152.99,
                  "total": 100,
                  "none": 0
                }""", Json.write(new Amounts(new java.math.BigDecimal("152.9900"), new java.math.BigDecimal("100.0000"),
                new java.math.BigDecimal("0.0000"))));
    }

    @Test
    void numbersJsonHasNoneForAreWrittenAsBefore() {
        assertEquals("""
                {
                  "placement": "cart",
                  "cartTotal": "NaN",
                  "items": [],
                  "none": []
                }""", Json.write(new Answer("cart", Double.NaN, List.of(), List.of())));
    }

    @Test
    void oneMoreKeyKeepsTheNumbersForm() {
        assertEquals("""
                {
                  "placement": "cart",
                  "cartTotal": 0.000032,
                  "items": [],
                  "none": [],
                  "extra": [
                    1.5e+21
                  ]
                }""", Json.writeWith(new Answer("cart", 3.2e-5, List.of(), List.of()), "extra", List.of(1.5e21)));
    }
}
