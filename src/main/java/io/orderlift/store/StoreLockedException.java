package io.orderlift.store;

import java.nio.file.Path;

/** The store is already open in another Orderlift window or process. */
public final class StoreLockedException extends StoreException {

    public StoreLockedException(Path directory, Throwable cause) {
        super("The store " + directory + " is already open in another Orderlift window or command. "
                + "Close it there and try again; nothing was changed.", cause);
    }
}
