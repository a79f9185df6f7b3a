package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class WorkbenchLauncherTest {

    /** GTK without a display throws "Unable to open DISPLAY"; the command line then prints the reason alone. */
    @Test
    void noDisplayIsSaidInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkbenchLauncher.open(Path.of("/stores/outdoor"), args -> {
                    assertArrayEquals(new String[] {"--store=/stores/outdoor"}, args);
                    throw new UnsupportedOperationException("Unable to open DISPLAY");
                }));
        assertEquals(WorkbenchLauncher.noDisplay(System.getenv("DISPLAY")), e.getMessage());
        assertEquals("The workbench needs a graphical display and could not open one (DISPLAY is not set). Run it in"
                + " a desktop session, or under a virtual display (xvfb-run orderlift gui); every other command works"
                + " without one (orderlift --help).", WorkbenchLauncher.noDisplay(null));
        assertEquals("The workbench needs a graphical display and could not open one (DISPLAY is :99). Run it in a"
                + " desktop session, or under a virtual display (xvfb-run orderlift gui); every other command works"
                + " without one (orderlift --help).", WorkbenchLauncher.noDisplay(":99"));
    }
}
