package io.orderlift.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.Publisher;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's baseline rule set: served beside the rule set, and refused when it is another catalog. */
class DemoServerTest {

    @TempDir
    Path dir;

    /** A small store whose mugs cost {@code mugPrice}, published as its active profile or as "customers also bought". */
    private Path published(String name, String mugPrice, boolean popularity) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int o = 0; o < 40; o++) {
            for (String sku : o % 2 == 0 ? new String[] {"MUG", "TEA"} : new String[] {"MUG", "SPOON", "TEA"}) {
                csv.append("O").append(o).append(",C").append(o % 7).append(",2025-03-").append(String.format("%02d",
                        1 + o % 28)).append(',').append(sku).append(",1,").append(sku.equals("MUG") ? mugPrice : "4.50")
                        .append('\n');
            }
        }
        try (Store store = Store.openOrCreate(dir.resolve(name))) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve(name + ".csv"), csv)),
                    ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            Path out = dir.resolve(name + (popularity ? "-popularity" : "") + ".json");
            new Publisher().publish(store, out, "", popularity
                    ? WeightingProfile.classicPopularity(new Profiles(store).active()) : new Profiles(store).active(),
                    false, null);
            return out;
        }
    }

    @Test
    void theBaselineIsServedBesideTheRuleSet() throws Exception {
        Path rules = published("shop", "12", false);
        Path baseline = published("shop", "12", true);
        HttpClient http = HttpClient.newHttpClient();
        try (DemoServer demo = DemoServer.start(rules, baseline, 0, dir.resolve("rec"), 0.5, 1)) {
            HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create(demo.url() + "baseline.json"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, served.statusCode());
            assertArrayEquals(Files.readAllBytes(baseline), served.body());
        }
        try (DemoServer demo = DemoServer.start(rules, null, 0, dir.resolve("rec2"), 0.5, 1)) {
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(demo.url() + "baseline.json")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    @Test
    void aBaselineOfOtherPricesIsRefusedNamingTheProduct() throws Exception {
        Path rules = published("shop", "12", false);
        Path other = published("other", "15", true);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoServer.start(rules, other, 0, dir.resolve("rec"), 0.5, 1));
        assertEquals("The baseline other-popularity.json prices MUG at 15.0, the rule set at 12.0: publish both from"
                + " the same store (publish --popularity for the baseline).", refused.getMessage());
    }
}
