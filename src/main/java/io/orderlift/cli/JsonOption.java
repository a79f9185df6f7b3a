package io.orderlift.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --json} switch shared by every command, and the one way a command prints its result. */
final class JsonOption {

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean enabled;

    /** Prints {@code value} as JSON with {@code --json}, else as {@code text} renders it. */
    <T> void print(CommandSpec spec, T value, Function<T, String> text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(enabled ? Json.write(value) : text.apply(value));
        out.flush();
    }

    /** As {@link #print(CommandSpec, Object, Function)}, with one more key in the JSON object. */
    <T> void print(CommandSpec spec, T value, String key, Object extra, Function<T, String> text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(enabled ? Json.writeWith(value, key, extra) : text.apply(value));
        out.flush();
    }

    /** As {@link #print(CommandSpec, Object, Function)}, with more keys in the JSON object. */
    <T> void print(CommandSpec spec, T value, Map<String, Object> extras, Function<T, String> text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(enabled ? Json.writeWith(value, extras) : text.apply(value));
        out.flush();
    }
}
