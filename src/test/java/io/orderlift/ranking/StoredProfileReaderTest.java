package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderlift.store.StoreException;
import org.junit.jupiter.api.Test;

/** The streaming reader reads a stored profile exactly as Jackson's data binding did, which still writes it. */
class StoredProfileReaderTest {

    private static final ObjectMapper BINDING = new ObjectMapper();

    @Test
    void everyProfileReadsBackAsTheBindingWroteIt() throws Exception {
        SplittableRandom random = new SplittableRandom(38);
        for (int trial = 0; trial < 500; trial++) {
            WeightingProfile profile = randomProfile(random);
            String json = BINDING.writeValueAsString(profile);
            assertEquals(profile, StoredProfileReader.read(json), json);
        }
    }

    @Test
    void aProfileSavedWithFewerSettingsReadsAsTheBindingReadIt() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            ObjectNode tree = BINDING.valueToTree(randomProfile(random));
            // an older profile: some of the settings added since are absent
            for (Iterator<String> keys = tree.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                boolean addedLater = key.equals("estimator") || key.equals("confirmationEvidence")
                        || key.equals("chosenBy") || key.equals("minLift") || key.equals("minCustomers");
                if (addedLater && random.nextBoolean()) {
                    keys.remove();
                }
            }
            if (!tree.has("minCustomers")) {
                tree.put("minCustomers", WeightingProfile.PRIVACY_FLOOR); // the binding refused 0, the floor raises it
            }
            String json = BINDING.writeValueAsString(tree);
            assertEquals(BINDING.treeToValue(tree, WeightingProfile.class), StoredProfileReader.read(json), json);
        }
    }

    @Test
    void whatIsNotAProfileIsRefusedWithTheReason() {
        StoreException unknown = assertThrows(StoreException.class,
                () -> StoredProfileReader.read("{\"name\":\"x\",\"priceWeigth\":1.0}"));
        assertTrue(unknown.getMessage().contains("unknown setting 'priceWeigth'"), unknown.getMessage());
        assertThrows(StoreException.class, () -> StoredProfileReader.read("[1, 2]"));
        assertThrows(StoreException.class, () -> StoredProfileReader.read("{\"name\":\"x\",\"smoothing\":\"lots\"}"));
        StoreException estimator = assertThrows(StoreException.class,
                () -> StoredProfileReader.read("{\"name\":\"x\",\"estimator\":\"guess\",\"minCustomers\":3}"));
        assertTrue(estimator.getMessage().contains("guess"), estimator.getMessage());
    }

    private static WeightingProfile randomProfile(SplittableRandom random) {
        return new WeightingProfile(random.nextBoolean() ? "default" : "p" + random.nextInt(100),
                random.nextInt(9) * 0.25, 1 + random.nextInt(200), 1 + random.nextInt(34), random.nextInt(101),
                0.5 + random.nextDouble() * 100, 1 + random.nextDouble() * 500, 0.1 + random.nextDouble() * 3,
                1 + random.nextInt(5), 1 + random.nextInt(10), 1 + random.nextInt(6), random.nextInt(4) * 0.5,
                WeightingProfile.PRIVACY_FLOOR + random.nextInt(5),
                Estimator.values()[random.nextInt(Estimator.values().length)],
                ConfirmationEvidence.values()[random.nextInt(ConfirmationEvidence.values().length)],
                random.nextBoolean() ? null : "chosen by backtest on 2026-12-0" + (1 + random.nextInt(9)) + " (\"q\" \\ é)");
    }
}
