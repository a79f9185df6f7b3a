package io.orderlift.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A mining run's statistics per product — {@code orders(a)}, {@code followBase(a)} and the price it
 * ranked with — packed into one value ({@code run_products.packed}): a run of a 50,000-product
 * catalog is then one row to write and one to delete instead of 50,000 of each.
 *
 * <p>Layout, in {@link Varints}: a format byte; then per product, in increasing id, the id's distance
 * from the previous one's (from -1, so at least 1), {@code orders}, {@code followBase}, and the price
 * in ten-thousandths + 1 (0: no price; read as an unsigned 64-bit number), to the end. Prices keep four decimals, as a
 * {@code NUMERIC(19, 4)} column would (half up).
 */
final class RunProducts {

    /** The layout above. */
    static final byte FORMAT = 1;
    private static final int PRICE_SCALE = 4;

    /** Receives one product's statistics. */
    @FunctionalInterface
    interface Visitor {
        void product(int id, int orders, int followBase, BigDecimal price);
    }

    private RunProducts() {
    }

    /** Packs the products {@code ids} (increasing) with their statistics; a null price is no price. */
    static byte[] pack(int[] ids, int[] orders, int[] followBase, BigDecimal[] prices) {
        Varints.Writer out = new Varints.Writer(4 * ids.length + 1);
        out.rawByte(FORMAT);
        int previous = -1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] <= previous) {
                throw new IllegalArgumentException("Product ids must increase: " + ids[i] + " after " + previous);
            }
            out.unsigned(ids[i] - previous);
            previous = ids[i];
            out.unsigned(orders[i]);
            out.unsigned(followBase[i]);
            out.unsigned(prices[i] == null ? 0 : unsignedPrice(prices[i]));
        }
        return out.take();
    }

    /**
     * A price (at least 0) in ten-thousandths + 1, as an unsigned 64-bit value: the largest
     * {@code NUMERIC(19, 4)}, 10^19 - 1 ten-thousandths, is above {@link Long#MAX_VALUE}.
     */
    private static long unsignedPrice(BigDecimal price) {
        BigInteger units = price.setScale(PRICE_SCALE, RoundingMode.HALF_UP).unscaledValue().add(BigInteger.ONE);
        if (units.signum() <= 0 || units.bitLength() > Long.SIZE) {
            throw new IllegalArgumentException("A price out of range: " + price);
        }
        return units.longValue();
    }

    /** The price {@link #unsignedPrice} packed as {@code units}. */
    private static BigDecimal price(long units) {
        BigInteger unscaled = units > 0 ? BigInteger.valueOf(units - 1)
                : new BigInteger(Long.toUnsignedString(units)).subtract(BigInteger.ONE);
        return new BigDecimal(unscaled, PRICE_SCALE);
    }

    /** Visits every product packed in {@code packed}, in id order. */
    static void unpack(byte[] packed, Visitor visitor) {
        if (packed.length == 0 || packed[0] != FORMAT) {
            throw new StoreException("The mining run's product statistics are of an unknown format; mine the store again.");
        }
        Varints.Reader in = new Varints.Reader(packed);
        in.nextByte();
        int id = -1;
        try {
            while (!in.atEnd()) {
                id += in.unsignedInt();
                int orders = in.unsignedInt();
                int followBase = in.unsignedInt();
                long price = in.unsignedLong();
                visitor.product(id, orders, followBase, price == 0 ? null : price(price));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new StoreException("The mining run's product statistics are damaged; mine the store again.", e);
        }
    }
}
