package io.orderlift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.mining.MiningService;
import io.orderlift.mining.MiningSettings;
import io.orderlift.ruleset.Publisher;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.ChurnStore;
import io.orderlift.store.PairStatisticsStore;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreLockedException;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments, in separate processes (issue 19): import into a new store
 * (store creation included), import into a store with orders, mining, publishing. After each kill
 * the store opens and is as before or complete; the rule set file on disk is always a version the
 * store lists, and no version number names two files. {@value #ROUNDS} kills of each by default;
 * {@code -Dorderlift.killRounds=N} runs the longer campaign (docs/reliability.md).
 */
class KillCampaignTest {

    static final int ROUNDS = 30;
    static final Path ORDERS = Path.of("sample-stores/kitchen/orders.csv");
    static final int ORDERS_IN_FILE = 21_962;

    @TempDir
    Path dir;

    private final SplittableRandom random = new SplittableRandom(9);
    private final int rounds = Integer.getInteger("orderlift.killRounds", ROUNDS);

    /** Runs the command line in a new JVM and kills it (SIGKILL) after a random delay up to {@code maxMs}. */
    private boolean runAndKill(long maxMs, String... args) throws Exception {
        Process process = start(args);
        boolean finished = process.waitFor(100 + random.nextLong(maxMs), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        return finished;
    }

    /** Runs the command line in a new JVM to its end, which must be a success; returns how long it took in ms. */
    private static long runToEnd(String... args) throws Exception {
        long start = System.nanoTime();
        assertEquals(0, start(args).waitFor(), String.join(" ", args));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.orderlift.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Opens a store whose last writer was just killed and reaped. Once in about ten CI runs the open
     * was refused as locked by another process, although the killed JVM had been reaped and has no
     * children; the refusal then names the lock's holders from /proc/locks, and the open is retried
     * for up to ten seconds, so the next run says who held it and for how long (target/kill-campaign.txt).
     */
    private static Store openAfterKill(Path store) throws Exception {
        long start = System.nanoTime();
        String holders = null;
        while (true) {
            try {
                Store opened = Store.open(store);
                if (holders != null) {
                    record(String.format("a killed process's lock outlived it by %d ms: %s",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), holders));
                }
                return opened;
            } catch (StoreLockedException e) {
                if (holders == null) {
                    holders = LockHolders.of(store.resolve(Store.DATABASE_NAME + ".mv.db"));
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                    throw new AssertionError("still locked after 10 s; holders: " + holders, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Appends one line of figures to target/kill-campaign.txt (docs/reliability.md quotes the last run). */
    private static void record(String line) throws IOException {
        Files.writeString(Path.of("target", "kill-campaign.txt"), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long orders(Path store) throws Exception {
        try (Store opened = openAfterKill(store)) {
            return new StoreQueries(opened).overview().orders();
        }
    }

    @Test
    void killedImportsLeaveNoStoreOrAWholeOne() throws Exception {
        int killed = 0;
        int complete = 0;
        for (int i = 0; i < rounds; i++) {
            Path store = dir.resolve("new-" + i);
            killed += runAndKill(3_000, "import", "--store", store.toString(), "--input", ORDERS.toString()) ? 0 : 1;
            if (Store.exists(store)) {
                long n = orders(store);
                assertTrue(n == 0 || n == ORDERS_IN_FILE, "round " + i + ": " + n + " orders");
                complete += n == ORDERS_IN_FILE ? 1 : 0;
            }
        }
        record(String.format("import into a new store: %d runs, %d killed mid-way; %d stores complete, the rest"
                + " empty or absent, none partial", rounds, killed, complete));
        assertTrue(killed >= rounds / 2, killed + " of " + rounds + " imports were killed mid-way");
    }

    @Test
    void killedStoreCreationLeavesNoStoreOrAnEmptyOneThatOpens() throws Exception {
        int opened = 0;
        for (int i = 0; i < rounds; i++) {
            Path store = dir.resolve("created-" + i);
            // the JVM starts in about 0.3 s and creates the store in the next few hundred ms
            runAndKill(700, "import", "--store", store.toString(), "--input", ORDERS.toString());
            if (Store.exists(store)) {
                long n = orders(store);
                assertTrue(n == 0 || n == ORDERS_IN_FILE, "round " + i + ": " + n + " orders");
                opened++;
            }
        }
        record(String.format("store creation (killed within 0.1–0.8 s of the start): %d runs; %d stores left, every"
                + " one opens (empty or complete), none needs repair", rounds, opened));
    }

    @Test
    void killedImportsIntoAStoreWithOrdersLeaveItAsBeforeOrComplete() throws Exception {
        Path template = dir.resolve("existing");
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        List<String> lines = Files.readAllLines(ORDERS);
        Files.write(first, lines.subList(0, 20_001));
        Files.write(second, concat(lines.get(0), lines.subList(20_001, lines.size())));
        try (Store created = Store.openOrCreate(template)) {
            new OrderImporter().importFile(created, ImportRequest.of(first), ProgressMonitor.NONE);
        }
        long before = orders(template);
        Path file = template.resolve(Store.DATABASE_NAME + ".mv.db");
        // every round imports into a fresh copy of the same store, killed within 1.2× what a whole import
        // takes on this machine (JVM start included): most rounds are cut short, some finish, on any machine
        long took = runToEnd("import", "--store", copyOf(file, "measured").toString(), "--input", second.toString());
        int whole = 0;
        for (int i = 0; i < rounds; i++) {
            Path store = copyOf(file, "existing-" + i);
            runAndKill(took * 6 / 5, "import", "--store", store.toString(), "--input", second.toString());
            long n = orders(store);
            // the two files make the whole file: a finished import leaves all of it
            assertTrue(n == ORDERS_IN_FILE || n == before, "round " + i + ": " + n + " orders");
            whole += n == ORDERS_IN_FILE ? 1 : 0;
        }
        record(String.format("import into a store with %d orders (a whole import %d ms): %d runs, each on a fresh copy;"
                + " the store held %d orders after %d of them and %d after the other %d", before, took, rounds, before,
                rounds - whole, ORDERS_IN_FILE, whole));
        assertTrue(whole < rounds, "some imports were cut short");
    }

    /** A new store directory {@code name} holding a copy of the store file {@code file}. */
    private Path copyOf(Path file, String name) throws IOException {
        Path store = Files.createDirectories(dir.resolve(name));
        Files.copy(file, store.resolve(file.getFileName()));
        return store;
    }

    /**
     * A store file that is mostly dead space is rewritten when it closes; {@code info} opens and closes
     * such a store, and is killed at a random moment of the 2–3 s rewrite. The store always opens
     * with every order and its mining run (the old file stays whole until the new one replaces it).
     */
    @Test
    void killedCompactionLeavesTheStoreWhole() throws Exception {
        Path template = dir.resolve("churned");
        long orders;
        try (Store created = Store.openOrCreate(template)) {
            new OrderImporter().importFile(created, ImportRequest.of(ChurnStore.ORDERS),
                    ProgressMonitor.NONE);
            orders = new StoreQueries(created).overview().orders();
        }
        ChurnStore.churn(template);
        Path file = template.resolve(Store.DATABASE_NAME + ".mv.db");
        long churned = Files.size(file);
        int compactRounds = Math.max(5, rounds / 3);
        int killed = 0;
        for (int i = 0; i < compactRounds; i++) {
            Path store = copyOf(file, "compacting-" + i);
            killed += runAndKill(4_000, "info", "--store", store.toString()) ? 0 : 1;
            assertEquals(orders, orders(store), "round " + i);
            try (Store opened = openAfterKill(store)) {
                assertTrue(new PairStatisticsStore(opened).activeRun().isPresent(), "round " + i);
            }
            assertTrue(Files.size(store.resolve(file.getFileName())) < churned / 2, "round " + i
                    + ": the file is rewritten at the latest when the store next closes");
        }
        record(String.format("a store file of %d MB, mostly dead space, rewritten at close: %d runs, %d killed"
                + " mid-way; the store always opened with all %d orders and its mining run", churned >> 20,
                compactRounds, killed, orders));
    }

    @Test
    void killedMiningLeavesThePreviousRunOrTheNewOne() throws Exception {
        Path store = dir.resolve("mined");
        try (Store created = Store.openOrCreate(store)) {
            new OrderImporter().importFile(created, ImportRequest.of(ORDERS), ProgressMonitor.NONE);
            new MiningService().mine(created, MiningSettings.defaults(), ProgressMonitor.NONE);
        }
        Set<Long> pairCounts = new HashSet<>();
        int removed = 0;
        for (int i = 0; i < rounds; i++) {
            int window = 1 + random.nextInt(60);
            runAndKill(6_000, "mine", "--store", store.toString(), "--window-days", Integer.toString(window));
            try (Store opened = openAfterKill(store)) {
                var run = new PairStatisticsStore(opened).activeRun();
                if (run.isEmpty()) { // H2 lost part of the previous run: the open removed the rest
                    removed++;
                    new MiningService().mine(opened, MiningSettings.defaults(), ProgressMonitor.NONE);
                    continue;
                }
                long stored = new PairStatisticsStore(opened).pairs(run.get().id(), 0).size();
                assertEquals(run.get().pairs(), stored, "round " + i + ": the active run's pairs are all there");
                pairCounts.add(stored);
            }
        }
        assertTrue(pairCounts.size() > 1, "some mining runs completed between kills");
        record(String.format("mining: %d runs; the active run always complete (%d distinct runs seen), %d times"
                + " removed as incomplete on open", rounds, pairCounts.size(), removed));
    }

    @Test
    void killedPublishesNeverLeaveAFileTheStoreDoesNotList() throws Exception {
        Path store = dir.resolve("published");
        Path file = dir.resolve("out").resolve("kitchen.json");
        try (Store created = Store.openOrCreate(store)) {
            new OrderImporter().importFile(created, ImportRequest.of(ORDERS), ProgressMonitor.NONE);
            new MiningService().mine(created, MiningSettings.defaults(), ProgressMonitor.NONE);
            new Publisher().publish(created, file, "first", null, false);
        }
        Map<Long, String> hashOfVersion = new HashMap<>();
        for (int i = 0; i < rounds; i++) {
            runAndKill(2_500, "publish", "--store", store.toString(), "--out", file.toString(), "--note", "r" + i);
            var onDisk = RuleSetJson.read(file);
            try (Store opened = openAfterKill(store)) {
                Map<Integer, String> listed = new HashMap<>();
                new PublishedVersions(opened).all().forEach(v -> listed.put(v.version(), v.contentHash()));
                assertEquals(listed.get((int) onDisk.version()), onDisk.contentHash(),
                        "round " + i + ": the file on disk is version " + onDisk.version() + " as the store keeps it");
                String before = hashOfVersion.putIfAbsent(onDisk.version(), onDisk.contentHash());
                assertTrue(before == null || before.equals(onDisk.contentHash()),
                        "round " + i + ": version " + onDisk.version() + " names two files");
            }
        }
        record(String.format("publishing: %d runs; the file on disk always a listed version with its content,"
                + " %d versions seen on disk, none naming two files", rounds, hashOfVersion.size()));
        try (var left = Files.list(file.getParent())) {
            assertTrue(left.map(Path::getFileName).map(Path::toString).allMatch(n -> n.equals("kitchen.json")
                    || n.startsWith(".kitchen.json") || n.endsWith(".tmp")), "only the file and temporary leftovers");
        }
    }

    private static List<String> concat(String header, List<String> rows) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
