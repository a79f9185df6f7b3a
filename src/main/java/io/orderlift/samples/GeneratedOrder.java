package io.orderlift.samples;

import java.util.List;

/** An order made by the generator; {@code customer} is empty for a guest checkout. */
record GeneratedOrder(String id, String customer, long epochSecond, List<Line> lines) {

    /** One order line; {@code secondsLater} is rarely non-zero (a line added after checkout). */
    record Line(Product product, int quantity, long unitPriceCents, int secondsLater) {
    }
}
