package io.orderlift.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.GuestOrders;
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
import io.orderlift.ruleset.evaluator.Answer;
import io.orderlift.ruleset.evaluator.ConformanceCheck;
import io.orderlift.ruleset.evaluator.EcmaScriptNumbers;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetException;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import io.orderlift.ruleset.evaluator.WithoutCandidates;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.PackedPairs;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PairStatus;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing every sample store, and the storefront evaluator answering exactly as the preview. */
class PublishAndEvaluateTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STORES = List.of("outdoor", "kitchen", "beauty", "wholesale");
    static final Map<String, Store> MINED = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void mineAndCurate() throws Exception {
        for (String name : STORES) {
            Store store = Store.openOrCreate(dir.resolve("stores").resolve(name));
            new OrderImporter().importFile(store, ImportRequest.of(sampleOrders(name)), ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            MINED.put(name, store);
        }
        // two stores rank under non-default profiles, as after a validated choice: every setting the
        // backtest chooses (the lower-bound estimator included) must reach the storefronts unchanged
        new Profiles(MINED.get("kitchen")).save(WeightingProfile.defaults().withEstimator(Estimator.LOWER_BOUND)
                .withPriceWeight(1.25).withSmoothing(20).withMinLift(0).withMaxPriceRatio(100)
                .withOneTapMaxPrice(1000).withOneTapMaxShare(20), true);
        new Profiles(MINED.get("beauty")).save(WeightingProfile.defaults().withName("lean").withPriceWeight(0.5)
                .withSmoothing(50).withMinLift(1.5).withMaxPriceRatio(2).withOneTapMaxPrice(30)
                .withConfirmationEvidence(ConfirmationEvidence.FOLLOW_ON), true);
        // priced in dollars, as the bundled sample is: the file says so, and the demo shop writes "$"
        new StoreQueries(MINED.get("outdoor")).setCurrency("USD");
        CurationStore outdoor = new CurationStore(MINED.get("outdoor"));
        outdoor.setPair("cart", "OUT-TEN-001", "OUT-FOOTPRINT", PairStatus.REJECTED, null);
        outdoor.setPair("cart", "OUT-TEN-001", "OUT-HEADLAMP", PairStatus.PINNED, null);
        outdoor.setPair("confirmation", "OUT-STOVE-JET", "OUT-FUEL-230", PairStatus.APPROVED, null);
        outdoor.exclude(ExclusionKind.CATEGORY, "Jackets", "", "test");
        outdoor.exclude(ExclusionKind.CATEGORY_PAIR, "Tents", "Tents", "never a second tent");
        outdoor.exclude(ExclusionKind.SKU, "OUT-SOCKS", "", "test");
        // a thin anchor (it backs off to its category) with curation of its own gets its own lists
        outdoor.setPair("cart", "OUT-TEN-024", "OUT-STAKES", PairStatus.REJECTED, null);
    }

    /**
     * The rule set and the Java evaluator's answers, for the JavaScript package's tests
     * (src/main/js/storefront/test), which read them from target/storefront-fixtures.
     */
    static void writeStorefrontFixtures(String name, Path ruleSet, List<Map<String, Object>> cases)
            throws IOException {
        Path out = Files.createDirectories(Path.of("target", "storefront-fixtures"));
        Files.copy(ruleSet, out.resolve(name + ".ruleset.json"), StandardCopyOption.REPLACE_EXISTING);
        JSON.writeValue(out.resolve(name + ".cases.json").toFile(), cases);
        RuleSetSlices.Written slices = RuleSetSlices.write(RuleSetJson.read(ruleSet), out.resolve(name + ".slices"));
        assertTrue(slices.largestBytes() <= RuleSetSlices.MAX_BYTES, name + ": largest slice " + slices.largestBytes());
    }

    /** The bundled order file of a sample store (gzipped for the real-shaped one). */
    static Path sampleOrders(String name) {
        Path plain = Path.of("sample-stores", name, "orders.csv");
        return Files.exists(plain) ? plain : Path.of("sample-stores", name, "orders.csv.gz");
    }

    @AfterAll
    static void close() {
        MINED.values().forEach(Store::close);
    }

    @Test
    void evaluateEqualsRecommendOnRandomCartsOfEverySampleStore() throws IOException {
        for (String name : STORES) {
            Store store = MINED.get(name);
            Path file = dir.resolve(name + ".json");
            Publisher.Result result = new Publisher().publish(store, file, "test", null, false);
            RuleSet rules = RuleSetJson.read(file);
            assertEquals(List.of(), ConformanceCheck.failures(rules), name);
            StorefrontEvaluator storefront = new StorefrontEvaluator(rules);
            WeightingProfile profile = new Profiles(store).active();
            RankingModel model = RankingModels.load(store, profile.minCustomers());
            Recommender preview = new Recommender(model, StoredCuration.load(store, model));
            List<String> skus = rules.products().stream().map(RuleSet.Product::sku).toList();
            SplittableRandom random = new SplittableRandom(name.hashCode());
            boolean longBaskets = name.equals("wholesale");
            List<Map<String, Object>> fixtures = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                Placement placement = i % 2 == 0 ? Placement.CART : Placement.CONFIRMATION;
                List<CartItem> cart = new ArrayList<>();
                // real baskets: mostly a few items, some dozens (up to 80 on the wholesale store)
                int size = longBaskets && i % 5 == 0 ? 10 + random.nextInt(71) : 1 + random.nextInt(5);
                for (int k = 0; k < size; k++) {
                    // now and then a bulk line, whose total moves the price ceilings
                    int quantity = i % 7 == 3 ? 1 + random.nextInt(200) : 1 + random.nextInt(3);
                    cart.add(new CartItem(skus.get(random.nextInt(skus.size())), quantity, Double.NaN));
                }
                if (i % 10 == 9) {
                    // a product the rule set does not know (new since publishing): it adds nothing, anywhere in the cart
                    cart.add(random.nextInt(cart.size() + 1), new CartItem("NEW-" + i, 1, Double.NaN));
                }
                var expected = preview.recommend(placement, cart, profile, 0);
                Answer actual = storefront.evaluate(placement.cliName(),
                        cart.stream().map(c -> new RuleSet.Item(c.sku(), c.quantity())).toList(), 0);
                assertEquals(JSON.valueToTree(expected.items()), JSON.valueToTree(actual.items()),
                        name + " case " + i + " " + cart);
                assertEquals(expected.cartTotal(), actual.cartTotal());
                List<RuleSet.Item> items = cart.stream().map(c -> new RuleSet.Item(c.sku(), c.quantity())).toList();
                if (i % 3 == 2) {
                    // what the storefront knows is out of stock: as if no list or pin held it
                    Set<String> unavailable = WithoutCandidates.pick(random, actual, items);
                    Answer filtered = storefront.evaluate(placement.cliName(), items, 0, unavailable);
                    assertEquals(new StorefrontEvaluator(WithoutCandidates.of(rules, unavailable))
                            .evaluate(placement.cliName(), items, 0), filtered, name + " case " + i + " " + unavailable);
                    assertEquals(JSON.valueToTree(preview.recommend(placement, cart, profile, 0, unavailable).items()),
                            JSON.valueToTree(filtered.items()), "the preview told the same: " + name + " case " + i);
                    fixtures.add(Map.of("placement", placement.cliName(), "items", items, "unavailable", unavailable,
                            "answer", filtered));
                } else {
                    fixtures.add(Map.of("placement", placement.cliName(), "items", items, "answer", actual));
                }
            }
            assertTrue(result.bytes() > 10_000);
            if (profile.confirmationEvidence() == ConfirmationEvidence.FOLLOW_ON) {
                assertTrue(rules.anchors().stream().filter(a -> a.confirmation() != null)
                        .allMatch(a -> a.confirmation().sameOrder() == 0), "follow-on lists only");
                assertEquals("follow-on", rules.parameters().confirmationEvidence());
            }
            writeStorefrontFixtures(name, file, fixtures);
        }
    }

    /**
     * The popularity arm of a live test ({@code publish --popularity}): alone in a cart, every product's list
     * is its companions by how many orders held both, ties by SKU — "customers also bought" — on the kitchen
     * store and the real-shaped wholesale one. The outdoor store's, under its curation, goes to the fixtures
     * as the demo shop's baseline (src/test/browser).
     */
    @Test
    void thePopularityArmListsACartsCompanionsByHowOftenBoughtTogether() throws IOException {
        for (String name : List.of("kitchen", "wholesale", "outdoor")) {
            Store store = MINED.get(name);
            WeightingProfile shown = new Profiles(store).active();
            WeightingProfile popularity = WeightingProfile.classicPopularity(shown);
            RankingModel model = RankingModels.load(store, popularity.minCustomers());
            byte[] bytes = RuleSetJson.seal(new RuleSetBuilder(model, StoredCuration.load(store, model), popularity,
                    new CurationStore(store).exclusions()).build(1, name, "USD", Instant.parse(
                            "2026-12-08T00:00:00Z"), "the popularity arm")).bytes();
            RuleSet rules = RuleSetJson.read(bytes, name);
            assertEquals(List.of(), ConformanceCheck.failures(rules), name);
            assertEquals(List.of(), RuleSetJson.schemaProblems(JSON.readTree(bytes)), name);
            assertEquals("popularity", rules.parameters().profile());
            assertEquals(shown.cartLength(), rules.parameters().cartLength());
            if (name.equals("outdoor")) {
                Path out = Files.createDirectories(Path.of("target", "storefront-fixtures"));
                Files.write(out.resolve("outdoor.popularity-arm.json"), bytes);
                continue;
            }
            StorefrontEvaluator storefront = new StorefrontEvaluator(rules);
            int listed = 0;
            for (int anchor = 0; anchor < model.productCount(); anchor++) {
                if (!(model.price(anchor) > 0)) {
                    continue;
                }
                List<int[]> pairs = new ArrayList<>();
                model.forEachPairOf(anchor, (candidate, co, follow) -> {
                    if (co > 0 && model.price(candidate) >= 0) {
                        pairs.add(new int[] {candidate, co});
                    }
                });
                List<String> expected = pairs.stream().sorted(Comparator.comparingInt((int[] p) -> -p[1])
                        .thenComparing(p -> model.sku(p[0]))).limit(shown.cartLength()).map(p -> model.sku(p[0])).toList();
                List<String> actual = storefront.evaluate("cart", List.of(new RuleSet.Item(model.sku(anchor), 1)), 0)
                        .items().stream().map(Answer.Item::sku).toList();
                assertEquals(expected, actual, name + " " + model.sku(anchor));
                listed += actual.isEmpty() ? 0 : 1;
            }
            assertTrue(listed > model.productCount() / 2, name + ": " + listed + " lists");
        }
    }

    /**
     * A rule set that was only reformatted (indented, its non-ASCII characters escaped, its numbers written
     * otherwise) is the same rule set; one whose values changed is not, and says what it hashes to. Written to the storefront
     * fixtures too, so that the JavaScript package's check must give the same verdicts and the same
     * hash (src/main/js/storefront/test).
     */
    @Test
    void aReformattedCopyIsTheSameRuleSetAndATamperedOneIsNot() throws IOException {
        Path file = dir.resolve("outdoor-accented.json");
        new Publisher().publish(MINED.get("outdoor"), file, "Crème brûlée season – \"pins\" reviewed", null, false);
        // a title of its own with characters a reformatter escapes, published as the publisher writes it
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
        // (and control characters a spreadsheet leaves in a cell: a vertical tab, a unit separator)
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("products").get(0)).put("title", "Tente « Trail » 2P – été\u000b\u001f");
        RuleSet accented = JSON.treeToValue(tree, RuleSet.class);
        accented = accented.withContentHash(RuleSetJson.contentHash(accented));
        byte[] compact = RuleSetJson.toBytes(accented);
        assertTrue(new String(compact, StandardCharsets.UTF_8).contains("été\\u000b\\u001f\""),
                "control characters escaped as JSON.stringify escapes them, in lower-case hex");
        byte[] reformatted = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build()
                .writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(compact));
        // and its fractional numbers re-written, as a tool that reads and writes them may (jq writes 1e-7 as 1e-07)
        Matcher fraction = Pattern.compile("(?<=\" : )-?\\d+\\.\\d+(?:[eE][+-]?\\d+)?").matcher(
                new String(reformatted, StandardCharsets.UTF_8));
        String text = fraction.replaceAll(m -> String.format(java.util.Locale.ROOT, "%.17e", Double.parseDouble(m.group())));
        reformatted = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(text.contains("\\u00E9") && text.contains("\\u001F") && text.contains("\n  \"schemaVersion\" : ")
                && text.matches("(?s).*\" : \\d\\.\\d{17}e[+-]\\d\\d,.*"),
                "escaped, indented, numbers re-written");
        assertEquals(accented, RuleSetJson.read(reformatted, "outdoor.reformatted.json"));
        byte[] withMark = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(accented, RuleSetJson.read(withMark, "outdoor.bom.json"), "a byte order mark is not content");

        Matcher price = Pattern.compile("(?<=\"price\" : )[^,\n]+").matcher(text);
        assertTrue(price.find());
        byte[] tampered = price.replaceFirst(m -> String.format(java.util.Locale.ROOT, "%.17e", 2 * Double.parseDouble(m.group())))
                .getBytes(StandardCharsets.UTF_8);
        RuleSetException refused = assertThrows(RuleSetException.class,
                () -> RuleSetJson.read(tampered, "outdoor.tampered.json"));
        assertTrue(refused.getMessage().endsWith("the file was changed or damaged after publishing"), refused.getMessage());

        Path out = Files.createDirectories(Path.of("target", "storefront-fixtures"));
        Files.write(out.resolve("outdoor.accented.json"), compact);
        Files.write(out.resolve("outdoor.reformatted.json"), reformatted);
        Files.write(out.resolve("outdoor.tampered.json"), tampered);
        Files.writeString(out.resolve("outdoor.tampered.refusal.txt"), refused.getMessage());
    }

    /**
     * The publisher writes numbers as JavaScript does ({@code 548}, not {@code 548.0}); a file published
     * before, with Java's forms and the hash over them, still checks.
     */
    @Test
    void numbersAreWrittenAsJavaScriptWritesThemAndOlderFilesStillCheck() throws Exception {
        Path file = dir.resolve("outdoor-numbers.json");
        new Publisher().publish(MINED.get("outdoor"), file, "numbers", null, false);
        String text = Files.readString(file);
        assertFalse(Pattern.compile(":-?\\d+\\.0[,}\\]]|\\dE-?\\d").matcher(text).find(), "no 548.0, no 1.0E-5");
        assertTrue(Pattern.compile("\"price\":\\d+[,}]").matcher(text).find(), "whole prices without .0");

        RuleSet ruleSet = RuleSetJson.read(file);
        ObjectMapper javaNumbers = new ObjectMapper();
        String hash = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(javaNumbers.writeValueAsBytes(ruleSet.withContentHash(""))));
        byte[] older = javaNumbers.writeValueAsBytes(ruleSet.withContentHash(hash));
        assertTrue(new String(older, StandardCharsets.UTF_8).matches("(?s).*\"price\":\\d+\\.0[,}].*"), "Java's forms");
        assertEquals(ruleSet.withContentHash(hash), RuleSetJson.read(older, "outdoor-older.json"));
        byte[] olderChanged = new String(older, StandardCharsets.UTF_8).replaceFirst("\"price\":(\\d+)\\.0", "\"price\":$1.5")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(RuleSetException.class, () -> RuleSetJson.read(olderChanged, "outdoor-older-changed.json"));
        // and one published later on 2026-12-04, before session 26: JavaScript's numbers, Jackson's upper-case escapes
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
        RuleSet titled = JSON.treeToValue(tree.put("note", "Unit\u001fseparated"), RuleSet.class);
        var ecmaScriptNumbers = new com.fasterxml.jackson.databind.ser.std.StdSerializer<Double>(Double.class) {
            @Override
            public void serialize(Double value, com.fasterxml.jackson.core.JsonGenerator gen,
                                  com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
                gen.writeNumber(EcmaScriptNumbers.format(value));
            }
        };
        ObjectMapper upperCase = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                .addSerializer(Double.class, ecmaScriptNumbers).addSerializer(Double.TYPE, ecmaScriptNumbers));
        String upperHash = "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(upperCase.writeValueAsBytes(titled.withContentHash(""))));
        byte[] upper = upperCase.writeValueAsBytes(titled.withContentHash(upperHash));
        assertTrue(new String(upper, StandardCharsets.UTF_8).contains("Unit\\u001Fseparated"), "Jackson's escape");
        assertEquals(titled.withContentHash(upperHash), RuleSetJson.read(upper, "outdoor-upper-case.json"));
    }

    /**
     * Sealing writes the rule set once and puts the hash into those bytes: the same bytes and hash as
     * writing it twice, even under a note that spells the hash field out.
     */
    @Test
    void aSealedRuleSetIsTheOneWrittenWithItsHash() throws IOException {
        Path file = dir.resolve("outdoor-sealed.json");
        new Publisher().publish(MINED.get("outdoor"), file, "\"contentHash\":\"\" in a note", null, false);
        RuleSet published = RuleSetJson.read(file);
        RuleSet unhashed = published.withContentHash("");
        RuleSetJson.Sealed sealed = RuleSetJson.seal(unhashed);
        assertEquals(RuleSetJson.contentHash(unhashed), sealed.ruleSet().contentHash());
        assertEquals(published, sealed.ruleSet());
        assertTrue(Arrays.equals(RuleSetJson.toBytes(sealed.ruleSet()), sealed.bytes()), "the bytes writing it again gives");
        assertTrue(Arrays.equals(Files.readAllBytes(file), sealed.bytes()), "the published file");
    }

    /** The cart lines the preview refuses, the evaluator refuses too, in the JavaScript package's words. */
    @Test
    void aCartLineOfNoQuantityIsRefusedAsThePreviewRefusesIt() {
        for (int quantity : new int[] {0, -1}) {
            assertEquals("quantity of OUT-TEN-001 must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> new RuleSet.Item("OUT-TEN-001", quantity)).getMessage());
            assertEquals("quantity of OUT-TEN-001 must be at least 1", assertThrows(IllegalArgumentException.class,
                    () -> new CartItem("OUT-TEN-001", quantity, Double.NaN)).getMessage());
        }
        assertEquals("a cart line needs a sku", assertThrows(IllegalArgumentException.class,
                () -> new RuleSet.Item(null, 1)).getMessage());
    }

    @Test
    void theRealShapedStoresRuleSetIsBoundedAndSmall() throws IOException {
        Path file = dir.resolve("wholesale-bounded.json");
        Publisher.Result result = new Publisher().publish(MINED.get("wholesale"), file, "", null, false);
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzipped)) {
            out.write(bytes);
        }
        assertTrue(bytes.length <= 5_000_000, "rule set of " + bytes.length + " bytes");
        assertTrue(gzipped.size() <= 1_000_000, "gzipped rule set of " + gzipped.size() + " bytes");
        RuleSet rules = RuleSetJson.read(file);
        int bound = 2 * rules.parameters().topK();
        List<RuleSet.Evidence> lists = new ArrayList<>();
        rules.anchors().forEach(a -> {
            lists.add(a.cart());
            lists.add(a.confirmation());
        });
        rules.categories().forEach(c -> {
            lists.add(c.cart());
            lists.add(c.confirmation());
        });
        for (RuleSet.Evidence list : lists) {
            if (list != null) {
                assertTrue(list.sameOrder() <= bound && list.size() - list.sameOrder() <= bound,
                        "at most 2 × topK entries per kind of evidence");
            }
        }
        assertEquals(4_000, result.products());
        assertEquals(List.of(), result.warnings(), "a rule set that recommends is published without a warning");
        assertEquals(List.of(), ConformanceCheck.failures(rules));
        assertTrue(rules.conformance().stream().anyMatch(c -> c.items().size() >= 50), "long carts are conformance cases");
    }

    /**
     * The coverage publish reports counts, per placement, the rule set's products whose lists the
     * preview ranks from hold anything (their own, or their category's), and names the most bought of
     * the others.
     */
    @Test
    void coverageCountsTheProductsThatRecommendSomethingOnTheirOwn() throws IOException {
        for (String name : STORES) {
            Store store = MINED.get(name);
            Publisher.Result result = new Publisher().publish(store, dir.resolve(name + "-coverage.json"), "", null,
                    false);
            RuleSet rules = RuleSetJson.read(dir.resolve(name + "-coverage.json"));
            WeightingProfile profile = new Profiles(store).active();
            RankingModel model = RankingModels.load(store, profile.minCustomers());
            Recommender recommender = new Recommender(model, StoredCuration.load(store, model));
            List<CurationStore.CuratedPair> curated = new CurationStore(store).pairs();
            int cart = 0;
            int confirmation = 0;
            List<RuleSet.Product> without = new ArrayList<>();
            for (RuleSet.Product p : rules.products()) {
                int id = model.idOf(p.sku()).orElseThrow();
                boolean inCart = !recommender.contributions(Placement.CART, id, profile).isEmpty()
                        || pinned(curated, "cart", p.sku());
                boolean onConfirmation = !recommender.contributions(Placement.CONFIRMATION, id, profile).isEmpty()
                        || pinned(curated, "confirmation", p.sku());
                cart += inCart ? 1 : 0;
                confirmation += onConfirmation ? 1 : 0;
                if (!inCart && !onConfirmation) {
                    without.add(p);
                }
            }
            Coverage coverage = result.coverage();
            assertEquals(List.of(rules.products().size(), rules.products().size() - without.size(), cart, confirmation),
                    List.of(coverage.products(), coverage.listed(), coverage.cart(), coverage.confirmation()), name);
            without.sort(Comparator.comparingInt(RuleSet.Product::orders).reversed()
                    .thenComparing(RuleSet.Product::sku));
            assertEquals(without.stream().limit(3).map(p -> p.title() + " (" + p.sku() + ", "
                    + String.format("%,d order%s", p.orders(), p.orders() == 1 ? "" : "s") + ")").toList(),
                    coverage.mostBoughtWithout(), name);
            assertEquals(coverage.cart() == coverage.products() && coverage.confirmation() == coverage.products(),
                    coverage.inWords().isEmpty(), name);
            if (!without.isEmpty()) {
                // a pinned companion gives the most bought of them a list, whatever the evidence
                String first = without.get(0).sku();
                String companion = rules.products().stream().map(RuleSet.Product::sku).filter(sku -> !sku.equals(first))
                        .findFirst().orElseThrow();
                CurationStore curate = new CurationStore(store);
                curate.setPair("cart", first, companion, PairStatus.PINNED, null);
                try {
                    Coverage pinned = new Publisher().publish(store, dir.resolve(name + "-pinned.json"), "", null, false)
                            .coverage();
                    assertEquals(List.of(coverage.listed() + 1, coverage.cart() + 1),
                            List.of(pinned.listed(), pinned.cart()), name);
                    assertFalse(pinned.mostBoughtWithout().stream().anyMatch(p -> p.contains("(" + first + ",")), name);
                } finally {
                    curate.undo();
                }
            }
        }
    }

    /**
     * The companions shared across the shelf are those the preview shows each product alone, counted over
     * its lists: the number of lists, the three most shown (ties by SKU), and a sentence exactly when the
     * first is in half the lists or more. On the wholesale store, ranked as its validation periods choose
     * (a low price weight under a lift floor), the long baskets' best sellers clear every floor and one
     * companion is in nearly every list.
     */
    @Test
    void sharedCompanionsAreWhatThePreviewShowsEachProductAlone() throws IOException {
        for (String name : STORES) {
            sharedCompanionsOf(name, null);
        }
        new Profiles(MINED.get("wholesale")).save(WeightingProfile.defaults().withName("validated").withPriceWeight(0.25)
                .withSmoothing(1).withMinLift(1.5).withMaxPriceRatio(100).withOneTapMaxPrice(250).withOneTapMaxShare(2),
                false);
        String words = sharedCompanionsOf("wholesale", "validated").inWords().orElseThrow();
        assertTrue(words.matches("Alone in a cart, 4,000 products get a list, and the same few companions fill most of"
                + " them: .+ \\(WHS-\\d+\\) is in [\\d,]+, .+ \\(WHS-\\d+\\) in [\\d,]+ and .+ \\(WHS-\\d+\\) in"
                + " [\\d,]+\\. .*belongs nowhere\\."), words);
    }

    /** Publishes {@code name} under {@code profileName} (null: the active one) and checks its shared companions. */
    private static SharedCompanions sharedCompanionsOf(String name, String profileName) throws IOException {
        Store store = MINED.get(name);
        Path file = dir.resolve(name + "-shared.json");
        Publisher.Result result = new Publisher().publish(store, file, "", profileName, false);
        RuleSet rules = RuleSetJson.read(file);
        Profiles profiles = new Profiles(store);
        WeightingProfile profile = profileName == null ? profiles.active() : profiles.named(profileName);
        RankingModel model = RankingModels.load(store, profile.minCustomers());
        Recommender preview = new Recommender(model, StoredCuration.load(store, model));
        boolean anyConcentrated = false;
        for (Placement placement : Placement.values()) {
            Map<String, Integer> lists = new HashMap<>();
            int withList = 0;
            for (RuleSet.Product p : rules.products()) {
                var shown = preview.recommend(placement, List.of(new CartItem(p.sku(), 1, Double.NaN)), profile, 0)
                        .items();
                withList += shown.isEmpty() ? 0 : 1;
                shown.forEach(r -> lists.merge(r.sku(), 1, Integer::sum));
            }
            List<String> most = lists.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                            .reversed().thenComparing(Map.Entry.comparingByKey())).limit(3)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            SharedCompanions.Shelf shelf = placement == Placement.CART ? result.sharedCompanions().cart()
                    : result.sharedCompanions().confirmation();
            assertEquals(withList, shelf.lists(), name + " " + placement);
            assertEquals(most, shelf.mostShown().stream().map(c -> c.sku() + " " + c.lists()).toList(),
                    name + " " + placement);
            boolean concentrated = withList >= 10
                    && 2 * lists.values().stream().mapToInt(Integer::intValue).max().orElse(0) >= withList;
            assertEquals(concentrated, shelf.concentrated(), name + " " + placement);
            anyConcentrated |= concentrated;
        }
        assertEquals(anyConcentrated, result.sharedCompanions().inWords().isPresent(), name);
        return result.sharedCompanions();
    }

    private static boolean pinned(List<CurationStore.CuratedPair> curated, String placement, String anchor) {
        return curated.stream().anyMatch(c -> c.status() == PairStatus.PINNED && c.placement().equals(placement)
                && c.anchorSku().equals(anchor));
    }

    /**
     * A history of guest orders: no pair has a known customer behind it, so every list is empty. The
     * file is valid and says nothing wrong, but a storefront serving it recommends nothing: the
     * publisher says so, naming the floors a pair must clear.
     */
    @Test
    void aRuleSetThatRecommendsNothingIsPublishedWithAWarning() throws IOException {
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("guests.csv"),
                    GuestOrders.csv(600, 9))), ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            Publisher.Result result = new Publisher().publish(store, dir.resolve("guests.json"), "", null, false);
            assertEquals(0, result.evidence());
            assertEquals(0, result.coverage().listed());
            int products = result.products();
            assertTrue(result.coverage().inWords().orElseThrow().startsWith("0 of " + products + " products recommend"
                    + " something on their own (0 in the cart, 0 on the confirmation page). The " + products + " others"
                    + " get nothing alone, the most bought first: "), result.coverage().inWords().orElseThrow());
            assertEquals(List.of("No product has a list, so this rule set recommends nothing: no pair clears the"
                    + " profile's floors (its evidence and lift floors, a price, and the privacy floor of 3 known"
                    + " customers behind a pair, to which a guest order adds none). The cart preview, or recommend,"
                    + " says what keeps a cart's companions off."), result.warnings());
        }
    }

    /** Approved pairs only, and none approved or pinned yet: the warning says to approve some. */
    @Test
    void aRuleSetOfApprovedPairsOnlyWithNoneApprovedSaysToApproveSome() throws IOException {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int o = 0; o < 200; o++) {
            // a lamp with its shade in half the orders, a mug alone in the others
            csv.append(o % 2 == 0
                    ? String.format("O%d,C%d,2025-03-%02d,LAMP,1,40%nO%d,C%d,2025-03-%02d,SHADE,1,15%n",
                            o, o % 50, 1 + o % 28, o, o % 50, 1 + o % 28)
                    : String.format("O%d,C%d,2025-03-%02d,MUG,1,8%n", o, o % 50, 1 + o % 28));
        }
        try (Store store = Store.inMemory()) {
            new OrderImporter().importFile(store, ImportRequest.of(Files.writeString(dir.resolve("lamps.csv"), csv)),
                    ProgressMonitor.NONE);
            new MiningService().mine(store, MiningSettings.defaults(), ProgressMonitor.NONE);
            Publisher.Result all = new Publisher().publish(store, dir.resolve("all.json"), "", null, false);
            assertEquals(List.of(), all.warnings());
            Publisher.Result approved = new Publisher().publish(store, dir.resolve("approved.json"), "", null, true);
            assertEquals(0, approved.coverage().listed());
            assertEquals(List.of("No product has a list, so this rule set recommends nothing: it holds approved pairs"
                    + " and pins only, and there is no pin and no approved pair that clears the profile's floors."
                    + " Approve pairs (the Pairs tab, or curate approve), or publish every pair."), approved.warnings());
        }
    }

    @Test
    void aModelReadForOneCartAnswersAsTheWholeModel() {
        for (String name : List.of("outdoor", "wholesale")) {
            Store store = MINED.get(name);
            WeightingProfile profile = new Profiles(store).active();
            RankingModel whole = RankingModels.load(store, profile.minCustomers());
            Recommender full = new Recommender(whole, StoredCuration.load(store, whole));
            List<String> skus = new ArrayList<>();
            for (int p = 0; p < whole.productCount(); p++) {
                if (whole.sku(p) != null) {
                    skus.add(whole.sku(p));
                }
            }
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 20; i++) {
                List<CartItem> cart = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(i % 4 == 0 ? 50 : 4); k++) {
                    cart.add(new CartItem(skus.get(random.nextInt(skus.size())), 1, Double.NaN));
                }
                RankingModel partial = RankingModels.loadFor(store, profile, cart.stream().map(CartItem::sku).toList());
                Recommender reading = new Recommender(partial, StoredCuration.load(store, partial));
                for (Placement placement : Placement.values()) {
                    assertEquals(full.recommend(placement, cart, profile, 0), reading.recommend(placement, cart, profile, 0),
                            name + " " + cart);
                }
            }
        }
    }

    @Test
    void curationIsInTheFileAndVersionsIncrease() {
        Store store = MINED.get("outdoor");
        Path file = dir.resolve("curated.json");
        Publisher.Result first = new Publisher().publish(store, file, "one", null, false);
        RuleSet rules = RuleSetJson.read(file);
        assertTrue(rules.pins().stream().anyMatch(p -> p.anchor().equals("OUT-TEN-001")
                && p.candidates().equals(List.of("OUT-HEADLAMP"))));
        assertTrue(rules.excludedCategoryPairs().contains(new RuleSet.CategoryPair("Tents", "Tents")));
        RuleSet.Anchor thin = rules.anchors().stream().filter(a -> a.sku().equals("OUT-TEN-024")).findFirst()
                .orElseThrow();
        assertEquals(null, thin.backoff(), "own lists, because of its own curation");
        assertEquals("category:Tents", thin.cart().via());
        assertTrue(skus(rules, thin.cart()).stream().noneMatch(sku -> sku.equals("OUT-STAKES")));
        assertTrue(rules.anchors().stream().anyMatch(a -> a.backoff() != null), "other thin anchors share their category's lists");
        assertTrue(rules.anchors().stream().flatMap(a -> skus(rules, a.cart()).stream())
                .noneMatch(sku -> sku.equals("OUT-SOCKS") || sku.startsWith("OUT-JKT")), "exclusions applied");
        Answer tent = new StorefrontEvaluator(rules).evaluate("cart", List.of(new RuleSet.Item("OUT-TEN-001", 1)), 0);
        assertEquals("OUT-HEADLAMP", tent.items().get(0).sku());
        assertTrue(tent.items().stream().noneMatch(i -> i.sku().equals("OUT-FOOTPRINT")), "rejected");
        Publisher.Result second = new Publisher().publish(store, file, "two", null, false);
        assertEquals(first.version() + 1, second.version());
        assertEquals(second.version(), RuleSetJson.read(file).version());
        Publisher.Result approved = new Publisher().publish(store, dir.resolve("approved.json"), "", null, true);
        RuleSet approvedOnly = RuleSetJson.read(dir.resolve("approved.json"));
        assertTrue(approvedOnly.parameters().approvedOnly());
        assertEquals(2, approved.evidence(), "only stove → fuel was approved: its same-order and follow-on evidence");
        assertTrue(new PublishedVersions(store).all().size() >= 3);
    }

    @Test
    void noPersonalDataLeavesTheStore() throws IOException {
        for (String name : STORES) {
            Store store = MINED.get(name);
            Path file = dir.resolve("privacy-" + name + ".json");
            new Publisher().publish(store, file, "", null, false);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> customerKeys = store.read(ctx -> ctx.select(CUSTOMERS.CUSTOMER_KEY).from(CUSTOMERS)
                    .fetch(CUSTOMERS.CUSTOMER_KEY));
            List<String> orderIds = store.read(ctx -> ctx.select(ORDERS.EXTERNAL_ID).from(ORDERS)
                    .fetch(ORDERS.EXTERNAL_ID));
            // every string of the file, once: a scan per key would read the file tens of thousands of times
            Set<String> strings = new HashSet<>();
            Matcher quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
            while (quoted.find()) {
                strings.add(quoted.group(1));
            }
            for (String key : customerKeys) {
                assertFalse(strings.contains(key), name + ": customer key in the rule set");
            }
            assertTrue(strings.stream().noneMatch(t -> t.matches("[0-9a-fA-F]{32,}")), name + ": no hash-like strings");
            for (String order : orderIds) {
                assertFalse(strings.contains(order), name + ": order id " + order + " in the rule set");
            }
            assertFalse(text.matches("(?s).*\"C\\d{7}\".*"), "no source customer ids");
            RuleSet rules = RuleSetJson.read(file);
            PairStatisticsStore stats = new PairStatisticsStore(store);
            int run = stats.activeRun().orElseThrow().id();
            Map<String, Integer> ids = new HashMap<>();
            Map<Integer, String> skuOf = new HashMap<>();
            stats.products(run).forEach(p -> {
                ids.put(p.sku(), p.productId());
                skuOf.put(p.productId(), p.sku());
            });
            PackedPairs pairs = stats.pairs(run, 0);
            for (RuleSet.Anchor anchor : rules.anchors()) {
                Map<String, Integer> customers = new HashMap<>();
                pairs.forEachPairOf(ids.get(anchor.sku()), (c, co, follow, count) -> customers.put(skuOf.get(c), count));
                if (anchor.cart() != null && anchor.cart().category() == null) {
                    for (String sku : skus(rules, anchor.cart())) {
                        assertTrue(customers.getOrDefault(sku, 0) >= 3,
                                name + ": " + anchor.sku() + " → " + sku + " is backed by fewer than 3 customers");
                    }
                }
            }
        }
    }

    @Test
    void damagedTruncatedOrInvalidFilesAreRefusedWithAReason() throws IOException {
        Path file = dir.resolve("good.json");
        new Publisher().publish(MINED.get("kitchen"), file, "", null, false);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(refused(Arrays.copyOf(bytes, bytes.length / 2)).contains("not valid JSON"));
        assertTrue(refused("[]".getBytes()).contains("not a JSON object"));
        assertTrue(refused(text.replace("\"schemaVersion\":2", "\"schemaVersion\":3").getBytes())
                .contains("does not match the rule-set schema"));
        assertTrue(refused(text.replaceFirst("\"store\":\"[^\"]*\",", "").getBytes()).contains("schema"));
        String tampered = text.replaceFirst("\"co\":\\[(\\d)", "\"co\":[9$1");
        assertTrue(!tampered.equals(text));
        assertTrue(refused(tampered.getBytes()).contains("content hash"));
        assertThrows(RuleSetException.class, () -> RuleSetJson.read(dir.resolve("missing.json")));
        // strict JSON: nothing after the document
        byte[] nuls = Arrays.copyOf(bytes, bytes.length + 4096);
        for (byte[] trailing : List.of(nuls, (text + text).getBytes(), (text + "}").getBytes(), (text + ",").getBytes())) {
            assertTrue(refused(trailing).contains("not valid JSON"), "data after the JSON document");
        }
        assertTrue(RuleSetJson.read((text + "\n  ").getBytes(), "x.json") != null, "whitespace after it is fine");
        // whole files, correctly hashed, that still break the rules
        RuleSet good = RuleSetJson.read(bytes, "good.json");
        List<RuleSet.Product> twice = new ArrayList<>(good.products());
        RuleSet.Product first = twice.get(0);
        twice.add(new RuleSet.Product(first.sku(), first.title(), first.category(), 1.0, first.orders()));
        assertTrue(refused(rehashed(new RuleSet(good.schemaVersion(), good.version(), good.store(), good.currency(), good.publishedAt(),
                good.note(), "", good.parameters(), twice, good.anchors(), good.categories(), good.pins(),
                good.excludedCategoryPairs(), good.exclusions(), good.conformance()))).contains("twice"));
        for (String date : List.of("not a date", "2026-02-30T10:00:00Z")) {
            assertTrue(refused(rehashed(new RuleSet(good.schemaVersion(), good.version(), good.store(), good.currency(), date, good.note(),
                    "", good.parameters(), good.products(), good.anchors(), good.categories(), good.pins(),
                    good.excludedCategoryPairs(), good.exclusions(), good.conformance()))).contains("publishedAt"),
                    date);
        }
        assertTrue(refused(rehashed(new RuleSet(good.schemaVersion(), good.version(), good.store(), good.currency(), good.publishedAt(),
                good.note(), "", good.parameters(), good.products(), good.anchors(), good.categories(), good.pins(),
                good.excludedCategoryPairs(), good.exclusions(), List.of()))).contains("conformance"));
    }

    /** 300 damaged copies of a published file: none is accepted unless the damage changed no content. */
    @Test
    void damagedRuleSetsAreRefused() throws IOException {
        Path file = dir.resolve("fuzz.json");
        new Publisher().publish(MINED.get("beauty"), file, "", null, false);
        byte[] good = Files.readAllBytes(file);
        RuleSet original = RuleSetJson.read(good, "good.json");
        SplittableRandom random = new SplittableRandom(269);
        int refused = 0;
        for (int m = 0; m < 300; m++) {
            byte[] bad = switch (m % 6) {
                case 0 -> flip(good, random);
                case 1 -> Arrays.copyOf(good, random.nextInt(good.length));
                case 2 -> delete(good, random.nextInt(good.length));
                case 3 -> insert(good, random.nextInt(good.length), (byte) "0123456789,{}[]\":\u0000 ".charAt(
                        random.nextInt(18)));
                case 4 -> insert(good, good.length, (byte) "}],x\u0000 \n".charAt(random.nextInt(7)));
                default -> swapDigits(good, random);
            };
            try {
                RuleSet read = RuleSetJson.read(bad, "damaged.json");
                assertEquals(JSON.valueToTree(original), JSON.valueToTree(read),
                        "damage " + m + " was accepted and changed the content");
            } catch (RuleSetException e) {
                refused++;
                assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            }
        }
        assertTrue(refused >= 280, refused + " of 300 refused");
    }

    private static byte[] flip(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        int at = random.nextInt(copy.length);
        copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(7)));
        return copy;
    }

    private static byte[] delete(byte[] bytes, int at) {
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        return copy;
    }

    private static byte[] swapDigits(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        for (int tries = 0; tries < 1_000; tries++) {
            int at = random.nextInt(copy.length - 1);
            if (Character.isDigit(copy[at]) && Character.isDigit(copy[at + 1]) && copy[at] != copy[at + 1]) {
                byte t = copy[at];
                copy[at] = copy[at + 1];
                copy[at + 1] = t;
                return copy;
            }
        }
        return flip(bytes, random);
    }

    private static byte[] rehashed(RuleSet rules) {
        return RuleSetJson.toBytes(rules.withContentHash(RuleSetJson.contentHash(rules)));
    }

    private static String refused(byte[] bytes) {
        return assertThrows(RuleSetException.class, () -> RuleSetJson.read(bytes, "x.json")).getMessage();
    }

    @Test
    void aFailureAtAnyStepLeavesThePreviousFileAndHistoryIntact() throws IOException {
        Store store = MINED.get("beauty");
        Path file = dir.resolve("atomic").resolve("beauty.json");
        new Publisher().publish(store, file, "good", null, false);
        byte[] before = Files.readAllBytes(file);
        int versions = new PublishedVersions(store).all().size();
        for (AtomicFileWriter.Step failing : AtomicFileWriter.Step.values()) {
            AtomicFileWriter crashing = new AtomicFileWriter(step -> {
                if (step == failing) {
                    throw new IOException("simulated crash before " + step);
                }
            });
            assertThrows(UncheckedIOException.class,
                    () -> new Publisher(crashing).publish(store, file, "bad", null, false), failing.name());
            assertTrue(Arrays.equals(before, Files.readAllBytes(file)), failing + ": previous file intact");
            try (var left = Files.list(file.getParent())) {
                assertEquals(List.of(file), left.toList(), failing + ": no temporary file left");
            }
            assertEquals(versions, new PublishedVersions(store).all().size(), failing + ": no version recorded");
        }
    }

    /** A process that dies mid-publish: nothing after the dying step runs, no cleanup either. */
    private static final class Killed extends Error {
        Killed(String where) {
            super("killed before " + where);
        }
    }

    @Test
    void aProcessKilledMidPublishNeverLeavesAFileTheStoreDoesNotList() throws IOException {
        Store store = MINED.get("kitchen");
        Path file = dir.resolve("killed").resolve("kitchen.json");
        PublishedVersions history = new PublishedVersions(store);
        for (AtomicFileWriter.Step dying : AtomicFileWriter.Step.values()) {
            new Publisher().publish(store, file, "good", null, false);
            AtomicFileWriter killed = new AtomicFileWriter(step -> {
                if (step == dying) {
                    throw new Killed(step.name());
                }
            });
            assertThrows(Killed.class, () -> new Publisher(killed).publish(store, file, "killed", null, false));
            long onDisk = RuleSetJson.read(file).version();
            List<Integer> listed = history.all().stream().map(PublishedVersions.Version::version).toList();
            assertTrue(listed.contains((int) onDisk), dying + ": the file on disk (version " + onDisk
                    + ") is a version the store lists " + listed);
            Publisher.Result next = new Publisher().publish(store, file, "after", null, false);
            assertTrue(next.version() > listed.get(0), dying + ": the next publish takes a new number");
            assertEquals(next.version(), RuleSetJson.read(file).version());
        }
    }

    /** The candidates' SKUs of a list (empty for none). */
    static List<String> skus(RuleSet rules, RuleSet.Evidence list) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            skus.add(rules.products().get(list.c()[i]).sku());
        }
        return skus;
    }
}
