package io.orderlift.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch shared by every command. */
final class JsonOption {

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean enabled;
}
