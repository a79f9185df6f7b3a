package io.orderlift.cli;

import io.orderlift.mining.MiningSettings;
import picocli.CommandLine.Option;

/** The mining settings' options, shared by {@code mine} and {@code import-pairs}. */
final class MiningOptions {

    @Option(names = "--window-days", paramLabel = "N",
            description = "Follow-on window in days (× 24 h); 30 when not given (import-pairs: the store's current one).")
    Integer windowDays;

    @Option(names = "--max-basket", paramLabel = "N",
            description = "Ignore orders with more than N distinct items; 0 (no cap) when not given"
                    + " (import-pairs: the store's current cap).")
    Integer maxBasket;

    @Option(names = "--min-co", paramLabel = "N",
            description = "Store only pairs seen in at least N orders, same-order or follow-on; 1 (all) when not given"
                    + " (import-pairs: the store's current floor).")
    Integer minCo;

    /** The settings given, each one not given taken from {@code defaults}. */
    MiningSettings settings(MiningSettings defaults) {
        return new MiningSettings(windowDays == null ? defaults.windowDays() : windowDays,
                maxBasket == null ? defaults.maxBasket() : maxBasket, minCo == null ? defaults.minCo() : minCo);
    }
}
