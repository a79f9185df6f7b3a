package io.orderlift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.ruleset.RuleSetDiff;
import io.orderlift.ruleset.VersionArchive;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift versions}: the published rule sets kept in the store; diff two, export one. */
@Command(name = "versions", header = "List, diff or export the rule sets published from a store.",
        description = {
        "The rule sets published from the store (every version is kept):",
        "  versions --store DIR [--json]                      list them",
        "  versions --store DIR --diff A,B [--json]           what changed from version A to B",
        "  versions --store DIR --export N --out FILE         write version N again"})
final class VersionsCommand implements Callable<Integer> {

    /** {@code --export}'s result in {@code --json}. JSON names are read by outside checks. */
    record Exported(int version, String file, int bytes) {
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--diff", paramLabel = "A,B", description = "What changed from version A to version B: "
            + "settings, pins, exclusions, and pairs added, removed or re-ranked (the fewest moves that explain "
            + "the new order), the 30 at the best-selling anchors listed.")
    String diff;

    @Option(names = "--export", paramLabel = "N", description = "Write version N again (with --out).")
    Integer export;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --export writes the version.")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        try (Store source = store.open()) {
            PublishedVersions versions = new PublishedVersions(source);
            if (diff != null) {
                String[] ab = diff.split(",");
                if (ab.length != 2) {
                    throw new IllegalArgumentException("--diff takes two versions: A,B");
                }
                RuleSetDiff d = new VersionArchive(source).diff(number(ab[0]), number(ab[1]));
                o.println(json.enabled ? Json.write(d) : describe(d));
            } else if (export != null) {
                if (out == null) {
                    throw new IllegalArgumentException("--export needs --out FILE");
                }
                int bytes = new VersionArchive(source).export(export, out);
                o.println(json.enabled ? Json.write(new Exported(export, out.toString(), bytes))
                        : String.format("Wrote version %d to %s (%,d bytes).", export, out, bytes));
            } else {
                var all = versions.all();
                if (json.enabled) {
                    o.println(Json.write(all));
                } else if (all.isEmpty()) {
                    o.println("Nothing published yet (orderlift publish).");
                } else {
                    all.forEach(v -> o.println(String.format("v%-4d %s  %,10d bytes  %s%s", v.version(),
                            InfoCommand.when(v.publishedAt()), v.sizeBytes(), v.fileName(),
                            v.note() == null || v.note().isEmpty() ? "" : "  \"" + v.note() + "\"")));
                }
            }
        }
        o.flush();
        return 0;
    }

    private static int number(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + number + "' is not a version number");
        }
    }

    private static String describe(RuleSetDiff d) {
        StringBuilder text = new StringBuilder(String.format("From v%d to v%d: %s; %s added, %d removed.",
                d.fromVersion(), d.toVersion(), d.countsInWords(), Counted.of(d.productsAdded(), "product"),
                d.productsRemoved()));
        d.changesInWords().forEach(line -> text.append(System.lineSeparator()).append("  ").append(line));
        return text.toString();
    }
}
