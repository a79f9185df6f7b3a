package io.orderlift.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreOverview;
import io.orderlift.store.StoreQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleStoresTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytes() throws Exception {
        String[] args = {"--store", "kitchen", "--days", "40", "--out"};
        assertEquals(0, new CommandLine(new SampleStores()).execute(concat(args, dir.resolve("a").toString())));
        assertEquals(0, new CommandLine(new SampleStores()).execute(concat(args, dir.resolve("b").toString())));
        byte[] a = Files.readAllBytes(dir.resolve("a/kitchen/orders.csv"));
        assertTrue(a.length > 50_000);
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/kitchen/orders.csv")));
    }

    @Test
    void bundledStoresAreWhatTheGeneratorWrites() throws Exception {
        assertEquals(0, new CommandLine(new SampleStores()).execute("--out", dir.toString()));
        for (String name : BundledSamples.NAMES) {
            if (name.equals(SampleStores.WHOLESALE)) {
                assertArrayEquals(gunzip(Path.of("sample-stores", name, "orders.csv.gz")),
                        gunzip(dir.resolve(name).resolve("orders.csv.gz")),
                        name + ": regenerate sample-stores/ after changing the generator");
                assertEquals(Files.readString(Path.of("sample-stores", name, "README.md")),
                        Files.readString(dir.resolve(name).resolve("README.md")));
                continue;
            }
            assertArrayEquals(Files.readAllBytes(Path.of("sample-stores", name, "orders.csv")),
                    Files.readAllBytes(dir.resolve(name).resolve("orders.csv")),
                    name + ": regenerate sample-stores/ after changing the generator");
            assertEquals(Files.readString(Path.of("sample-stores", name, "README.md")),
                    Files.readString(dir.resolve(name).resolve("README.md")));
            assertArrayEquals(Files.readAllBytes(Path.of("sample-stores", name, "experiment.csv")),
                    Files.readAllBytes(dir.resolve(name).resolve("experiment.csv")));
        }
    }

    @Test
    void everyBundledStoreTravelsOnTheClassPath() {
        for (String name : BundledSamples.NAMES) {
            assertTrue(BundledSamples.class.getResource(BundledSamples.resource(name)) != null,
                    name + " is not bundled: the pom's sample-stores resource includes must name its file");
        }
    }

    @Test
    void aBundledStoreOpensImportedAndPricedInItsCurrency() throws Exception {
        Path store = BundledSamples.ensureImported(dir, "kitchen", ProgressMonitor.NONE);
        try (Store opened = Store.open(store)) {
            StoreOverview overview = new StoreQueries(opened).overview();
            assertTrue(overview.orders() > 1_000, "orders: " + overview.orders());
            assertEquals("USD", overview.currency());
        }
        assertEquals(store, BundledSamples.ensureImported(dir, "kitchen", ProgressMonitor.NONE), "imported once");
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String[] concat(String[] args, String last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
