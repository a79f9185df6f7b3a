package io.orderlift.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BandsTest {

    @Test
    void edgesAreRoundNumbersEvenlySpacedOnALogScale() {
        assertEquals(0.4, Bands.edgeAtOrBelow(0.45, Bands.FINE), 1e-15);
        assertEquals(0.2, Bands.edgeAtOrBelow(0.45, Bands.COARSE), 1e-15);
        assertEquals(1.5, Bands.edgeAtOrBelow(2.4, Bands.FINE));
        assertEquals(600, Bands.edgeAtOrBelow(999.99, Bands.FINE));
        assertEquals(1000, Bands.edgeAtOrBelow(1000, Bands.FINE));
        assertEquals(10, Bands.edgeAbove(8, Bands.FINE));
        assertEquals(15, Bands.edgeAbove(12, Bands.FINE));
        assertEquals(10, Bands.edgeAbove(5, Bands.COARSE));
        assertEquals(1000, Bands.edgeAbove(500, Bands.COARSE));
        assertEquals(0.5, Bands.edgeAbove(0.2, Bands.COARSE), 1e-15);
    }

    @Test
    void pricesSpreadOverDecadesFillManyBandsNotOne() {
        // the wholesale store's shape: a median of 2.40, the 99th percentile near 92.55
        Random random = new Random(7);
        double[] prices = new double[4000];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Math.exp(Math.log(2.4) + 1.3 * random.nextGaussian());
        }
        Bands bands = Bands.of(prices);
        assertEquals(prices.length, bands.counts().stream().mapToInt(Integer::intValue).sum(), "each price counted once");
        int largest = bands.counts().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(largest < prices.length / 5, "no band holds most of them: " + bands);
        assertTrue(bands.labels().size() >= 12, bands.toString());
        assertTrue(bands.labels().containsAll(List.of("0.4", "0.6", "1", "1.5", "2.5", "4", "6", "10", "15")),
                bands.labels().toString());
        String first = bands.labels().get(0);
        String last = bands.labels().get(bands.labels().size() - 1);
        assertTrue(first.startsWith("<") && last.startsWith("≥"), "the outliers go to the end bands: " + bands);
    }

    @Test
    void eachBandIsLabelledWhereItStarts() {
        Bands bands = Bands.of(new double[] {0, 0.3, 0.7, 3, 30, 1500, 1500, 2500});
        assertEquals(List.of("<0.25", "0.25", "0.4", "0.6", "1", "1.5", "2.5", "4", "6", "10", "15", "25", "40", "60",
                "100", "150", "250", "400", "600", "1,000", "1,500", "≥2,500"), bands.labels());
        assertEquals(1, bands.counts().get(0), "the zero is under the first band");
        assertEquals(2, bands.counts().get(bands.counts().size() - 2), "1,500 starts its band");
        assertEquals(1, bands.counts().get(bands.counts().size() - 1), "2,500 is beyond the 99th percentile's band");
        assertEquals(8, bands.counts().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aSpreadOfMoreDecadesTakesCoarserBands() {
        Bands bands = Bands.of(new double[] {0.001, 0.01, 1, 100, 10_000, 20_000});
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5",
                "10", "20", "50", "100", "200", "500", "1,000", "2,000", "5,000", "10,000", "≥20,000"), bands.labels());
    }

    @Test
    void degenerateValuesStillDrawABar() {
        assertEquals(new Bands(List.of(), List.of()), Bands.of(new double[0]));
        assertEquals(new Bands(List.of("0"), List.of(3)), Bands.of(new double[] {0, 0, 0}), "free products only");
        assertEquals(new Bands(List.of("10"), List.of(4)), Bands.of(new double[] {10, 10, 10, 10}), "one price");
        assertEquals(new Bands(List.of("6"), List.of(1)), Bands.of(new double[] {7}));
    }
}
