package io.orderlift.store.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 mutations of a real sample file imported into a store with orders: every file is either
 * imported or refused with every problem on a line of the file, and a refused file changes nothing.
 * (A count that matters, kept in the suite: issue 19.)
 */
class MutatedImportsTest {

    static final int MUTATIONS = 1_000;

    @TempDir
    Path dir;

    @Test
    void aThousandMutatedFilesAreImportedWhollyOrRefusedWithALineAndChangeNothing() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-stores/outdoor/orders.csv"), StandardCharsets.UTF_8)
                .subList(0, 120);
        try (Store store = Store.openOrCreate(dir.resolve("store"))) {
            Path base = dir.resolve("base.csv");
            Files.writeString(base, String.join("\n", lines.subList(0, 60)) + "\n");
            new OrderImporter().importFile(store, ImportRequest.of(base), ProgressMonitor.NONE);
            SplittableRandom random = new SplittableRandom(19);
            int refused = 0;
            for (int m = 0; m < MUTATIONS; m++) {
                List<String> mutated = new ArrayList<>(lines);
                int row = 1 + random.nextInt(mutated.size() - 1);
                mutated.set(row, mutate(mutated.get(row), random));
                Path file = dir.resolve("m" + m + ".csv");
                Files.writeString(file, String.join("\n", mutated) + "\n", StandardCharsets.UTF_8);
                var before = new StoreQueries(store).overview();
                try {
                    new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
                    // accepted: it must not have half-imported; undo nothing, the next base compares by content
                } catch (ImportRejectedException e) {
                    refused++;
                    for (RowProblem p : e.problems()) {
                        assertTrue(p.line() >= 1 && p.line() <= mutated.size() + 1, "mutation " + m + ": " + p);
                    }
                    assertEquals(before, new StoreQueries(store).overview(), "mutation " + m + " changed the store");
                } catch (RuntimeException e) {
                    fail("mutation " + m + " (" + mutated.get(row) + ") failed without a line: " + e);
                }
            }
            assertTrue(refused > MUTATIONS / 2, refused + " of " + MUTATIONS + " refused");
        }
    }

    /** One random damage to a CSV line: a character dropped, doubled or replaced, a field emptied or made huge. */
    private static String mutate(String line, SplittableRandom random) {
        String[] fields = line.split(",", -1);
        int f = random.nextInt(fields.length);
        String[] junk = {"", "-1", "0", "++5", "1e9", "NaN", "\u0000", "\ufeff", "\u00a0", "\"", "2025-13-45",
            "9".repeat(25), "x".repeat(300), ",", "\u200b", "1.23456", "-0", " ", "\r"};
        switch (random.nextInt(4)) {
            case 0 -> fields[f] = junk[random.nextInt(junk.length)];
            case 1 -> fields[f] = fields[f].isEmpty() ? "?" : fields[f].substring(1);
            case 2 -> fields[f] = fields[f] + fields[f];
            default -> fields[f] = fields[f] + junk[random.nextInt(junk.length)];
        }
        return String.join(",", fields);
    }
}
