package io.orderlift.samples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;

/**
 * The sample stores that ship inside the application ({@code sample-stores/NAME/orders.csv} on
 * the class path), turned into real stores under the user's data folder on first use.
 */
public final class BundledSamples {

    /** The store the workbench opens on first launch. */
    public static final String DEFAULT_STORE = "outdoor";
    /** Every bundled store's name. */
    public static final List<String> NAMES = List.of("outdoor", "kitchen", "beauty", "wholesale");
    /** The currency every bundled store is priced in (their READMEs quote US dollars; the files carry no currency). */
    static final String CURRENCY = "USD";

    private BundledSamples() {
    }

    /** Where the bundled store {@code name} lives once imported. */
    public static Path storeDirectory(Path dataDirectory, String name) {
        return dataDirectory.resolve("stores").resolve(name);
    }

    /**
     * The bundled store {@code name} under {@code dataDirectory}, imported from the class path if it
     * is not there yet. A failed or cancelled import leaves no half-made store behind.
     */
    public static Path ensureImported(Path dataDirectory, String name, ProgressMonitor monitor) throws IOException {
        Path directory = storeDirectory(dataDirectory, name);
        if (Store.exists(directory)) {
            return directory;
        }
        String resource = resource(name);
        Path temp = Files.createTempDirectory("orderlift-" + name + "-");
        Path csv = temp.resolve(name + "-" + resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = BundledSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The sample store " + name + " is not bundled with this build (" + resource + ")");
            }
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            Path staging = directory.resolveSibling(name + ".importing");
            deleteStore(staging);
            try (Store store = Store.openOrCreate(staging)) {
                new OrderImporter().importFile(store, ImportRequest.of(csv), monitor);
                new StoreQueries(store).setCurrency(CURRENCY);
            } catch (RuntimeException | IOException e) {
                deleteStore(staging);
                throw e;
            }
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            return directory;
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(temp);
        }
    }

    /** The order file of bundled store {@code name}: {@code orders.csv}, or gzipped when it is large. */
    static String resource(String name) {
        String plain = "/sample-stores/" + name + "/orders.csv";
        return BundledSamples.class.getResource(plain) != null ? plain : plain + ".gz";
    }

    private static void deleteStore(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
