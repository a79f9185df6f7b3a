package io.orderlift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.orderlift.ruleset.Publisher;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.ui.common.MinedTestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that returned survives the process dying right after it. H2 writes commits to its file in
 * the background, half a second later; a publish killed in that half second once left a rule set file
 * whose version the store had lost (a CI run of {@link KillCampaignTest}). Here the second JVM halts
 * the moment its writes return, with no close and no shutdown hook, which is the worst moment for a
 * {@code kill -9}.
 */
class DurableWritesTest {

    @TempDir
    Path dir;

    @Test
    void writesThatReturnedSurviveTheProcessHaltingRightAfter() throws Exception {
        Path store = dir.resolve("store");
        Path out = dir.resolve("out").resolve("rules.json");
        try (Store created = MinedTestStore.create(dir)) {
            new Publisher().publish(created, out, "first", null, false);
        }
        for (int round = 1; round <= 3; round++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PublishThenHalt.class.getName(), store.toString(), out.toString(), "round " + round)
                    .inheritIO().start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the second process finished");
            assertEquals(PublishThenHalt.HALTED, child.exitValue(), "the second process got as far as the halt");

            var onDisk = RuleSetJson.read(out);
            assertEquals(round + 1, onDisk.version(), "round " + round + ": the file holds the new version");
            try (Store opened = Store.open(store)) {
                Map<Integer, String> listed = new HashMap<>();
                new PublishedVersions(opened).all().forEach(v -> listed.put(v.version(), v.contentHash()));
                assertEquals(onDisk.contentHash(), listed.get((int) onDisk.version()),
                        "round " + round + ": the store keeps the version the file holds");
                String excluded = "EXCLUDED-" + round;
                assertTrue(new CurationStore(opened).exclusions().stream().anyMatch(e -> e.first().equals(excluded)),
                        "round " + round + ": the exclusion written before the publish is there");
            }
        }
    }

    /** Run in a second JVM: excludes a SKU, publishes, and halts at once. */
    public static final class PublishThenHalt {

        static final int HALTED = 42;

        private PublishThenHalt() {
        }

        public static void main(String[] args) {
            Store store = Store.open(Path.of(args[0]));
            String round = args[2];
            new CurationStore(store).exclude(ExclusionKind.SKU, "EXCLUDED-" + round.substring(round.indexOf(' ') + 1),
                    "", round);
            new Publisher().publish(store, Path.of(args[1]), round, null, false);
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
