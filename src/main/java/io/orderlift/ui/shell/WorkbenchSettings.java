package io.orderlift.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the workbench remembers between sessions — recent stores and the window's place and size —
 * in {@code workbench.properties} in the user data folder. Losing it is harmless, so failures to
 * read or write it are logged, not shown.
 */
public final class WorkbenchSettings {

    private static final Logger LOG = Logger.getLogger(WorkbenchSettings.class.getName());
    private static final int MAX_RECENT = 8;

    private final Path file;
    private final Properties values = new Properties();

    public WorkbenchSettings(Path dataDirectory) {
        this.file = dataDirectory.resolve("workbench.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot read " + file + "; starting with defaults", e);
            }
        }
    }

    /** Stores opened recently, newest first. */
    public List<Path> recentStores() {
        List<Path> stores = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = values.getProperty("recent." + i);
            if (value != null) {
                stores.add(Path.of(value));
            }
        }
        return stores;
    }

    public void rememberStore(Path store) {
        List<Path> stores = recentStores();
        stores.remove(store);
        stores.add(0, store);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < stores.size()) {
                values.setProperty("recent." + i, stores.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
        save();
    }

    /** The last window bounds: x, y, width, height. */
    public Optional<double[]> windowBounds() {
        try {
            String[] parts = values.getProperty("window", "").split(",");
            if (parts.length != 4) {
                return Optional.empty();
            }
            double[] bounds = new double[4];
            for (int i = 0; i < 4; i++) {
                bounds[i] = Double.parseDouble(parts[i]);
            }
            return Optional.of(bounds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void rememberWindow(double x, double y, double width, double height) {
        values.setProperty("window", x + "," + y + "," + width + "," + height);
        save();
    }

    /** The view (tab title) shown when the window last closed. */
    public Optional<String> lastView() {
        return Optional.ofNullable(values.getProperty("view"));
    }

    /** Whether the window was maximized when it last closed. */
    public boolean wasMaximized() {
        return Boolean.parseBoolean(values.getProperty("maximized", "false"));
    }

    /** Remembers the shown view and whether the window is maximized (with {@link #rememberWindow}). */
    public void rememberLayout(String view, boolean maximized) {
        values.setProperty("view", view);
        values.setProperty("maximized", Boolean.toString(maximized));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "Orderlift workbench settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save " + file, e);
        }
    }
}
