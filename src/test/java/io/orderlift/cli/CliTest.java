package io.orderlift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderlift.evaluation.GuestOrders;
import io.orderlift.mining.MiningSettings;
import io.orderlift.mining.external.JobOutputs;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end, over the bundled sample stores. */
class CliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final List<Path> opened = new ArrayList<>();

    /** Runs {@code args} as {@code Main} does; a workbench it would open is noted in {@link #opened}. */
    Result run(String... args) {
        return Result.of(opened::add, args);
    }

    /** {@code command} followed by {@code more}, as arguments. */
    private static String[] concat(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * Out of memory, on the command's thread (picocli passes errors through) or on a worker's
     * (handed over wrapped): a sentence that says how much memory Java had and how to give it more,
     * exit code 1, instead of a JVM ending with nothing on the terminal.
     */
    @Test
    void runningOutOfMemorySaysHowToGoOn() {
        for (RuntimeException wrapped : new RuntimeException[] {null,
                new CompletionException(new OutOfMemoryError("Java heap space"))}) {
            StringWriter err = new StringWriter();
            CommandLine cli = OrderliftCli.create(store -> {
                if (wrapped != null) {
                    throw wrapped;
                }
                throw new OutOfMemoryError("Java heap space");
            });
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(err));
            assertEquals(OrderliftCli.EXIT_BAD_INPUT, cli.execute("gui", "--store", dir.toString()));
            assertTrue(err.toString().startsWith("Out of memory: this needed more than the "), err.toString());
            assertTrue(err.toString().contains("JAVA_TOOL_OPTIONS=-Xmx"), err.toString());
        }
    }

    @Test
    void importsEverySampleStoreAndReportsItAsJson() throws Exception {
        for (String name : List.of("outdoor", "kitchen", "beauty")) {
            Path store = dir.resolve(name);
            Result r = run("import", "--store", store.toString(), "--input", "sample-stores/" + name + "/orders.csv",
                    "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode report = r.json();
            assertTrue(report.get("orders").asInt() >= 20_000, name + " has 20k+ orders");
            assertTrue(report.get("lines").asInt() > report.get("orders").asInt());
            assertTrue(report.get("products").asInt() > 100);
            assertTrue(report.get("customers").asInt() > 5_000);
            assertTrue(report.get("skippedRows").isArray());

            JsonNode info = run("info", "--store", store.toString(), "--json").json();
            for (String key : List.of("orders", "lines", "products", "customers", "firstOrderAt", "lastOrderAt",
                    "aov", "imports")) {
                assertTrue(info.has(key), key);
            }
            assertEquals(report.get("orders").asInt(), info.get("orders").asInt());
            assertTrue(info.get("firstOrderAt").asText().startsWith("2025-01-01"));
            assertTrue(info.get("lastOrderAt").asText().compareTo("2026-01-01") > 0, "12+ months of history");
            assertTrue(info.get("aov").asDouble() > 20);
        }
    }

    @Test
    void theRealShapedStoreEndToEnd() throws Exception {
        Path store = dir.resolve("wholesale");
        Result imported = run("import", "--store", store.toString(), "--input",
                "sample-stores/wholesale/orders.csv.gz", "--json");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.json().get("lines").asInt() > 500_000);
        Result mined = run("mine", "--store", store.toString(), "--json", "--keep-profile");
        assertEquals(0, mined.code(), mined.err());
        JsonNode noChoice = mined.json().get("defaultProfile");
        assertTrue(noChoice.get("chosen").isNull() && noChoice.get("notChosen").isNull(), noChoice.toString());
        assertTrue(mined.json().get("run").get("pairs").asLong() > 5_000_000, "millions of pairs, stored packed");
        JsonNode pairs = run("pairs", "--store", store.toString(), "--anchor", "WHS-10428", "--limit", "5", "--json")
                .json();
        assertEquals(5, pairs.get("candidates").size());
        // a long real cart: the 50 most bought products
        String cart = String.join(",", topSkus(store, 50));
        Result recommended = run("recommend", "--store", store.toString(), "--placement", "cart", "--items", cart,
                "--json");
        assertEquals(0, recommended.code(), recommended.err());
        assertEquals(4, recommended.json().get("items").size());
        Path ruleset = dir.resolve("wholesale.json");
        Path slices = dir.resolve("wholesale-slices");
        Result published = run("publish", "--store", store.toString(), "--out", ruleset.toString(), "--slices",
                slices.toString(), "--json");
        assertEquals(0, published.code(), published.err());
        try (var files = Files.list(slices.resolve("anchors"))) {
            assertEquals(4_000, files.count(), "a slice per product");
        }
        assertTrue(Files.size(ruleset) < 5_000_000, "a bounded rule set: " + Files.size(ruleset) + " bytes");
        assertEquals(0, run("check-ruleset", ruleset.toString()).code());
        for (String placement : List.of("cart", "confirmation")) {
            JsonNode preview = run("recommend", "--store", store.toString(), "--placement", placement, "--items", cart,
                    "--json").json();
            JsonNode storefront = run("evaluate", "--ruleset", ruleset.toString(), "--placement", placement,
                    "--items", cart, "--json").json();
            ((ObjectNode) preview).remove("removed");
            assertEquals(preview, storefront, placement);
            // out of stock: the first two never shown, the list as long, filled from further down
            List<String> shown = new ArrayList<>();
            storefront.get("items").forEach(item -> shown.add(item.get("sku").asText()));
            JsonNode inStock = run("evaluate", "--ruleset", ruleset.toString(), "--placement", placement,
                    "--items", cart, "--unavailable", shown.get(0) + "," + shown.get(1), "--json").json();
            List<String> refilled = new ArrayList<>();
            inStock.get("items").forEach(item -> refilled.add(item.get("sku").asText()));
            assertEquals(shown.size(), refilled.size(), placement);
            assertTrue(refilled.containsAll(shown.subList(2, shown.size())), placement + " " + shown + " " + refilled);
            assertFalse(refilled.contains(shown.get(0)) || refilled.contains(shown.get(1)), placement);
            // the preview told the same answers alike, and says why the two are not shown
            JsonNode previewInStock = run("recommend", "--store", store.toString(), "--placement", placement,
                    "--items", cart, "--unavailable", shown.get(0) + "," + shown.get(1), "--json").json();
            List<String> unavailable = new ArrayList<>();
            previewInStock.get("removed").forEach(r -> {
                if (r.get("rule").asText().equals("unavailable")) {
                    unavailable.add(r.get("sku").asText());
                }
            });
            assertEquals(shown.subList(0, 2).stream().sorted().toList(), unavailable.stream().sorted().toList());
            ((ObjectNode) previewInStock).remove("removed");
            assertEquals(inStock, previewInStock, placement);
        }
        // --limit K is at least 1 in every command that takes it; absent, the list length
        for (List<String> command : List.of(
                List.of("recommend", "--store", store.toString(), "--placement", "cart", "--items", cart),
                List.of("evaluate", "--ruleset", ruleset.toString(), "--placement", "cart", "--items", cart),
                List.of("pairs", "--store", store.toString(), "--anchor", cart.split("[,:]")[0]))) {
            JsonNode two = run(concat(command, "--limit", "2", "--json")).json();
            assertEquals(2, (two.has("items") ? two.get("items") : two.get("candidates")).size(), command.get(0));
            for (String limit : List.of("0", "-1")) {
                Result refused = run(concat(command, "--limit", limit));
                assertEquals(1, refused.code(), command.get(0) + " --limit " + limit);
                assertEquals("--limit must be at least 1", refused.err().strip(), command.get(0));
            }
        }
        Result backtest = run("backtest", "--store", store.toString(), "--json");
        assertEquals(0, backtest.code(), backtest.err());
        JsonNode cartPolicies = backtest.json().get("placements").get("cart");
        assertEquals("popularity", cartPolicies.get(0).get("policy").asText());
        JsonNode words = backtest.json().get("inWords");
        assertTrue(words.get("headline").asText().startsWith("On this store"), words.toString());
        assertTrue(words.get("warnings").isArray() && words.get("unmeasured").isObject(), words.toString());
        for (JsonNode policy : cartPolicies) {
            assertTrue(policy.get("rpiLow").asDouble() <= policy.get("rpi").asDouble()
                    && policy.get("rpi").asDouble() <= policy.get("rpiHigh").asDouble(), policy.toString());
        }
    }

    private List<String> topSkus(Path store, int count) throws Exception {
        List<String> skus = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("sample-stores/wholesale/orders.csv.gz")))))) {
            Map<String, Integer> counts = new HashMap<>();
            in.lines().skip(1).forEach(line -> counts.merge(line.split(",")[3], 1, Integer::sum));
            counts.entrySet().stream().sorted((a, b) -> b.getValue().equals(a.getValue())
                    ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue())
                    .limit(count).forEach(e -> skus.add(e.getKey()));
        }
        return skus;
    }

    /** A command that opens a store an interrupted import left says, on stderr, what the open undid. */
    @Test
    void aCommandSaysWhatOpeningTheStoreUndid() throws Exception {
        Path store = dir.resolve("interrupted");
        Path file = Files.writeString(dir.resolve("guests.csv"), GuestOrders.csv(20, 3));
        assertEquals(0, run("import", "--store", store.toString(), "--input", file.toString()).code());
        try (Store opened = Store.open(store)) {
            opened.putSetting(Store.IMPORT_IN_PROGRESS, "guests.csv");
        }
        Result info = run("info", "--store", store.toString(), "--json");
        assertEquals("Note: The import of guests.csv was interrupted; the orders it had written were removed, and the"
                + " store is as it was before it. Import the file again.", info.err().strip());
        assertEquals(0, info.json().get("orders").asInt());
        assertEquals("", run("info", "--store", store.toString()).err(), "said once");
    }

    /**
     * A history of guest orders: nothing clears the privacy floor, so the validation periods choose
     * nothing. The first mine keeps the built-in settings and says why, and {@code backtest --apply}
     * saves nothing.
     */
    @Test
    void aStoreWhoseValidationPeriodsCanChooseNothingKeepsItsSettings() throws Exception {
        Path store = dir.resolve("guests");
        Path file = Files.writeString(dir.resolve("guests.csv"), GuestOrders.csv(1_200, 3));
        assertEquals(0, run("import", "--store", store.toString(), "--input", file.toString()).code());
        assertTrue(run("info", "--store", store.toString()).out().contains("  customers  0; 1,200 guest orders (100 %)"));
        assertEquals(1_200, run("info", "--store", store.toString(), "--json").json().get("guestOrders").asInt());
        Result mined = run("mine", "--store", store.toString());
        assertTrue(mined.out().contains("default profile not chosen by backtest, the built-in settings stay: The"
                + " validation periods cannot choose settings: no ranking can show anything on their orders"), mined.out());
        JsonNode again = run("mine", "--store", store.toString(), "--json").json().get("defaultProfile");
        assertTrue(again.get("chosen").isNull(), again.toString());
        assertTrue(again.get("notChosen").asText().startsWith("The validation periods cannot choose settings: "),
                again.toString());
        Result backtest = run("backtest", "--store", store.toString(), "--apply", "--json");
        assertEquals(0, backtest.code(), backtest.err());
        assertTrue(backtest.json().get("notChosen").asText().contains("the privacy floor"), backtest.out());
        assertTrue(run("profile", "--store", store.toString(), "list").out().startsWith("No saved profiles"),
                "no profile saved");
        assertTrue(run("info", "--store", store.toString()).out().contains("\n  profile    none active, the built-in settings"));
    }

    @Test
    void minesAndListsPairsWithEveryStatistic() throws Exception {
        Path store = dir.resolve("outdoor");
        assertEquals(0, run("import", "--store", store.toString(), "--input", "sample-stores/outdoor/orders.csv").code());
        Result mined = run("mine", "--store", store.toString(), "--json");
        assertEquals(0, mined.code(), mined.err());
        // a new store's first mining saves the validated choice as its default profile
        JsonNode profile = run("profile", "--store", store.toString(), "show", "--json").json();
        assertTrue(profile.get("chosenBy").asText().startsWith("chosen by backtest on "), profile.toString());
        assertTrue(List.of("base-rate", "lower-bound").contains(profile.get("estimator").asText()));
        assertEquals(profile, mined.json().get("defaultProfile").get("chosen"), "mine --json says what it chose");
        assertEquals(profile, run("info", "--store", store.toString(), "--json").json().get("activeProfile"));
        assertTrue(run("info", "--store", store.toString()).out().contains("\n  profile    default, chosen by backtest on "));
        assertTrue(mined.json().get("defaultProfile").get("notChosen").isNull());
        assertTrue(mined.json().get("defaultProfile").get("durationMs").asLong() > 0, "choosing replays the history");
        JsonNode run = mined.json().get("run");
        assertEquals(30, run.get("windowDays").asInt());
        assertTrue(run.get("orders").asInt() > 20_000);
        assertTrue(run.get("pairs").asInt() > 1_000);

        Result pairs = run("pairs", "--store", store.toString(), "--anchor", "OUT-TEN-001", "--limit", "5", "--json");
        assertEquals(0, pairs.code(), pairs.err());
        JsonNode json = pairs.json();
        for (String key : List.of("anchor", "orders", "followBase", "N")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(5, json.get("candidates").size());
        int candidateCount = json.get("candidateCount").asInt();
        assertTrue(candidateCount > 5, "the tent's candidates, of which the list holds the best five: " + candidateCount);
        JsonNode first = json.get("candidates").get(0);
        for (String key : List.of("sku", "co", "follow", "support", "confidence", "lift", "acceptance",
                "followAcceptance", "customers", "price", "rpi", "popularityRank", "rpiRank")) {
            assertTrue(first.has(key), key);
        }
        Result text = run("pairs", "--store", store.toString(), "--anchor", "OUT-FILTER", "--evidence", "follow-on",
                "--limit", "3");
        assertTrue(text.out().lines().skip(2).findFirst().orElse("").contains("OUT-CARTRIDGE"), text.out());
        Result cut = run("pairs", "--store", store.toString(), "--anchor", "OUT-TEN-001", "--limit", "5");
        assertTrue(cut.out().lines().findFirst().orElse("").endsWith(String.format(
                "; the best 5 of %,d candidates (--limit shows more)", candidateCount)), cut.out());
        Result info = run("info", "--store", store.toString(), "--json");
        assertEquals(30, info.json().get("lastMining").get("windowDays").asInt());
        assertTrue(info.json().get("lastBacktest").isNull(), "no backtest kept yet");
        assertTrue(run("info", "--store", store.toString()).out().contains("backtest   none kept (orderlift backtest)"));

        Result backtest = run("backtest", "--store", store.toString(), "--json");
        assertEquals(0, backtest.code(), backtest.err());
        JsonNode report = backtest.json();
        assertTrue(report.get("trainOrders").asInt() > 10_000 && report.get("testOrders").asInt() > 1_000);
        assertEquals("sequential", report.get("protocol").asText());
        assertEquals(20_000, report.get("maxReplayedOrders").asInt());
        assertFalse(report.get("sampled").asBoolean(), "a sample store's periods are replayed whole");
        for (String placement : List.of("cart", "confirmation")) {
            JsonNode policy = report.get("placements").get(placement).get(0);
            for (String key : List.of("policy", "w", "impressions", "hits", "hitRate", "rpi", "avgAcceptedPrice",
                    "coverage", "aovLift")) {
                assertTrue(policy.has(key), placement + " " + key);
            }
            assertTrue(report.get("chosen").get(placement).has("w"));
        }
        String kept = run("info", "--store", store.toString()).out();
        assertTrue(kept.matches("(?s).*  backtest   \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: the chosen ranking"
                + " earns \\d\\.\\d\\d× popularity's revenue per impression on the cart( \\(within the test period's"
                + " noise\\))? and \\d\\.\\d\\d× on the confirmation page( \\(within the test period's noise\\))?; the"
                + " store has not changed since.*"),
                "the backtest is kept with the store: " + kept);
        JsonNode last = run("info", "--store", store.toString(), "--json").json().get("lastBacktest");
        assertTrue(last.get("current").asBoolean() && last.get("changedSince").isEmpty(), last.toString());
        assertTrue(last.get("activeUsesChosen").asBoolean(), last.toString());
        for (String placement : List.of("cart", "confirmation")) {
            assertEquals(report.get("chosen").get(placement).get("versusPopularity"),
                    last.get("versusPopularity").get(placement), placement);
        }
        // the first mine chose these settings, and a backtest from them proposes them again
        assertTrue(report.get("activeProfile").get("usesChosen").asBoolean(), report.get("activeProfile").toString());
        assertFalse(report.get("applied").asBoolean());

        // set by hand, off the grid: the backtest names what differs, and --apply keeps what it does not choose
        assertEquals(0, run("profile", "--store", store.toString(), "save", "default", "--price-weight", "0.3",
                "--category-cap", "3", "--activate").code());
        Result applied = run("backtest", "--store", store.toString(), "--apply", "--json");
        JsonNode versus = applied.json().get("activeProfile");
        assertFalse(versus.get("usesChosen").asBoolean(), versus.toString());
        JsonNode w = versus.get("differences").get(0);
        assertEquals("priceWeight", w.get("setting").asText(), versus.toString());
        assertEquals(0.3, w.get("active").asDouble());
        assertTrue(applied.json().get("applied").asBoolean());
        JsonNode saved = run("profile", "--store", store.toString(), "show", "--json").json();
        assertEquals(w.get("chosen").asDouble(), saved.get("priceWeight").asDouble());
        assertEquals(3, saved.get("perCategoryCap").asInt(), "a setting the search does not choose stays");
        assertTrue(saved.get("chosenBy").asText().startsWith("chosen by backtest on "), saved.toString());
        // by hand again: info says the kept backtest's figures are not of the store's ranking
        assertEquals(0, run("profile", "--store", store.toString(), "save", "default", "--price-weight", "0.3",
                "--activate").code());
        assertFalse(run("info", "--store", store.toString(), "--json").json().get("lastBacktest")
                .get("activeUsesChosen").asBoolean());
        assertTrue(run("info", "--store", store.toString()).out().contains("; the active profile holds other settings"
                + " than the validated ones (backtest --apply)"));

        // a long profile name widens the tables' first column instead of pushing its row out of line
        assertEquals(0, run("profile", "--store", store.toString(), "save", "hand-tuned-for-the-holidays",
                "--activate").code());
        String tables = run("backtest", "--store", store.toString()).out();
        assertTrue(tables.contains("  profile:hand-tuned-for-the-holidays "), tables);
        for (String block : tables.split("\n\n")) {
            List<String> rows = block.lines().filter(line -> line.startsWith("  ")).toList();
            if (!rows.isEmpty() && rows.get(0).startsWith("  policy ")) {
                assertEquals(1, rows.stream().mapToInt(String::length).distinct().count(), block);
            }
        }

        Result unknown = run("pairs", "--store", store.toString(), "--anchor", "NOPE");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("No product with SKU 'NOPE'"), unknown.err());
        assertEquals(1, run("mine", "--store", store.toString(), "--window-days", "-1").code());
    }

    @Test
    void aSettingOutOfRangeIsNamedWithItsValue() {
        Path store = dir.resolve("settings");
        Store.create(store).close();
        Result saved = run("profile", "--store", store.toString(), "save", "odd", "--price-weight", "-1",
                "--smoothing", "-2", "--cart-length", "0");
        assertEquals(1, saved.code());
        assertTrue(saved.err().contains("profile odd: priceWeight must be at least 0, not -1; smoothing must be at"
                + " least 0, not -2; cartLength must be at least 1, not 0"), saved.err());
        Result pairs = run("pairs", "--store", store.toString(), "--anchor", "A", "--price-weight", "-0.5");
        assertEquals(1, pairs.code());
        assertTrue(pairs.err().contains("--price-weight must be ≥ 0, not -0.50"), pairs.err());
        Result smoothing = run("pairs", "--store", store.toString(), "--anchor", "A", "--smoothing", "-1");
        assertEquals("--smoothing must be ≥ 0, not -1", smoothing.err().strip());
        Result recommend = run("recommend", "--store", store.toString(), "--placement", "cart", "--items", "A",
                "--price-weight", "NaN");
        assertEquals(1, recommend.code());
        assertEquals("--price-weight must be ≥ 0, not NaN", recommend.err().strip());
    }

    @Test
    void miningAStoreWithoutOrdersSaysWhatToDoFirst() {
        Path store = dir.resolve("empty");
        Store.create(store).close();
        Result mined = run("mine", "--store", store.toString());
        assertEquals(0, mined.code(), mined.err());
        assertTrue(mined.out().startsWith("Mined 0 orders"), mined.out());
        assertTrue(mined.out().contains("the store holds no orders yet: import some (orderlift import --store DIR"
                + " --input FILE), then mine again"), mined.out());
    }

    /**
     * A history whose one order dated 2099 leaves the test period empty: `import` points at the date,
     * the first `mine` says why it chose no default profile, and `backtest` refuses, naming the date.
     */
    @Test
    void aStrayDateIsNamedByImportInfoMineAndBacktest() throws Exception {
        StringBuilder csv = dailyTwoItemOrders("order_id,customer_id,ordered_at,sku,quantity,unit_price", 300, 40,
                day -> day);
        csv.append("TYPO,C1,2099-01-05,A,1,10\n");
        Path file = Files.writeString(dir.resolve("stray.csv"), csv);
        Path store = dir.resolve("stray");
        Result imported = run("import", "--store", store.toString(), "--input", file.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Note: 1 order is dated 2099-01-05, 73 years after the rest (2025-01-01 to"
                + " 2025-10-27). The backtest splits the store's date range by time: check that date in the file."),
                imported.out());
        Result info = run("info", "--store", store.toString());
        assertTrue(info.out().contains("orders from 2025-01-01 00:00:00 UTC to 2099-01-05 00:00:00 UTC\n  Note: 1 order"
                + " is dated 2099-01-05, 73 years after the rest"), info.out());
        Result mined = run("mine", "--store", store.toString());
        assertEquals(0, mined.code(), mined.err());
        assertTrue(mined.out().contains("default profile not chosen by backtest, the built-in settings stay: The test"
                + " period (2084-03-"), mined.out());
        assertTrue(mined.out().contains("1 order is dated 2099-01-05, 73 years after the rest (2025-01-01 to"
                + " 2025-10-27)"), mined.out());
        Result backtest = run("backtest", "--store", store.toString());
        assertEquals(1, backtest.code());
        assertTrue(backtest.err().contains("1 order is dated 2099-01-05"), backtest.err());
    }

    /**
     * A history whose every order carries the export's date: `import` and `info` say so at once and
     * how to read the time from another column, before `backtest` refuses for the same reason.
     */
    @Test
    void aHistoryAtOneMomentIsNamedByImportAndInfo() throws Exception {
        StringBuilder csv = dailyTwoItemOrders("order_id,customer_id,ordered_at,placed,sku,quantity,unit_price", 40, 9,
                day -> "2026-03-01," + day);
        Path file = Files.writeString(dir.resolve("moment.csv"), csv);
        Path store = dir.resolve("moment");
        Result imported = run("import", "--store", store.toString(), "--input", file.toString());
        assertEquals(0, imported.code(), imported.err());
        String note = "Note: Every order that bought something is dated 2026-03-01, to the same moment. The backtest"
                + " splits the store's history by time, so it cannot measure this store. If the file gives the order"
                + " time in another column, import it again with that column as the order time, replacing the orders"
                + " already in the store.";
        assertTrue(imported.out().contains(note), imported.out());
        assertTrue(run("info", "--store", store.toString()).out().contains(note));

        Result reread = run("import", "--store", store.toString(), "--input", file.toString(), "--map",
                "ordered_at=placed", "--replace");
        assertEquals(0, reread.code(), reread.err());
        assertFalse(reread.out().contains("Note:"), reread.out());
        assertFalse(run("info", "--store", store.toString()).out().contains("Note:"));
    }

    /** Each renamed column may take its own {@code --map}, as the refusal's hints name them one by one. */
    @Test
    void mapIsRepeatableAndOneFieldReadsOneColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("renamed.csv"), dailyTwoItemOrders(
                "Invoice,Customer,Date,Item,Qty,Price", 10, 3, day -> day));
        Path store = dir.resolve("renamed");
        Result twice = run("import", "--store", store.toString(), "--input", file.toString(), "--map", "sku=Item",
                "--map", "sku=Qty");
        assertEquals(1, twice.code(), twice.out());
        assertTrue(twice.err().contains("--map reads sku from two columns, 'Item' and 'Qty': name one"), twice.err());

        Result imported = run("import", "--store", store.toString(), "--input", file.toString(), "--map",
                "order_id=Invoice,customer_id=Customer", "--map", "ordered_at=Date", "--map", "sku=Item", "--map",
                "quantity=Qty", "--map", "unit_price=Price");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().startsWith("Imported renamed.csv (generic): 10 orders, 20 lines"), imported.out());
    }

    /**
     * {@code header} and one order a day from 2025-01-01 of A (10) and one of five Bs (20), by {@code customers}
     * customers in turn; {@code dateColumns} writes the day into the row's date columns.
     */
    private static StringBuilder dailyTwoItemOrders(String header, int days, int customers,
                                                    UnaryOperator<String> dateColumns) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < days; i++) {
            String prefix = "O" + i + ",C" + i % customers + "," + dateColumns.apply(LocalDate.of(2025, 1, 1)
                    .plusDays(i).toString()) + ",";
            csv.append(prefix).append("A,1,10\n").append(prefix).append("B").append(i % 5).append(",1,20\n");
        }
        return csv;
    }

    @Test
    void abtestReadsAnExperimentInWordsAndInJson() throws Exception {
        Result text = run("abtest", "--input", "sample-stores/outdoor/experiment.csv");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().matches("(?s)arm +orders +AOV +acceptance +RPI\n.*\ntreatment vs control: AOV \\+[\\d.]+"
                + " \\(\\+[\\d.]+ %\\), 95 % interval [\\d.]+ to [\\d.]+ \\(bootstrap .*"), text.out());
        JsonNode json = run("abtest", "--input", "sample-stores/outdoor/experiment.csv", "--json").json();
        assertEquals(text.out().contains(": significant"), json.get("lifts").get(0).get("significant").asBoolean());
    }

    @Test
    void aOneOrderStoreIsCountedInTheSingular() throws Exception {
        Path store = dir.resolve("one-order");
        Path file = Files.writeString(dir.resolve("one-order.csv"), """
                order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price
                1,c1,2025-01-01,A,Lamp,home,1,10.00
                1,c1,2025-01-01,B,Shade,home,1,5.00
                """);
        assertEquals(0, run("import", "--store", store.toString(), "--input", file.toString()).code());
        String info = run("info", "--store", store.toString()).out();
        assertTrue(info.contains(" (generic) at ") && info.contains(": 1 order, 2 lines, 0 rows skipped"), info);
        Result export = run("export-orders", "--store", store.toString(), "--out",
                dir.resolve("one.csv.gz").toString());
        assertTrue(export.out().startsWith("Wrote 1 order (2 lines) to "), export.out());
        Result mined = run("mine", "--store", store.toString());
        assertTrue(mined.out().startsWith("Mined 1 order (run 1, window 30 days): 2 pairs stored in "), mined.out());
        assertTrue(mined.out().contains("\n  ignored: 0 orders with no item left after returns"), mined.out());
        Result pairs = run("pairs", "--store", store.toString(), "--anchor", "A");
        assertTrue(pairs.out().lines().findFirst().orElse("").endsWith(
                ", m 5; 1 candidate, backed by fewer than 3 known customers: never shown"), pairs.out());
    }

    @Test
    void exportsOrdersForTheSparkJobAndRefusesAnUnfinishedJobOutput() throws Exception {
        Path store = dir.resolve("kitchen");
        run("import", "--store", store.toString(), "--input", "sample-stores/kitchen/orders.csv");
        Path exported = dir.resolve("kitchen-orders.csv.gz");
        Result export = run("export-orders", "--store", store.toString(), "--out", exported.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        assertTrue(export.json().get("lines").asLong() > 10_000, export.out());
        Path copy = dir.resolve("kitchen-copy");
        Result reimported = run("import", "--store", copy.toString(), "--input", exported.toString(), "--json");
        assertEquals(0, reimported.code(), reimported.err());
        assertEquals(run("info", "--store", store.toString(), "--json").json().get("orders"),
                run("info", "--store", copy.toString(), "--json").json().get("orders"));

        Path unfinished = Files.createDirectories(dir.resolve("job-output/pairs"));
        Result refused = run("import-pairs", "--store", store.toString(), "--input", unfinished.getParent().toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("run.json is missing"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
        Result help = run("import-pairs", "--help");
        assertTrue(help.out().contains("--window-days") && help.out().contains("Spark"), help.out());

        // a job's output mined from the same orders loads as the store's run, and a store without a saved
        // profile then gets its default profile chosen, as mine gives it
        Path output = Files.createDirectories(dir.resolve("job-output-of-copy"));
        try (Store source = Store.open(copy)) {
            JobOutputs.write(source, MiningSettings.defaults(), output, Function.identity());
        }
        Result loaded = run("import-pairs", "--store", store.toString(), "--input", output.toString(), "--json");
        assertEquals(0, loaded.code(), loaded.err());
        JsonNode chosen = loaded.json().get("defaultProfile").get("chosen");
        assertTrue(chosen.get("chosenBy").asText().startsWith("chosen by backtest on "), loaded.out());
        assertEquals(chosen, run("profile", "--store", store.toString(), "show", "--json").json());
    }

    @Test
    void recommendsForACartAndCuratesFromScripts() throws Exception {
        Path store = dir.resolve("outdoor");
        run("import", "--store", store.toString(), "--input", "sample-stores/outdoor/orders.csv", "--currency", "USD");
        run("mine", "--store", store.toString(), "--keep-profile");
        String s = store.toString();
        Result cart = run("recommend", "--store", s, "--placement", "cart", "--items", "OUT-TEN-001", "--json");
        assertEquals(0, cart.code(), cart.err());
        JsonNode json = cart.json();
        assertEquals("cart", json.get("placement").asText());
        assertEquals(548.0, json.get("cartTotal").asDouble(), 0.001);
        assertEquals("USD", json.get("currency").asText(), "the store's currency, as a rule set carries it");
        JsonNode first = json.get("items").get(0);
        for (String key : List.of("sku", "score", "acceptance", "price", "rpi", "popularityRank", "anchors", "rules")) {
            assertTrue(first.has(key), key);
        }
        assertEquals("OUT-FOOTPRINT", first.get("sku").asText(), "the premium add-on leads at w = 1");
        // a misspelt SKU gets the closest ones, in every command that takes SKUs
        Result typo = run("recommend", "--store", s, "--placement", "cart", "--items", "OUT-TEN-01");
        assertEquals(1, typo.code());
        assertTrue(typo.err().startsWith("No product with SKU 'OUT-TEN-01' in the store. Did you mean OUT-TEN-001"),
                typo.err());
        Result pairsTypo = run("pairs", "--store", s, "--anchor", "out-stove-jet");
        assertTrue(pairsTypo.err().contains("Did you mean OUT-STOVE-JET?"), pairsTypo.err());
        Result curateTypo = run("curate", "--store", s, "exclude", "--sku", "OUT-STAKE");
        assertTrue(curateTypo.err().contains("Did you mean OUT-STAKES"), curateTypo.err());
        Result unknownOption = run("recommend", "--store", s, "--placment", "cart");
        assertEquals(2, unknownOption.code());
        assertTrue(unknownOption.err().startsWith("Unknown option: '--placment'"), unknownOption.err());
        assertEquals("OUT-TEN-001", first.get("anchors").get(0).get("sku").asText());
        assertTrue(first.get("anchors").get(0).has("co"));
        Result popular = run("recommend", "--store", s, "--placement", "cart", "--items", "OUT-TEN-001",
                "--price-weight", "0", "--json");
        assertEquals("OUT-STAKES", popular.json().get("items").get(0).get("sku").asText());

        assertEquals(0, run("curate", "--store", s, "reject", "--anchor", "OUT-TEN-001", "--candidate",
                "OUT-FOOTPRINT").code());
        assertEquals(0, run("curate", "--store", s, "pin", "--anchor", "OUT-TEN-001", "--candidate",
                "OUT-HEADLAMP").code());
        assertEquals(0, run("curate", "--store", s, "exclude", "--category", "Sleeping bags", "--reason", "test").code());
        JsonNode curated = run("recommend", "--store", s, "--placement", "cart", "--items", "OUT-TEN-001", "--json")
                .json().get("items");
        assertEquals("OUT-HEADLAMP", curated.get(0).get("sku").asText());
        assertEquals("pin", curated.get(0).get("rules").get(0).asText());
        for (JsonNode item : curated) {
            assertTrue(!item.get("sku").asText().equals("OUT-FOOTPRINT"), "rejected");
            assertTrue(!item.get("sku").asText().startsWith("OUT-SLP") && !item.get("sku").asText().equals("OUT-PAD-PRO"),
                    "category excluded");
        }
        JsonNode list = run("curate", "--store", s, "list", "--json").json();
        assertEquals(2, list.get("pairs").size());
        assertEquals(1, list.get("exclusions").size());
        assertEquals("Undid: exclude category Sleeping bags.", run("curate", "--store", s, "undo").out().strip(),
                "the change in words, as the workbench says it");
        JsonNode excluded = run("curate", "--store", s, "exclude", "--sku", "OUT-SOCKS", "--json").json();
        assertEquals("Excluded sku OUT-SOCKS.", excluded.get("done").asText());
        assertEquals(2, excluded.get("pairs").size());
        assertEquals("OUT-SOCKS", excluded.get("exclusions").get(0).get("first").asText());
        JsonNode undone = run("curate", "--store", s, "undo", "--json").json();
        assertEquals("Undid: exclude sku OUT-SOCKS.", undone.get("done").asText());
        assertEquals(0, undone.get("exclusions").size(), "the curation as it now stands");
        Result confirmation = run("recommend", "--store", s, "--placement", "confirmation", "--items",
                "OUT-FILTER:2", "--json");
        assertEquals("OUT-CARTRIDGE", confirmation.json().get("items").get(0).get("sku").asText());
        assertEquals("follow-on", confirmation.json().get("items").get(0).get("anchors").get(0).get("evidence").asText());

        assertEquals(0, run("profile", "--store", s, "save", "popular", "--price-weight", "0", "--activate").code());
        assertEquals("OUT-STAKES", run("recommend", "--store", s, "--placement", "cart", "--items", "OUT-TEN-001",
                "--json").json().get("items").get(1).get("sku").asText(), "the active profile ranks by acceptance");
        assertEquals(0.0, run("profile", "--store", s, "show", "--json").json().get("priceWeight").asDouble());
        assertTrue(run("profile", "--store", s, "list").out().contains("* popular"));
        assertEquals(1, run("profile", "--store", s, "activate", "default").code(), "'default' was never saved");
        JsonNode saved = run("profile", "--store", s, "save", "bolder", "--from", "popular", "--price-weight", "1.5",
                "--json").json();
        assertEquals("bolder", saved.get("name").asText());
        assertEquals(1.5, saved.get("priceWeight").asDouble());
        assertEquals("bolder", run("profile", "--store", s, "activate", "bolder", "--json").json().get("name")
                .asText());
        assertEquals(0, run("profile", "--store", s, "activate", "popular").code());
        assertEquals(1, run("curate", "--store", s, "pin", "--anchor", "NOPE", "--candidate", "OUT-STAKES").code());
        assertEquals(1, run("recommend", "--store", s, "--placement", "basket", "--items", "OUT-TEN-001").code());
        assertEquals(1, run("curate", "--store", s, "exclude", "--sku", "OUT-STAKES", "--category", "Tents").code());
        JsonNode quoted = run("curate", "--store", s, "exclude", "--category-pair", " \"Sleeping bags\" ,Tents",
                "--json").json();
        assertEquals(List.of("Sleeping bags", "Tents"), List.of(quoted.get("exclusions").get(0).get("first").asText(),
                quoted.get("exclusions").get(0).get("second").asText()), "a quoted value, unquoted");
        Result comma = run("curate", "--store", s, "exclude", "--category-pair", "\"Home, garden\",Tents");
        assertEquals("No product has the category Home, garden or Tents", comma.err().strip(),
                "a comma in quotes is part of the value");
        assertTrue(run("curate", "--store", s, "exclude", "--pair", "OUT-STAKES").err()
                .contains("--pair takes two values: A,B"));
    }

    @Test
    void publishesChecksEvaluatesDiffsAndExportsRuleSets() throws Exception {
        Path store = dir.resolve("kitchen");
        String s = store.toString();
        run("import", "--store", s, "--input", "sample-stores/kitchen/orders.csv");
        run("mine", "--store", s);
        Path file = dir.resolve("out").resolve("kitchen.json");
        assertTrue(run("info", "--store", s).out().endsWith("\n  published  never (orderlift publish)\n"));
        assertTrue(run("info", "--store", s, "--json").json().get("lastPublished").isNull());
        Result published = run("publish", "--store", s, "--out", file.toString(), "--note", "first", "--json");
        assertEquals(0, published.code(), published.err());
        assertTrue(run("info", "--store", s).out().matches("(?s).*\n  published  version 1 at \\d{4}-\\d\\d-\\d\\d"
                + " \\d\\d:\\d\\d:\\d\\d UTC to kitchen\\.json \\([\\d,]+ bytes\\): \"first\"\n"), "the newest version");
        JsonNode lastPublished = run("info", "--store", s, "--json").json().get("lastPublished");
        assertEquals(List.of(1, "kitchen.json", published.json().get("bytes").asLong(), "first"), List.of(
                lastPublished.get("version").asInt(), lastPublished.get("fileName").asText(),
                lastPublished.get("sizeBytes").asLong(), lastPublished.get("note").asText()));
        assertEquals(1, published.json().get("version").asInt());
        assertTrue(published.json().get("contentHash").asText().startsWith("sha256:"));
        Result check = run("check-ruleset", file.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("conformance cases pass"), check.out());

        JsonNode evaluated = run("evaluate", "--ruleset", file.toString(), "--placement", "cart", "--items",
                "KIT-ESPRESSO", "--json").json();
        JsonNode recommended = run("recommend", "--store", s, "--placement", "cart", "--items", "KIT-ESPRESSO",
                "--json").json();
        assertEquals(recommended.get("items"), evaluated.get("items"), "the storefront answers as the preview");
        assertEquals("KIT-GRINDER", evaluated.get("items").get(0).get("sku").asText());
        Result typo = run("evaluate", "--ruleset", file.toString(), "--placement", "cart", "--items",
                "KIT-ESPRESSO,KIT-GRINDR", "--json");
        assertEquals(0, typo.code(), "a storefront ignores an unknown SKU, and so does evaluate");
        assertTrue(typo.err().startsWith("Warning: the rule set lists no product 'KIT-GRINDR'; it is ignored, as a "
                + "storefront would (did you mean KIT-GRINDER?)."), typo.err());
        assertEquals(evaluated.get("items"), typo.json().get("items"));

        run("profile", "--store", s, "save", "half", "--price-weight", "0.5", "--activate");
        assertEquals(2, run("publish", "--store", s, "--out", file.toString(), "--json").json().get("version").asInt());
        assertTrue(run("versions", "--store", s).out().lines().allMatch(line -> line.matches(
                "v\\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC +[\\d,]+ bytes  \\S+(  \".*\")?")),
                "one line per version, its time as every command writes one: " + run("versions", "--store", s).out());
        JsonNode diff = run("versions", "--store", s, "--diff", "1,2", "--json").json();
        assertEquals("priceWeight", diff.get("settings").get(1).get("name").asText());
        assertTrue(diff.get("pairsReranked").asInt() > 0);
        Path exported = dir.resolve("v1.json");
        assertEquals(0, run("versions", "--store", s, "--export", "1", "--out", exported.toString()).code());
        assertEquals(0, run("check-ruleset", exported.toString()).code());
        JsonNode export = run("versions", "--store", s, "--export", "2", "--out", dir.resolve("v2.json").toString(),
                "--json").json();
        assertEquals(2, export.get("version").asInt());
        assertEquals(Files.size(dir.resolve("v2.json")), export.get("bytes").asLong());
        assertEquals(2, run("versions", "--store", s, "--json").json().size());

        Files.writeString(exported, Files.readString(exported).replace("\"cartLength\":4", "\"cartLength\":5"));
        Result tampered = run("check-ruleset", exported.toString());
        assertEquals(1, tampered.code());
        assertTrue(tampered.err().contains("content hash"), tampered.err());

        // the popularity arm of a live test: the classic widget's lists, as long as the active profile's
        Path arm = dir.resolve("out").resolve("kitchen-popularity.json");
        JsonNode popular = run("publish", "--store", s, "--out", arm.toString(), "--popularity", "--json").json();
        assertEquals(3, popular.get("version").asInt());
        assertEquals(0, run("check-ruleset", arm.toString()).code());
        JsonNode parameters = JSON.readTree(arm.toFile()).get("parameters");
        assertEquals(List.of("popularity", 0.0, 0.0, 4), List.of(parameters.get("profile").asText(),
                parameters.get("priceWeight").asDouble(), parameters.get("smoothing").asDouble(),
                parameters.get("cartLength").asInt()));
        JsonNode classic = run("evaluate", "--ruleset", arm.toString(), "--placement", "cart", "--items",
                "KIT-GRINDER", "--json").json();
        assertEquals(List.of("KIT-ESPRESSO", "KIT-BEANS", "KIT-DESCALER"), List.of(
                classic.get("items").get(0).get("sku").asText(), classic.get("items").get(1).get("sku").asText(),
                classic.get("items").get(2).get("sku").asText()), "a grinder's companions by how often bought with it");
        Result both = run("publish", "--store", s, "--out", arm.toString(), "--popularity", "--profile", "half");
        assertEquals(1, both.code());
        assertEquals("--popularity publishes the classic widget's own settings; it takes no --profile",
                both.err().strip());
    }

    @Test
    void importsTheShopifyExport() throws Exception {
        Result wrong = run("import", "--store", dir.resolve("shop").toString(), "--input",
                "sample-stores/beauty/shopify-orders-export.csv", "--format", "generic");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("the header is Shopify's orders export, not the generic format: import it with"
                + " --format shopify"), wrong.err());
        // without --format the header says which layout the file is in
        Result r = run("import", "--store", dir.resolve("shop").toString(), "--input",
                "sample-stores/beauty/shopify-orders-export.csv", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(3000, r.json().get("orders").asInt());
        assertEquals("shopify", r.json().get("format").asText().toLowerCase(Locale.ROOT));
    }

    @Test
    void textOutputIsReadableAndReimportChangesNothing() {
        Path csv = dir.resolve("o.csv");
        write(csv, "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,1,5\n");
        Result first = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString());
        assertEquals(0, first.code());
        assertTrue(first.out().startsWith("Imported o.csv (generic): 1 order, 1 line, "), first.out());
        Result second = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString());
        assertTrue(second.out().contains("nothing changed"), second.out());
        Result info = run("info", "--store", dir.resolve("s").toString());
        assertTrue(info.out().contains("orders     1"), info.out());
        assertTrue(info.out().contains("currency   not known (import --currency CODE)"), info.out());
        // the currency: given on import, or read from the file's Currency column
        assertEquals(1, run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString(), "--currency",
                "euros").code());
        run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString(), "--currency", "eur");
        Result priced = run("info", "--store", dir.resolve("s").toString());
        assertTrue(priced.out().contains("currency   EUR") && priced.out().contains("AOV        €5.00"), priced.out());
        Path shopify = dir.resolve("shopify.csv");
        write(shopify, "Name,Email,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Currency\n"
                + "#1,a@example.com,2025-01-01 10:00:00 +0000,1,Serum,20.00,S1,GBP\n");
        run("import", "--store", dir.resolve("uk").toString(), "--input", shopify.toString());
        assertTrue(run("info", "--store", dir.resolve("uk").toString()).out().contains("AOV        £20.00"));
    }

    @Test
    void importSuggestsExcludingChargesAndCurateExcludesThemOnRequest() throws Exception {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,quantity,unit_price\n");
        for (int i = 1; i <= 12; i++) {
            String order = "O" + i + ",C" + i % 4 + ",2025-01-" + String.format("%02d", i) + ",";
            csv.append(order).append("GRINDER,Manual coffee grinder,1,45\n");
            csv.append(order).append("POST,POSTAGE,1,18\n");
            csv.append(order).append("ADJ,,1,").append(i * i).append('\n');
        }
        Path file = dir.resolve("charges.csv");
        write(file, csv.toString());
        String s = dir.resolve("charges").toString();
        Result imported = run("import", "--store", s, "--input", file.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("2 SKUs look like charges or gift cards rather than products; a ranking by"
                + " revenue would offer them:\n  ADJ (its unit price varies from 4.00 to 121.00 between its 12 sales)\n  POST"
                + " “POSTAGE” (its title names a charge: postage)\nTo exclude: curate --store " + s
                + " exclude --suggested"), imported.out());
        JsonNode importedJson = run("import", "--store", dir.resolve("charges-json").toString(), "--input",
                file.toString(), "--json").json();
        assertEquals(12, importedJson.get("orders").asInt(), "the report's keys stay");
        assertEquals("ADJ", importedJson.get("suggestedExclusions").get(0).get("sku").asText(), importedJson.toString());
        assertEquals(2, importedJson.get("suggestedExclusions").size());
        JsonNode suggested = run("curate", "--store", s, "suggest", "--json").json().get("suggestions");
        assertEquals(2, suggested.size());
        assertEquals("ADJ", suggested.get(0).get("sku").asText(), "as often sold as POST: by SKU");
        Result excluded = run("curate", "--store", s, "exclude", "--suggested");
        assertEquals("Excluded ADJ, POST.", excluded.out().strip(), excluded.err());
        // where the backtest chose the active profile, it counted them as revenue: the output says to choose again
        String json = dir.resolve("charges-json").toString();
        try (Store chosen = Store.open(dir.resolve("charges-json"))) {
            new Profiles(chosen).save(WeightingProfile.defaults()
                    .withChosenBy("chosen by backtest on 2026-12-02"), true);
        }
        assertEquals("Excluded ADJ, POST.\nThe active profile was chosen by the backtest while these SKUs"
                + " counted as revenue: backtest --store " + json + " --apply chooses the settings again without them.",
                run("curate", "--store", json, "exclude", "--suggested").out().strip());
        JsonNode exclusions = run("curate", "--store", s, "list", "--json").json().get("exclusions");
        assertEquals(2, exclusions.size());
        assertTrue(exclusions.get(0).get("reason").asText().startsWith("not a product: its unit price varies"),
                exclusions.toString());
        assertEquals("No SKU looks like a charge or a gift card rather than a product.",
                run("curate", "--store", s, "suggest").out().strip());
        assertEquals(1, run("curate", "--store", s, "exclude", "--suggested", "--sku", "GRINDER").code());
    }

    /** A store of one order publishes an empty rule set and says of its product, in words, why. */
    @Test
    void aStoreOfOneOrderSaysWhyItsProductHasNoList() throws Exception {
        Path csv = dir.resolve("one.csv");
        write(csv, "order_id,customer_id,ordered_at,sku,title,quantity,unit_price\n1,c1,2025-01-01,A,Apple,1,1.5\n");
        String s = dir.resolve("one").toString();
        assertEquals(0, run("import", "--store", s, "--input", csv.toString(), "--currency", "USD").code());
        Result mined = run("mine", "--store", s, "--window-days", "1");
        assertTrue(mined.out().startsWith("Mined 1 order (run 1, window 1 day): 0 pairs stored in "), mined.out());
        Result published = run("publish", "--store", s, "--out", dir.resolve("one.json").toString());
        assertEquals(0, published.code(), published.err());
        assertTrue(published.out().contains(" bytes, 1 product, 0 anchors, 0 evidence entries, "), published.out());
        assertTrue(published.out().contains("The other one gets nothing alone: Apple (A, 1 order)."), published.out());
    }

    /** A SKU holding a comma is printed in quotes wherever a person may paste it back into --items. */
    @Test
    void skusHoldingACommaArePrintedAsItemsTakesThem() throws Exception {
        Path csv = dir.resolve("soap.csv");
        StringBuilder rows = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int o = 1; o <= 12; o++) {
            rows.append(String.format("O%d,C%d,2026-01-%02dT10:00:00Z,\"Soap, lavender\",1,6%n", o, o % 5, o));
            rows.append(String.format("O%d,C%d,2026-01-%02dT10:00:00Z,\"Dish:rack\",1,30%n", o, o % 5, o));
            rows.append(String.format("T%d,C%d,2026-01-%02dT12:00:00Z,Towel,1,9%n", o, o % 5, o));
        }
        write(csv, rows.toString());
        String s = dir.resolve("soap").toString();
        assertEquals(0, run("import", "--store", s, "--input", csv.toString(), "--currency", "USD").code());
        assertEquals(0, run("mine", "--store", s).code());
        Result typo = run("recommend", "--store", s, "--placement", "cart", "--items", "\"Soap, lavendr\"");
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("Did you mean \"Soap, lavender\"?"), typo.err());
        assertEquals(0, run("curate", "--store", s, "exclude", "--sku", "Dish:rack").code());
        Result kept = run("recommend", "--store", s, "--placement", "cart", "--items", "\"Soap, lavender\":2");
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.out().contains("Kept off by rules: \"Dish:rack\" ("), kept.out());
    }

    @Test
    void badInputExitsNonZeroWithTheReasonFirst() throws Exception {
        Path csv = dir.resolve("bad.csv");
        write(csv, "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,yesterday,A,1,5\n");
        Result r = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString(), "--json");
        assertEquals(OrderliftCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("bad.csv: 1 problem; nothing was imported."), r.err());
        assertTrue(r.err().contains("bad.csv line 2, column ordered_at (\"yesterday\")"), r.err());
        assertFalse(r.err().contains("--skip-bad-rows"), "every row is bad: skipping would import nothing");
        assertEquals(1, r.json().get("problemCount").asInt());
        assertEquals(2, r.json().get("problems").get(0).get("line").asInt());
        assertTrue(!Files.exists(dir.resolve("s")), "a rejected first import leaves no empty store behind");
        // into a folder that was there before: the folder stays, no store in it
        Files.createDirectories(dir.resolve("kept"));
        assertEquals(OrderliftCli.EXIT_BAD_INPUT, run("import", "--store", dir.resolve("kept").toString(), "--input",
                csv.toString()).code());
        assertTrue(Files.isDirectory(dir.resolve("kept")));
        try (var left = Files.list(dir.resolve("kept"))) {
            assertEquals(0, left.count(), "no store files left in it");
        }
    }

    @Test
    void aFileWithSomeBadRowsSaysHowToImportTheOthers() throws Exception {
        Path csv = dir.resolve("retail.csv");
        write(csv, "order_id,customer_id,ordered_at,sku,title,quantity,unit_price\nO1,C1,2025-01-01,A,Mug,1,5\n"
                + "A563185,,2025-01-02,B,Adjust bad debt,1,-11062.06\nO2,C1,2025-01-03,A,Mug,2,5\n");
        Result r = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString());
        assertEquals(OrderliftCli.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("retail.csv line 3, column unit_price (\"-11062.06\"): is negative"), r.err());
        assertTrue(r.err().strip().endsWith("To import the other rows, run it again with --skip-bad-rows: the bad ones"
                + " are then listed and kept in the store's import record."), r.err());
        Result skipped = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString(),
                "--skip-bad-rows");
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(skipped.out().contains("2 orders"), skipped.out());
    }

    @Test
    void skipBadRowsReportsSkippedRowsWithTheirColumns() throws Exception {
        Path csv = dir.resolve("bad.csv");
        write(csv, "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO1,C1,2025-01-01,A,1,5\n"
                + "O2,C1,2025-01-02,B,0,5\n");
        Result r = run("import", "--store", dir.resolve("s").toString(), "--input", csv.toString(),
                "--skip-bad-rows", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode skipped = r.json().get("skippedRows").get(0);
        assertEquals(3, skipped.get("line").asInt());
        assertEquals("quantity", skipped.get("column").asText());
        assertEquals("0", skipped.get("value").asText());
        assertTrue(skipped.get("reason").asText().contains("zero"));
    }

    @Test
    void missingStoreAndMissingFileAreOneLineErrors() {
        Result info = run("info", "--store", dir.resolve("none").toString());
        assertEquals(1, info.code());
        assertEquals(1, info.err().strip().lines().count(), info.err());
        Result missing = run("import", "--store", dir.resolve("s").toString(), "--input", "no-such.csv");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no-such.csv"), missing.err());
    }

    /** A run builds only the command it names: each name in the table is its command's own. */
    @Test
    void eachCommandIsBuiltUnderItsOwnName() {
        OrderliftCli.COMMANDS.forEach((name, command) -> assertEquals(name,
                new CommandLine(command).getCommandName()));
        assertEquals(Set.of("recommend", "gui"), OrderliftCli.create(opened::add, "recommend", "--help")
                .getSubcommands().keySet());
        Set<String> all = new HashSet<>(OrderliftCli.COMMANDS.keySet());
        all.add("gui");
        assertEquals(all, OrderliftCli.create(opened::add, "--help").getSubcommands().keySet());
        Result typo = run("recomend", "--store", dir.toString());
        assertEquals(OrderliftCli.EXIT_USAGE, typo.code());
        assertTrue(typo.err().contains("Did you mean: orderlift recommend"), typo.err());
    }

    @Test
    void helpListsTheCommandsAndUsageErrorsExitTwo() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("import") && help.out().contains("info") && help.out().contains("gui"));
        Result importHelp = run("import", "--help");
        assertTrue(importHelp.out().contains("--skip-bad-rows") && importHelp.out().contains("--map"));
        assertEquals(OrderliftCli.EXIT_USAGE, run("import", "--store").code());
        assertEquals(OrderliftCli.EXIT_USAGE, run("import", "--store", "x", "--input", "y", "--format", "xml").code());
    }

    @Test
    void everyOptionIsDescribedAndEveryHelpFitsItsWidth() {
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Map<String, String> helps = new TreeMap<>();
        try {
            // picocli reports a description it cannot format (a bare '%') on System.err and prints it raw
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            CommandLine cli = OrderliftCli.create(opened::add);
            helps.put("orderlift", cli.getUsageMessage());
            cli.getSubcommands().forEach((name, sub) -> {
                helps.put(name, sub.getUsageMessage());
                for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                    assertTrue(String.join("", option.description()).strip().length() > 0,
                            name + " " + option.longestName() + " has no description");
                }
            });
        } finally {
            System.setErr(err);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        helps.forEach((name, help) -> help.lines().forEach(line -> assertTrue(
                line.length() <= OrderliftCli.HELP_WIDTH, name + " --help: " + line)));
    }

    @Test
    void guiOpensTheWorkbenchThroughTheOpener() {
        assertEquals(0, run("gui", "--store", "somewhere").code());
        assertEquals(List.of(Path.of("somewhere")), opened);
        // a workbench that cannot open (no display) says why in words, without a stack trace
        Result refused = Result.of(store -> {
            throw new IllegalArgumentException("The workbench needs a graphical display and could not open one.");
        }, "gui");
        assertEquals(OrderliftCli.EXIT_BAD_INPUT, refused.code());
        assertEquals("The workbench needs a graphical display and could not open one.\n", refused.err());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
