package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnchorRankingTest {

    @Test
    void reScoresAnAnchorsPairsWhenThePriceWeightMoves() {
        RankingModel model = RecommenderTest.thesis();
        AnchorRanking ranking = new AnchorRanking(model);
        WeightingProfile profile = WeightingProfile.defaults();
        assertArrayEquals(new int[] {1, 2}, ranking.rank(0, false, profile.withPriceWeight(0)).candidates());
        AnchorRanking.Ranked revenue = ranking.rank(0, false, profile.withPriceWeight(1));
        assertArrayEquals(new int[] {2, 1}, revenue.candidates());
        assertEquals((200 + 5 * 0.004) / (10_000 + 5) * 45, revenue.scores()[0], 1e-9);
    }
}
