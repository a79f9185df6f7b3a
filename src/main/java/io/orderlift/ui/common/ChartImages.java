package io.orderlift.ui.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.scene.image.Image;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts shown in JavaFX as images: rendered to PNG off the FX thread, then wrapped in an
 * {@link Image}. Works headless (Monocle), under Xvfb and in the packaged app, unlike SwingNode.
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** Renders {@code chart} to PNG bytes; safe on any thread. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the chart", e);
        }
    }

    public static Image image(byte[] png) {
        return new Image(new ByteArrayInputStream(png));
    }
}
