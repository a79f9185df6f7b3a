package io.orderlift.ui.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.evaluation.AbAnalysis;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.ui.common.NiceNumbers;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The Reports view's charts, drawn with XChart. */
final class ReportCharts {

    static final int WIDTH = 560;
    static final int HEIGHT = 320;

    private ReportCharts() {
    }

    /**
     * RPI (left) and hit rate (as a second series, scaled to per cent) against w for one placement,
     * the popularity baseline as a dashed line, the chosen w as a marker, and beside it what the
     * chosen w earns without the profile's price ceilings and lift floor. Both axes start at zero, so
     * a line's slope shows a change in proportion to the figure.
     */
    static XYChart rpiAgainstW(String placement, List<PolicyResult> results, BacktestReport.Chosen chosen) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(placement + ": revenue per impression by price weight").xAxisTitle("price weight w")
                .yAxisTitle("RPI").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // below the plot: inside, it hid the points near the top (the rule-free RPI, the popularity line)
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<Double> ws = new ArrayList<>();
        List<Double> rpi = new ArrayList<>();
        List<Double> hitRate = new ArrayList<>();
        double popularity = 0;
        PolicyResult withoutRules = null;
        for (PolicyResult r : results) {
            if (r.policy().equals(Backtest.WITHOUT_RULES)) {
                withoutRules = r;
            } else if (r.policy().equals("popularity")) {
                popularity = r.rpi();
            } else if (r.policy().startsWith("w=")) {
                ws.add(r.w());
                rpi.add(r.rpi());
                hitRate.add(r.hitRate() * 100);
            }
        }
        XYSeries curve = chart.addSeries("RPI", ws, rpi);
        curve.setMarker(SeriesMarkers.CIRCLE);
        curve.setLineColor(new Color(0x2f, 0x6f, 0xb3));
        XYSeries hits = chart.addSeries("hit rate %", ws, hitRate);
        hits.setYAxisGroup(1);
        hits.setMarker(SeriesMarkers.DIAMOND);
        hits.setLineColor(new Color(0x99, 0x99, 0x99));
        chart.setYAxisGroupTitle(1, "hit rate %");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        // both axes from zero: fitted to the data, hit rates of 1.04 % and 1.05 % drew a plunge
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        // and up to a round number above every point: fitted, a placement where every w earned 0 under
        // popularity's 0.0774 drew one tick labelled ".07738534842168", and hit rates all 0 a lone "0"
        double rpiTop = rpi.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        rpiTop = Math.max(rpiTop, Math.max(popularity, chosen.test().rpi()));
        if (withoutRules != null) {
            rpiTop = Math.max(rpiTop, withoutRules.rpi());
        }
        double hitTop = NiceNumbers.axisTop(hitRate.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        rpiTop = NiceNumbers.axisTop(rpiTop);
        chart.getStyler().setYAxisMax(0, rpiTop);
        chart.getStyler().setYAxisMax(1, hitTop);
        chart.getStyler().putYAxisGroupDecimalPatternMap(0, NiceNumbers.axisPattern(rpiTop));
        chart.getStyler().putYAxisGroupDecimalPatternMap(1, NiceNumbers.axisPattern(hitTop));
        if (!ws.isEmpty()) {
            XYSeries baseline = chart.addSeries("popularity", List.of(ws.get(0), ws.get(ws.size() - 1)),
                    List.of(popularity, popularity));
            baseline.setMarker(SeriesMarkers.NONE);
            baseline.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            baseline.setLineColor(new Color(0xc0, 0x60, 0x20));
        }
        XYSeries pick = chart.addSeries("chosen w = " + chosen.w(), List.of(chosen.w()), List.of(chosen.test().rpi()));
        pick.setMarker(SeriesMarkers.SQUARE);
        pick.setMarkerColor(new Color(0x1a, 0x9c, 0x3c));
        pick.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (withoutRules != null) {
            XYSeries free = chart.addSeries(Backtest.WITHOUT_RULES, List.of(chosen.w()),
                    List.of(withoutRules.rpi()));
            free.setMarker(SeriesMarkers.TRIANGLE_UP);
            free.setMarkerColor(new Color(0x80, 0x40, 0xa0));
            free.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return chart;
    }

    /** AOV per arm with the treatment's interval on the lift. */
    static CategoryChart aovByArm(AbAnalysis.Report report) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("A/B: average order value")
                .xAxisTitle("arm").yAxisTitle("AOV").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x2f, 0x6f, 0xb3)});
        List<String> arms = report.arms().stream().map(AbAnalysis.ArmResult::arm).toList();
        List<Double> aov = report.arms().stream().map(AbAnalysis.ArmResult::aov).toList();
        List<Double> errors = new ArrayList<>();
        for (AbAnalysis.ArmResult arm : report.arms()) {
            double halfWidth = report.lifts().stream().filter(l -> l.arm().equals(arm.arm()))
                    .mapToDouble(l -> (l.ciHigh() - l.ciLow()) / 2).findFirst().orElse(0);
            errors.add(halfWidth);
        }
        chart.addSeries("AOV", arms, aov, errors);
        return chart;
    }
}
