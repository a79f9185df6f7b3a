package io.orderlift.ui.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.orderlift.common.Money;
import io.orderlift.mining.CandidatePair;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class PairsScatterTest {

    private static CandidatePair candidate(String sku, BigDecimal price, double acceptance) {
        return new CandidatePair(sku, sku, "cat", 4, 0, 0.01, 0.2, 1.5, acceptance, 0, 4, price,
                price == null ? 0 : acceptance * price.doubleValue(), acceptance, 1, 1);
    }

    /** An anchor without a candidate to plot says so in the title; no made-up point claims a legend entry. */
    @Test
    void anEmptyPlotSaysWhyInItsTitle() {
        XYChart none = PairsScatter.chart("S1", List.of(), false, false, Set.of(), Money.PLAIN);
        assertEquals("Candidates of S1: none", none.getTitle());
        assertEquals("price", none.getXAxisTitle(), "empty axes are not drawn on a log scale");
        assertFalse(none.getStyler().isLegendVisible());
        XYChart unpriced = PairsScatter.chart("S1", List.of(candidate("FREE", BigDecimal.ZERO, 0.3),
                candidate("UNKNOWN", null, 0.2)), false, false, Set.of(), Money.PLAIN);
        assertEquals("Candidates of S1: none with a price", unpriced.getTitle());
    }

    @Test
    void pricedCandidatesArePlottedWithALegend() {
        XYChart chart = PairsScatter.chart("S1", List.of(candidate("A", new BigDecimal("12.50"), 0.3),
                candidate("B", new BigDecimal("4"), 0.1)), false, false, Set.of("A"), new Money("USD"));
        assertEquals("Candidates of S1: price vs acceptance", chart.getTitle());
        assertEquals("price (log scale)", chart.getXAxisTitle());
        assertTrue(chart.getStyler().isLegendVisible());
        assertTrue(chart.getSeriesMap().values().stream().mapToInt(s -> s.getXData().length).sum() >= 2);
        assertTrue(chart.getSeriesMap().containsKey("RPI $3.75"), "the best candidate's curve, in the store's currency: "
                + chart.getSeriesMap().keySet());
    }
}
