package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LineSnapshotTest {

    /** Random lines (guests, returns, times going back and forth, large ids) come back as they went in. */
    @Test
    void replaysExactlyTheLinesAndMediansItWasGiven() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 50; round++) {
            LineSnapshot.Writer writer = new LineSnapshot.Writer();
            List<String> written = new ArrayList<>();
            int order = 0;
            for (int o = 0; o < random.nextInt(200); o++) {
                order += 1 + random.nextInt(round % 2 == 0 ? 3 : 1_000_000);
                int customer = random.nextInt(5) == 0 ? -1 : random.nextInt(Integer.MAX_VALUE - 1);
                long at = random.nextLong(-4_000_000_000_000L, 4_000_000_000_000L);
                for (int l = 0; l < 1 + random.nextInt(30); l++) {
                    int product = random.nextInt(1 + random.nextInt(Integer.MAX_VALUE));
                    int quantity = random.nextInt(4) == 0 ? -1 - random.nextInt(1000) : 1 + random.nextInt(100_000);
                    writer.line(order, customer, at, product, quantity);
                    written.add(order + "/" + customer + "/" + at + "/" + product + "/" + quantity);
                }
            }
            Map<Integer, Long> medians = new HashMap<>();
            for (int m = 0; m < random.nextInt(20); m++) {
                medians.put(random.nextInt(100_000), random.nextLong(1, Long.MAX_VALUE));
            }
            LineSnapshot stored = LineSnapshot.of(writer.finish(medians).packed()).orElseThrow();
            List<String> replayed = new ArrayList<>();
            Map<Integer, Long> back = stored.replay((o, c, t, p, q) -> replayed.add(o + "/" + c + "/" + t + "/" + p + "/" + q));
            assertEquals(written, replayed, "round " + round);
            assertEquals(medians, back, "round " + round);
        }
    }

    @Test
    void aCopyOfAnotherFormatIsNotRead() {
        byte[] packed = new LineSnapshot.Writer().finish(Map.of()).packed();
        assertTrue(LineSnapshot.of(packed).isPresent());
        packed[0] = LineSnapshot.FORMAT + 1;
        assertTrue(LineSnapshot.of(packed).isEmpty());
        assertTrue(LineSnapshot.of(new byte[0]).isEmpty());
    }
}
