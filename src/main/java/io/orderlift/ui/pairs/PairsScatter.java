package io.orderlift.ui.pairs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.orderlift.common.Money;
import io.orderlift.mining.CandidatePair;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The anchor's candidates as a scatter of price against acceptance, with iso-revenue curves
 * (acceptance × price = constant) through the best and the last shown candidate, and the
 * candidates the placement shows for the anchor alone marked. Built with XChart; rendered off the FX thread.
 */
final class PairsScatter {

    static final int WIDTH = 430;
    static final int HEIGHT = 360;
    private static final Color OTHERS = new Color(0x9a, 0xa5, 0xb1);
    private static final Color TOP = new Color(0x2f, 0x6f, 0xb3);
    private static final Color ISO = new Color(0xd0, 0x7a, 0x2c);

    private PairsScatter() {
    }

    /**
     * @param candidates  sorted as shown (best score first)
     * @param followOn    plot follow-on acceptance instead of same-order acceptance
     * @param lowerBound  the acceptance is its lower 95 % bound (the profile's estimator), said on the axis
     * @param shown       the candidates the placement shows for the anchor alone, marked
     * @param money       the store's currency, for the curves' revenue per impression in the legend
     */
    static XYChart chart(String anchor, List<CandidatePair> candidates, boolean followOn, boolean lowerBound,
                         Set<String> shown, Money money) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Candidates of " + anchor + ": price vs acceptance")
                .xAxisTitle("price (log scale)").yAxisTitle((followOn ? "follow-on acceptance" : "acceptance")
                        + (lowerBound ? " (lower 95 % bound)" : "")).build();
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        // below the plot: inside it, the legend covered the dear, well-accepted corner where the shown candidates sit
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setMarkerSize(7);
        styler.setXAxisDecimalPattern("#,##0");
        styler.setYAxisDecimalPattern("0.00");
        List<double[]> priced = new ArrayList<>();
        for (CandidatePair c : candidates) {
            if (priced(c)) {
                priced.add(new double[] {c.price().doubleValue(), followOn ? c.followAcceptance() : c.acceptance(),
                        shown.contains(c.sku()) ? 1 : 0});
            }
        }
        if (priced.isEmpty()) {
            // XChart draws nothing without a series: an unmarked one keeps the axes, and the title says why
            chart.setTitle("Candidates of " + anchor + ": " + (candidates.isEmpty() ? "none" : "none with a price"));
            chart.setXAxisTitle("price");
            chart.addSeries("none", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            styler.setLegendVisible(false);
            return chart;
        }
        styler.setXAxisLogarithmic(true);
        double minPrice = priced.stream().mapToDouble(p -> p[0]).min().orElse(1) * 0.8;
        double maxPrice = priced.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.25;
        // a lower bound is 0 for every thin pair: the axis still needs a height
        double maxAcceptance = Math.max(0.01, priced.stream().mapToDouble(p -> p[1]).max().orElse(1) * 1.15);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(maxAcceptance);
        styler.setXAxisMin(minPrice);
        styler.setXAxisMax(maxPrice);
        add(chart, "others", priced, 0, OTHERS);
        add(chart, "shown alone", priced, 1, TOP);
        double best = priced.stream().mapToDouble(p -> p[0] * p[1]).max().orElse(0);
        double last = priced.stream().filter(p -> p[2] == 1).mapToDouble(p -> p[0] * p[1]).min().orElse(best);
        iso(chart, best, money, minPrice, maxPrice, maxAcceptance, false);
        if (last < best * 0.9) {
            iso(chart, last, money, minPrice, maxPrice, maxAcceptance, true);
        }
        return chart;
    }

    private static boolean priced(CandidatePair c) {
        return c.price() != null && c.price().doubleValue() > 0;
    }

    private static void add(XYChart chart, String name, List<double[]> points, int top, Color color) {
        double[] x = points.stream().filter(p -> p[2] == top).mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().filter(p -> p[2] == top).mapToDouble(p -> p[1]).toArray();
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
    }

    /** The curve acceptance = rpi / price, clipped to the plot. */
    private static void iso(XYChart chart, double rpi, Money money, double minPrice, double maxPrice, double maxAcceptance,
                            boolean dashed) {
        if (rpi <= 0) {
            return;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int steps = 80;
        for (int i = 0; i <= steps; i++) {
            double price = minPrice * Math.pow(maxPrice / minPrice, (double) i / steps);
            double acceptance = rpi / price;
            if (acceptance <= maxAcceptance) {
                x.add(price);
                y.add(acceptance);
            }
        }
        if (x.size() < 2) {
            return;
        }
        XYSeries series = chart.addSeries("RPI " + money.format(rpi), x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(ISO);
        series.setLineStyle(dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {5, 4}, 0) : new BasicStroke(1.5f));
    }
}
