package io.orderlift.ui.shell;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

/**
 * Where the workbench window opens: where it was left, while enough of that place still shows on a
 * screen (a laptop taken off its second monitor would otherwise open it out of sight), moved and
 * shrunk onto that screen; else at its default size, shrunk to fit the primary screen, centred on
 * it (a 1366 × 768 laptop has no room for 800 pixels and a task bar).
 */
final class WindowPlacement {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    /** How wide and how tall a part of the remembered window must show on a screen to open there. */
    static final double MIN_SHOWN_WIDTH = 120;
    static final double MIN_SHOWN_HEIGHT = 60;
    /** How far above a screen a window's top may be and still count as on it (a window manager's invisible border). */
    static final double TOP_SLACK = 16;

    private WindowPlacement() {
    }

    /**
     * The window's bounds.
     *
     * @param remembered x, y, width and height when the window last closed, if known
     * @param screens    every screen's visual bounds (without task bars)
     * @param primary    the primary screen's visual bounds
     */
    static Rectangle2D place(Optional<double[]> remembered, List<Rectangle2D> screens, Rectangle2D primary) {
        if (remembered.isPresent() && remembered.get()[2] > 0 && remembered.get()[3] > 0) {
            double[] b = remembered.get();
            Rectangle2D left = new Rectangle2D(b[0], b[1], b[2], b[3]);
            for (Rectangle2D screen : screens) {
                if (shows(left, screen)) {
                    return onto(left, screen);
                }
            }
        }
        double width = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    /** Whether enough of {@code window} shows on {@code screen}, its top edge included, to grab and move it. */
    private static boolean shows(Rectangle2D window, Rectangle2D screen) {
        double width = Math.min(window.getMaxX(), screen.getMaxX()) - Math.max(window.getMinX(), screen.getMinX());
        double height = Math.min(window.getMaxY(), screen.getMaxY()) - Math.max(window.getMinY(), screen.getMinY());
        boolean topOnScreen = window.getMinY() >= screen.getMinY() - TOP_SLACK && window.getMinY() < screen.getMaxY();
        return width >= MIN_SHOWN_WIDTH && height >= MIN_SHOWN_HEIGHT && topOnScreen;
    }

    /** {@code window} no larger than {@code screen}, moved the least that puts all of it on it. */
    private static Rectangle2D onto(Rectangle2D window, Rectangle2D screen) {
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(window.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(window.getMinY(), screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }
}
