package io.orderlift.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the window opens: where it was left while that shows on a screen, else centred on the primary one. */
class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 1920, 1040);

    @Test
    void aFirstLaunchFitsASmallScreenCentred() {
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place(null, LAPTOP));
        assertEquals(new Rectangle2D(320, 120, 1280, 800), place(null, new Rectangle2D(0, 0, 1920, 1040)));
    }

    @Test
    void aRememberedPlaceOnAScreenIsKept() {
        assertEquals(new Rectangle2D(1500, 100, 1400, 900),
                place(new double[] {1500, 100, 1400, 900}, LAPTOP, MONITOR));
        assertEquals(new Rectangle2D(10, 20, 1200, 700), place(new double[] {10, 20, 1200, 700}, LAPTOP));
    }

    @Test
    void aPlaceOnAScreenNoLongerThereFallsBackToThePrimaryScreen() {
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place(new double[] {1500, 100, 1400, 900}, LAPTOP));
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place(new double[] {-3000, -2000, 1280, 800}, LAPTOP),
                "far off every screen");
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place(new double[] {100, -500, 1280, 800}, LAPTOP),
                "its top out of sight: it could not be moved");
    }

    @Test
    void aPlacePartlyOffItsScreenIsMovedAndShrunkOntoIt() {
        assertEquals(new Rectangle2D(86, 0, 1280, 728), place(new double[] {1200, 5, 1280, 800}, LAPTOP),
                "mostly off the right edge: moved left, shrunk to the screen's height");
        assertEquals(new Rectangle2D(0, 0, 1200, 700), place(new double[] {-7, -7, 1200, 700}, LAPTOP),
                "a window manager's invisible border above the screen");
        assertEquals(new Rectangle2D(43, 0, 1280, 728), place(new double[] {0, 0, 0, 0}, LAPTOP), "no size");
    }

    private static Rectangle2D place(double[] remembered, Rectangle2D primary, Rectangle2D... others) {
        List<Rectangle2D> screens = new ArrayList<>(List.of(primary));
        screens.addAll(List.of(others));
        return WindowPlacement.place(Optional.ofNullable(remembered), screens, primary);
    }
}
