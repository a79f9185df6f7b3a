package io.orderlift.cli;

import java.util.HashSet;
import java.util.Set;

import io.orderlift.common.CommaList;
import picocli.CommandLine.Option;

/** {@code --unavailable SKU,...}: what the storefront knows is out of stock, as {@code recommend} and {@code evaluate} take it. */
final class UnavailableOption {

    @Option(names = "--unavailable", paramLabel = "SKU,...",
            description = "Never recommend these SKUs (out of stock, say); the list fills from the next best, as a"
                    + " storefront passing them gets it. A SKU holding a comma goes in double quotes.")
    String skus;

    /** The SKUs named, none when the option is absent. */
    Set<String> skus() {
        return skus == null ? Set.of() : new HashSet<>(CommaList.values(skus));
    }
}
