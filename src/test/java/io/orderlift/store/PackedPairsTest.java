package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PackedPairsTest {

    @Test
    void randomPairsRoundTripExactlyThroughTheStore() {
        SplittableRandom random = new SplittableRandom(11);
        int anchors = 300;
        PackedPairs packed = new PackedPairs(anchors);
        List<int[]> expected = new ArrayList<>();
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        for (int a = 0; a < anchors; a++) {
            int c = -1;
            for (int i = random.nextInt(3) == 0 ? 0 : random.nextInt(200); i > 0; i--) {
                c += random.nextInt(3) == 0 ? 1 + random.nextInt(1_000_000) : 1 + random.nextInt(3);
                // counts across every varint length, up to Integer.MAX_VALUE, and around each tag's limits
                int co = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(Integer.MAX_VALUE);
                    case 1 -> random.nextInt(300);
                    default -> random.nextInt(10);
                };
                int follow = random.nextInt(3) == 0 ? random.nextInt(50) : random.nextInt(5);
                int customers = switch (random.nextInt(4)) {
                    case 0 -> co;
                    case 1 -> (int) Math.min(Integer.MAX_VALUE, (long) co + follow);
                    case 2 -> random.nextInt(1 << 20);
                    default -> random.nextInt(12);
                };
                encoder.add(c, co, follow, customers);
                expected.add(new int[] {a, c, co, follow, customers});
            }
            int count = encoder.count();
            packed.put(a, count, encoder.finish());
        }
        List<int[]> decoded = new ArrayList<>();
        packed.forEachPair((a, c, co, follow, customers) -> decoded.add(new int[] {a, c, co, follow, customers}));
        assertEquals(expected.size(), packed.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Arrays.toString(expected.get(i)), Arrays.toString(decoded.get(i)));
        }
    }

    @Test
    void candidatesMustIncrease() {
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        encoder.add(5, 1, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> encoder.add(5, 1, 0, 1));
    }

    @Test
    void aDamagedRowIsReportedNotMisread() {
        PackedPairs.Encoder encoder = new PackedPairs.Encoder();
        encoder.add(1, 2, 3, 4);
        byte[] bytes = encoder.finish();
        assertThrows(IllegalStateException.class, () -> PackedPairs.decode(bytes, 0, (c, co, f, cu) -> { }));
    }
}
