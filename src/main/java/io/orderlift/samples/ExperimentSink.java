package io.orderlift.samples;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Writes an A/B experiment of the confirmation layer over the orders from {@code fromEpochSecond}
 * on: each order goes to {@code control} or {@code treatment} at random; treatment orders see
 * {@link #IMPRESSIONS} one-tap offers and accept one with probability {@link #ACCEPTANCE}, worth a
 * uniform {@link #MIN_VALUE}–{@link #MAX_VALUE}, added to the order value. The planted AOV lift is
 * {@code ACCEPTANCE × (MIN_VALUE + MAX_VALUE) / 2}.
 */
final class ExperimentSink implements OrderSink {

    static final String HEADER = "order_id,arm,order_value,offer_impressions,offer_accepted_value";
    static final int IMPRESSIONS = 3;
    static final double ACCEPTANCE = 0.2;
    static final double MIN_VALUE = 20;
    static final double MAX_VALUE = 80;

    /** The planted lift in AOV. */
    static double plantedLift() {
        return ACCEPTANCE * (MIN_VALUE + MAX_VALUE) / 2;
    }

    private final Writer out;
    private final long fromEpochSecond;
    private final SplittableRandom random;

    ExperimentSink(Writer out, long fromEpochSecond, long seed) throws IOException {
        this.out = out;
        this.fromEpochSecond = fromEpochSecond;
        this.random = new SplittableRandom(seed);
        out.write(HEADER);
        out.write('\n');
    }

    @Override
    public void accept(GeneratedOrder order) throws IOException {
        if (order.epochSecond() < fromEpochSecond) {
            return;
        }
        long cents = 0;
        for (GeneratedOrder.Line line : order.lines()) {
            cents += line.quantity() * line.unitPriceCents();
        }
        if (cents <= 0) {
            return;
        }
        boolean treatment = random.nextBoolean();
        long accepted = 0;
        if (treatment && random.nextDouble() < ACCEPTANCE) {
            accepted = Math.round((MIN_VALUE + random.nextDouble() * (MAX_VALUE - MIN_VALUE)) * 100);
        }
        out.write(order.id() + "," + (treatment ? "treatment" : "control") + "," + CsvText.money(cents + accepted) + ","
                + (treatment ? IMPRESSIONS : 0) + "," + CsvText.money(accepted) + "\n");
    }
}
