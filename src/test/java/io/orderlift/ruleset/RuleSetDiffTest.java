package io.orderlift.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ranking.Profiles;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changed between two published versions, as the Publish tab and {@code versions --diff} list it. */
class RuleSetDiffTest {

    @TempDir
    Path dir;

    /**
     * A store of 30 products with titles, P29 in about 1 of 2 orders, P28 in 1 of 3, … P00 in 1 of 31:
     * the best sellers come last by SKU.
     */
    private Store store() throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,quantity,unit_price\n");
        Random random = new Random(7);
        for (int o = 0; o < 1_500; o++) {
            int customer = random.nextInt(200);
            for (int p = 0; p < 30; p++) {
                if (random.nextInt(p + 2) == 0) {
                    csv.append(String.format("O%d,C%d,2025-03-%02d,P%02d,Product %d,1,%d%n", o, customer,
                            1 + o % 28, 29 - p, 29 - p, 5 + 7 * p));
                }
            }
        }
        Store store = Store.openOrCreate(dir.resolve("store"));
        new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("orders.csv"), csv)),
                ProgressMonitor.NONE);
        new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
        return store;
    }

    private static RuleSet publish(Store store, Path out) throws IOException {
        new Publisher().publish(store, out, "", null, false);
        return RuleSetJson.read(out);
    }

    @Test
    void theCountsReadAsSentences() {
        assertEquals("1 pair added, 0 removed, 2 re-ranked", counts(1, 0, 2, 3).countsInWords());
        assertEquals("1,024 pairs added, 1 removed, 0 re-ranked (the 30 listed are at the best-selling anchors)",
                counts(1_024, 1, 0, 30).countsInWords());
    }

    /** A diff of only so many pair changes, {@code listed} of them as examples. */
    private static RuleSetDiff counts(int added, int removed, int reranked, int listed) {
        List<RuleSetDiff.PairChange> examples = IntStream.range(0, listed).mapToObj(i ->
                new RuleSetDiff.PairChange("cart", "A", "C" + i, "added", 0, 1, null, null)).toList();
        return new RuleSetDiff(1, 2, List.of(), added, removed, reranked, examples, List.of(), List.of(), 0, 0);
    }

    @Test
    void theListedPairChangesAreThoseAtTheBestSellingAnchorsWithTheirTitles() throws IOException {
        try (Store store = store()) {
            RuleSet before = publish(store, dir.resolve("v1.json"));
            new CurationStore(store).exclude(ExclusionKind.SKU, "P26", "", "out of stock");
            new CurationStore(store).exclude(ExclusionKind.SKU, "P20", "", "discontinued");
            RuleSet after = publish(store, dir.resolve("v2.json"));

            RuleSetDiff diff = RuleSetDiff.between(before, after);

            assertEquals(List.of("+ sku P20", "+ sku P26"), diff.exclusionsChanged());
            assertEquals(0, diff.pairsReranked(), "an exclusion takes products out of lists and lets others in; "
                    + "the ones that only shift up a place are not re-ranked");
            assertTrue(diff.pairsRemoved() + diff.pairsAdded() > RuleSetDiff.EXAMPLES,
                    "more changes than are listed: " + diff);
            assertEquals(RuleSetDiff.EXAMPLES, diff.examples().size());
            Map<String, Integer> orders = new HashMap<>();
            after.products().forEach(p -> orders.put(p.sku(), p.orders()));
            for (int i = 1; i < diff.examples().size(); i++) {
                assertTrue(orders.get(diff.examples().get(i - 1).anchor()) >= orders.get(diff.examples().get(i).anchor()),
                        "best-selling anchors first: " + diff.examples());
            }
            assertEquals("P29", diff.examples().get(0).anchor(), "the best seller's changes lead, not the first SKU's");
            RuleSetDiff.PairChange removed = diff.examples().stream()
                    .filter(x -> x.candidate().equals("P26") && x.placement().equals("cart")).findFirst().orElseThrow();
            assertEquals("removed", removed.change());
            assertEquals("Product 26", removed.candidateTitle());
            assertEquals("cart · Product 29 (P29): Product 26 (P26) removed (was #" + removed.fromRank() + ")",
                    removed.inWords());
        }
    }

    @Test
    void onlyTheCandidatesThatMovedAreReRankedNotThoseTheyJumpedOver() {
        List<String> before = List.of("A", "B", "C", "D", "E", "F");
        assertEquals(Set.of("E"), RuleSetDiff.moved(before, List.of("A", "E", "B", "C", "D", "F")),
                "E jumped from #5 to #2; B, C and D only moved down a place");
        assertEquals(Set.of(), RuleSetDiff.moved(before, List.of("A", "C", "D", "X", "E", "F")),
                "B left and X came in: the rest kept their order");
        assertEquals(Set.of("A"), RuleSetDiff.moved(before, List.of("B", "C", "D", "E", "F", "A")));
        assertEquals(2, RuleSetDiff.moved(before, List.of("B", "A", "C", "D", "F", "E")).size(),
                "two swaps: one of each pair moved");
        assertEquals(5, RuleSetDiff.moved(before, List.of("F", "E", "D", "C", "B", "A")).size(),
                "reversed: all but one moved");
    }

    @Test
    void anotherPriceWeightReRanksPairsAndSaysFromWhereToWhere() throws IOException {
        try (Store store = store()) {
            Profiles profiles = new Profiles(store);
            profiles.save(profiles.active().withPriceWeight(0), true);
            RuleSet before = publish(store, dir.resolve("v1.json"));
            profiles.save(profiles.active().withPriceWeight(1.5), true);
            RuleSet after = publish(store, dir.resolve("v2.json"));

            RuleSetDiff diff = RuleSetDiff.between(before, after);

            assertEquals("priceWeight", diff.settings().stream().map(RuleSetDiff.Change::name)
                    .filter(n -> n.equals("priceWeight")).findFirst().orElseThrow());
            assertTrue(diff.pairsReranked() > 0, diff.toString());
            RuleSetDiff.PairChange moved = diff.examples().stream().filter(x -> x.change().equals("reranked"))
                    .findFirst().orElseThrow();
            assertTrue(moved.fromRank() > 0 && moved.toRank() > 0 && moved.fromRank() != moved.toRank(), moved.toString());
            assertTrue(moved.inWords().endsWith("): Product " + Integer.parseInt(moved.candidate().substring(1)) + " ("
                    + moved.candidate() + ") #" + moved.fromRank() + " → #" + moved.toRank()), moved.inWords());
        }
    }
}
