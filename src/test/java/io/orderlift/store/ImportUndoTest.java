package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The id ranges an import's undo copies: adjacent and overlapping ones merged, gaps kept. */
class ImportUndoTest {

    @Test
    void adjacentRangesMergeAndGapsStay() {
        assertArrayEquals(new long[][] {{1, 5}, {7, 7}, {9, 12}}, ImportUndo.ranges(List.of(new long[] {1, 1},
                new long[] {2, 3}, new long[] {4, 5}, new long[] {7, 7}, new long[] {9, 10}, new long[] {10, 12})));
        assertArrayEquals(new long[0][], ImportUndo.ranges(List.of()));
    }
}
