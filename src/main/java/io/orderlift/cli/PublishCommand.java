package io.orderlift.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.orderlift.common.Counted;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.Publisher;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift publish}: writes the rule set a storefront serves on its own. */
@Command(name = "publish", header = "Write the rule set a storefront serves, atomically, and keep the version in the store.",
        description = {
        "Write the rule set (JSON, validated against resources/ruleset.schema.json) atomically to FILE,",
        "and keep the version in the store."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the rule set.")
    Path out;

    @Option(names = "--note", defaultValue = "", paramLabel = "TEXT", description = "A note kept with the version.")
    String note;

    @Option(names = "--approved-only", description = "Publish only the pairs approved by the merchandiser (and pins).")
    boolean approvedOnly;

    @Option(names = "--profile", paramLabel = "NAME", description = "The weighting profile (default: the active one).")
    String profile;

    @Option(names = "--popularity", description = {"Publish \"customers also bought\" instead: companions ranked by"
            + " how often bought together (price weight 0, no smoothing, floors, ceilings, category cap or backoff),"
            + " with the active profile's list lengths, for the popularity arm of a live test (docs/measuring.md)."})
    boolean popularity;

    @Option(names = "--slices", paramLabel = "DIR", description = {"Also write the rule set cut into small documents"
            + " (header.json, anchors/SKU.json, each at most 10 KB) for storefronts that hold small values."})
    Path slices;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Publisher.Result result;
        if (popularity && profile != null) {
            throw new IllegalArgumentException("--popularity publishes the classic widget's own settings; it takes no"
                    + " --profile");
        }
        try (Store source = store.open()) {
            result = popularity
                    ? new Publisher().publish(source, out, note,
                            WeightingProfile.classicPopularity(new Profiles(source).active()), approvedOnly, slices)
                    : new Publisher().publish(source, out, note, profile, approvedOnly, slices);
        }
        json.print(spec, result, r -> String.format(
                "Published version %d to %s: %,d bytes, %s, %s, %s, %d conformance cases (%s).",
                r.version(), r.file(), r.bytes(), Counted.of(r.products(), "product"),
                Counted.of(r.anchors(), "anchor"),
                Counted.of(r.evidence(), "evidence entry", "evidence entries"), r.conformanceCases(),
                r.contentHash()) + r.coverage().inWords().map(c -> String.format("%n%s", c)).orElse("")
                + r.sharedCompanions().inWords().map(c -> String.format("%n%s", c)).orElse("")
                + r.warnings().stream().map(w -> String.format("%nWarning: %s", w)).collect(Collectors.joining()));
        return 0;
    }
}
