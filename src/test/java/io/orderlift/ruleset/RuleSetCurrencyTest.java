package io.orderlift.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule set says which currency its prices are in, and a file of a store whose currency is unknown says nothing. */
class RuleSetCurrencyTest {

    @TempDir
    Path dir;

    private RuleSet published(String name, String currencyColumn) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price"
                + (currencyColumn == null ? "" : ",currency") + "\n");
        for (int o = 0; o < 40; o++) {
            for (String sku : o % 2 == 0 ? new String[] {"MUG", "TEA"} : new String[] {"MUG", "SPOON", "TEA"}) {
                csv.append("O").append(o).append(",C").append(o % 7).append(",2025-03-").append(String.format("%02d",
                        1 + o % 28)).append(',').append(sku).append(",1,4.50")
                        .append(currencyColumn == null ? "" : "," + currencyColumn).append('\n');
            }
        }
        try (Store store = Store.openOrCreate(dir.resolve(name))) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve(name + ".csv"), csv)),
                    ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            Path out = dir.resolve(name + ".json");
            new Publisher().publish(store, out, "", null, false);
            return RuleSetJson.read(out);
        }
    }

    @Test
    void theFileCarriesTheStoresCurrencyOrNoCurrencyAtAll() throws IOException {
        assertEquals("EUR", published("euro", "EUR").currency(), "taken from the import's Currency column");
        RuleSet unknown = published("plain", null);
        assertNull(unknown.currency());
        assertFalse(Files.readString(dir.resolve("plain.json")).contains("\"currency\""),
                "absent, as in the files published before it was written, whose content hashes stay valid");
    }

    @Test
    void theEvaluatorsAnswerSaysWhichCurrencyItsPricesAreIn() throws IOException {
        List<RuleSet.Item> cart = List.of(new RuleSet.Item("MUG", 1));
        var euro = new StorefrontEvaluator(published("euro", "EUR")).evaluate("cart", cart, 0);
        assertEquals("EUR", euro.currency());
        var plain = new StorefrontEvaluator(published("plain", null)).evaluate("cart", cart, 0);
        assertNull(plain.currency());
        assertFalse(new ObjectMapper().valueToTree(plain).has("currency"), "no key rather than null, as in the file");
    }
}
