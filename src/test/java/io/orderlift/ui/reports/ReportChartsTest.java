package io.orderlift.ui.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.evaluation.RpiRatio;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The Reports tab's RPI-by-w chart. */
class ReportChartsTest {

    private static PolicyResult policy(String name, Double w, double hitRate, double rpi) {
        return new PolicyResult(name, w, 7_000, Math.round(7_000 * hitRate), hitRate, rpi, 30, 0.1, rpi * 0.8,
                rpi * 1.2, 0.009, 2_000);
    }

    @Test
    void bothAxesStartAtZeroSoNearlyEqualHitRatesDoNotDrawAPlunge() {
        List<PolicyResult> results = List.of(policy("popularity", null, 0.0104, 0.253),
                policy("w=0.0", 0.0, 0.01052, 0.251), policy("w=0.5", 0.5, 0.01052, 0.283),
                policy("w=1.0", 1.0, 0.01038, 0.301), policy("w=1.5", 1.5, 0.01038, 0.313));
        BacktestReport.Chosen chosen = new BacktestReport.Chosen(1.5, 5, 0.3, results.get(4),
                new RpiRatio(1.24, 0.96, 1.60, 2_359), true);

        XYChart chart = ReportCharts.rpiAgainstW("confirmation", results, chosen);

        assertEquals(0.0, chart.getStyler().getYAxisMin(0), "RPI from zero");
        assertEquals(0.0, chart.getStyler().getYAxisMin(1), "hit rate from zero");
        assertArrayEquals(new double[] {1.052, 1.052, 1.038, 1.038}, chart.getSeriesMap().get("hit rate %").getYData(),
                1e-9, "the hit rates in per cent, on the right-hand axis");
    }
}
