package io.orderlift.common;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Orderlift keeps per-user data (the bundled sample stores once imported, the workbench's
 * settings): {@code $XDG_DATA_HOME/orderlift} or {@code ~/.local/share/orderlift} on Linux,
 * {@code %APPDATA%\Orderlift} on Windows, {@code ~/Library/Application Support/Orderlift} on macOS.
 * The system property {@code orderlift.home}, or else the environment variable {@code ORDERLIFT_HOME},
 * overrides it (tests, screenshots, portable installs).
 */
public final class UserDataDirectory {

    /** System property that overrides the data directory. */
    public static final String OVERRIDE_PROPERTY = "orderlift.home";
    /** Environment variable that overrides the data directory when the property is not set. */
    public static final String OVERRIDE_ENVIRONMENT = "ORDERLIFT_HOME";

    private UserDataDirectory() {
    }

    public static Path get() {
        String override = System.getProperty(OVERRIDE_PROPERTY, System.getenv(OVERRIDE_ENVIRONMENT));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Orderlift") : home.resolve("Orderlift");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Orderlift");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("orderlift");
    }
}
