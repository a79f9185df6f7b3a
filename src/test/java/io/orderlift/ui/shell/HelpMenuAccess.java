package io.orderlift.ui.shell;

import java.nio.file.Path;

/** Test access to the About text of the package-private Help menu. */
public final class HelpMenuAccess {

    private HelpMenuAccess() {
    }

    public static String about(Path dataDirectory) {
        return HelpMenu.about(dataDirectory);
    }
}
