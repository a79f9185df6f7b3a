package io.orderlift.ui.overview;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

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

    /** A histogram of {@code values} in {@link Bands} on a log scale: 1, 1.5, 2.5, 4, 6, 10 … */
    static CategoryChart histogram(String title, String xTitle, double[] values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle + " (log scale)").yAxisTitle("count").build();
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
        Bands bands = Bands.of(values);
        List<String> labels = bands.labels().isEmpty() ? List.of("no data") : bands.labels();
        List<Integer> counts = bands.counts().isEmpty() ? List.of(0) : bands.counts();
        chart.addSeries("count", labels, counts);
        return chart;
    }
}
