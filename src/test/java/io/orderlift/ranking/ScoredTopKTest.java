package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ScoredTopKTest {

    @Test
    void keepsWhatASortKeepsInItsOrderTiesByTheLowerTieBreaker() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = random.nextInt(40);
            int k = random.nextInt(12);
            double[] scores = new double[n];
            int[] ties = IntStream.range(0, n).map(i -> i * 7 % 101).toArray(); // distinct, not in entry order
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6) * 0.5; // many equal scores
            }
            ScoredTopK top = new ScoredTopK(Math.min(k, n));
            for (int i = 0; i < n; i++) {
                top.offer(i, scores[i], ties[i], -scores[i]);
            }
            top.sortBestFirst();
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> ties[i]))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            int[] kept = IntStream.range(0, top.size()).map(top::entry).toArray();
            assertArrayEquals(expected, kept, "trial " + trial);
            for (int r = 0; r < top.size(); r++) {
                assertArrayEquals(new double[] {scores[kept[r]], -scores[kept[r]]},
                        new double[] {top.score(r), top.value(r)}, "carried with its entry");
            }
        }
    }

    /** An entry the heap refuses by its score cannot get in, whatever its tie-breaker: ties are not refused. */
    @Test
    void aRefusedScoreCannotGetInEvenWithTheBestTieBreaker() {
        Random random = new Random(12);
        int refused = 0;
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(30);
            int k = random.nextInt(6);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(5) * 0.5; // many equal scores
            }
            for (int i = 0; i < n; i++) {
                ScoredTopK top = new ScoredTopK(k);
                for (int j = 0; j < i; j++) {
                    top.offer(j, scores[j], j, 0);
                }
                if (top.refuses(scores[i])) {
                    refused++;
                    top.offer(i, scores[i], Integer.MIN_VALUE, 0);
                    top.sortBestFirst();
                    for (int r = 0; r < top.size(); r++) {
                        assertNotEquals(i, top.entry(r), "trial " + trial + ": entry " + i + " got in");
                    }
                }
            }
        }
        assertTrue(refused > 1_000, "the heaps refused " + refused + " entries");
    }
}
