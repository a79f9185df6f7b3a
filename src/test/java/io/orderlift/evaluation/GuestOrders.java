package io.orderlift.evaluation;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A history of guest orders only (no customer id): two of twelve products an order, over 200 days.
 * No pair is backed by a known customer, so nothing clears the privacy floor.
 */
public final class GuestOrders {

    private GuestOrders() {
    }

    /** {@code orders} such orders in the generic import format, seeded. */
    public static String csv(int orders, long seed) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < orders; i++) {
            String day = LocalDate.of(2025, 1, 1).plusDays(i * 200L / orders).toString();
            int first = random.nextInt(12);
            int second = (first + 1 + random.nextInt(11)) % 12;
            csv.append("O").append(i).append(",,").append(day).append(",S").append(first).append(",S,X,1,10\n");
            csv.append("O").append(i).append(",,").append(day).append(",S").append(second).append(",S,X,1,25\n");
        }
        return csv.toString();
    }
}
