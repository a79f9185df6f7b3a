package io.orderlift.ui.overview;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.orderlift.ui.common.NiceNumbers;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The overview's histograms, drawn with XChart. */
final class OverviewCharts {

    static final int WIDTH = 520;
    static final int HEIGHT = 280;
    private static final Color BAR = new Color(0x2f, 0x6f, 0xb3);

    private OverviewCharts() {
    }

    /** A histogram of {@code values} in {@code bins} equal bins up to the 99th percentile. */
    static CategoryChart histogram(String title, String xTitle, double[] values, int bins) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("count").build();
        Styler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        styler.setSeriesColors(new Color[] {BAR});
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setAvailableSpaceFill(0.92);
        chart.getStyler().setXAxisTicksVisible(true);
        // counts as a person writes them: 100,000, not XChart's 1E5 once they pass 99,999
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (values.length == 0) {
            labels.add("no data");
            counts.add(0);
        } else {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double max = Math.max(1, sorted[(int) Math.floor((sorted.length - 1) * 0.99)]);
            double width = NiceNumbers.ceiling(max / bins);
            int n = (int) Math.ceil(max / width);
            int[] hist = new int[n + 1];
            for (double v : values) {
                hist[Math.max(0, Math.min(n, (int) Math.floor(v / width)))]++;
            }
            for (int i = 0; i <= n; i++) {
                labels.add(i == n ? "≥" + format(i * width) : format(i * width));
                counts.add(hist[i]);
            }
        }
        chart.addSeries("count", labels, counts);
        return chart;
    }

    private static String format(double amount) {
        return amount == Math.rint(amount) ? String.format("%.0f", amount) : String.format("%.1f", amount);
    }
}
