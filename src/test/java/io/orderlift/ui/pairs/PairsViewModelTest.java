package io.orderlift.ui.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairsViewModelTest {

    private static PairsViewModel.Row row(int popularityRank, int rpiRank) {
        return new PairsViewModel.Row("C", null, null, 1, 0, 0.1, 1, 0.1, 0, 3, 9, 0.9, popularityRank, rpiRank, "");
    }

    @Test
    void arrowsShowWhoRevenueRankingMovedAgainstPopularity() {
        assertEquals("↑", row(5, 1).movement(), "a premium add-on moves up");
        assertEquals("↓", row(1, 5).movement(), "a cheap popular one moves down");
        assertEquals("", row(2, 2).movement());
    }
}
