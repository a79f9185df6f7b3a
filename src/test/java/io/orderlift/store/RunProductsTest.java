package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RunProductsTest {

    private record Stat(int id, int orders, int followBase, BigDecimal price) {
    }

    @Test
    void randomStatisticsRoundTripWithPricesAtFourDecimals() {
        SplittableRandom random = new SplittableRandom(17);
        int n = 5_000;
        int[] ids = new int[n];
        int[] orders = new int[n];
        int[] followBase = new int[n];
        BigDecimal[] prices = new BigDecimal[n];
        List<Stat> expected = new ArrayList<>();
        int id = -1;
        for (int i = 0; i < n; i++) {
            id += random.nextInt(4) == 0 ? 1 + random.nextInt(1_000_000) : 1;
            ids[i] = id;
            orders[i] = random.nextInt(3) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(200);
            followBase[i] = random.nextInt(orders[i] + 1);
            prices[i] = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> BigDecimal.ZERO;
                case 2 -> new BigDecimal("999999999999999.9999"); // the largest NUMERIC(19, 4)
                // more decimals than the column keeps (a median of two prices): rounded half up
                case 3 -> BigDecimal.valueOf(random.nextLong(1, 100_000_000L), 5);
                default -> BigDecimal.valueOf(random.nextLong(1, 10_000_000L), 2);
            };
            expected.add(new Stat(id, orders[i], followBase[i],
                    prices[i] == null ? null : prices[i].setScale(4, RoundingMode.HALF_UP)));
        }
        List<Stat> read = new ArrayList<>();
        RunProducts.unpack(RunProducts.pack(ids, orders, followBase, prices),
                (p, o, f, price) -> read.add(new Stat(p, o, f, price)));
        assertEquals(expected, read);
    }

    @Test
    void noProductsIsOneByte() {
        byte[] packed = RunProducts.pack(new int[0], new int[0], new int[0], new BigDecimal[0]);
        assertEquals(1, packed.length);
        RunProducts.unpack(packed, (p, o, f, price) -> {
            throw new AssertionError("no product expected");
        });
    }

    @Test
    void aCutShortValueIsAStoreErrorNotAnIndexError() {
        byte[] packed = RunProducts.pack(new int[] {3, 9}, new int[] {400, 500}, new int[] {1, 2},
                new BigDecimal[] {new BigDecimal("12.5"), null});
        byte[] cut = Arrays.copyOf(packed, packed.length - 2);
        StoreException e = assertThrows(StoreException.class, () -> RunProducts.unpack(cut, (p, o, f, price) -> { }));
        assertEquals("The mining run's product statistics are damaged; mine the store again.", e.getMessage());
    }

    @Test
    void idsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> RunProducts.pack(new int[] {5, 5}, new int[2], new int[2],
                new BigDecimal[2]));
    }
}
