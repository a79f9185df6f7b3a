package io.orderlift.ui.overview;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.orderlift.ui.common.NiceNumbers;

/**
 * Values counted in bands of about equal width on a logarithmic scale, with round edges: 1, 1.5, 2.5,
 * 4 and 6 times a power of ten (ISO 497's rounded R5 series: each band ends 1.5 to 1.67 times where it
 * starts), or 1, 2 and 5 where that would make more than {@link #MAX_BANDS} bands. Prices and order
 * values spread over decades: bands of equal width put a real store's history in one or two bars (the
 * wholesale store: prices from 0.45 to 92.55 between the 5th and the 99th percentile, half of them
 * under 2.40). The bands run from the one holding the 1st percentile of the positive values to the
 * one holding the 99th; what lies below (zero included) or above is counted in an end band, "&lt;0.25"
 * or "≥100", shown when not empty.
 *
 * @param labels each band by where it starts ("2.5", "1,000"), as a histogram's axis reads
 * @param counts the values in each band; every value is in exactly one
 */
record Bands(List<String> labels, List<Integer> counts) {

    /** The most bands (end bands aside) before the coarser edges are used. */
    static final int MAX_BANDS = 30;
    static final double[] FINE = {1, 1.5, 2.5, 4, 6};
    static final double[] COARSE = {1, 2, 5};

    /** {@code values} in bands; no bands when there are none. */
    static Bands of(double[] values) {
        double[] positive = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
        if (positive.length == 0) {
            return values.length == 0 ? new Bands(List.of(), List.of())
                    : new Bands(List.of(label(0)), List.of(values.length));
        }
        double first = positive[(int) Math.floor((positive.length - 1) * 0.01)];
        double last = positive[(int) Math.floor((positive.length - 1) * 0.99)];
        List<Double> edges = edges(first, last, FINE);
        if (edges.size() - 1 > MAX_BANDS) {
            edges = edges(first, last, COARSE);
        }
        double low = edges.get(0);
        double high = edges.get(edges.size() - 1);
        int[] counts = new int[edges.size() + 1]; // below the first edge, the bands, at or above the last
        for (double v : values) {
            counts[bandOf(v, edges)]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int band = 0; band < counts.length; band++) {
            boolean end = band == 0 || band == counts.length - 1;
            if (end && counts[band] == 0) {
                continue;
            }
            labels.add(band == 0 ? "<" + label(low)
                    : band == counts.length - 1 ? "≥" + label(high)
                    : label(edges.get(band - 1)));
            kept.add(counts[band]);
        }
        return new Bands(List.copyOf(labels), List.copyOf(kept));
    }

    /** The edges from the one at or below {@code first} to the one above {@code last}. */
    private static List<Double> edges(double first, double last, double[] steps) {
        double high = edgeAbove(last, steps);
        List<Double> edges = new ArrayList<>();
        for (double edge = edgeAtOrBelow(first, steps); edge < high * (1 - 1e-9); edge = edgeAbove(edge, steps)) {
            edges.add(edge);
        }
        edges.add(high);
        return edges;
    }

    /** 0 for a value under the first edge, then 1 + the band it lies in, or the last for one at or above the top. */
    private static int bandOf(double v, List<Double> edges) {
        if (!(v >= edges.get(0))) {
            return 0;
        }
        for (int i = 1; i < edges.size(); i++) {
            if (v < edges.get(i)) {
                return i;
            }
        }
        return edges.size();
    }

    /** The largest edge ({@code steps} times a power of ten) at or below {@code v > 0}. */
    static double edgeAtOrBelow(double v, double[] steps) {
        return NiceNumbers.atOrBelow(v, steps);
    }

    /** The smallest edge above {@code v > 0}. */
    static double edgeAbove(double v, double[] steps) {
        return NiceNumbers.atOrAbove(edgeAtOrBelow(v, steps) * (1 + 1e-9), steps);
    }

    private static String label(double edge) {
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(edge);
    }
}
