package io.orderlift.store;

import java.nio.file.Path;

/** Test helper run in a second JVM: opens a store, says "open", and keeps it open until killed. */
public final class HoldStoreOpen {

    private HoldStoreOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Store store = Store.open(Path.of(args[0]))) {
            System.out.println("open " + store.name());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
