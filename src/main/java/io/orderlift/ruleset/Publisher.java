package io.orderlift.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;


import io.orderlift.common.PlainJson;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.evaluator.ConformanceCheck;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.CurationStore;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;

/**
 * Publishes a store's rule set: builds it from the active profile, curation and mining run,
 * validates it against the schema, records the version in the store, then writes the file
 * atomically. If anything fails, the previous file and the store's version history are left as
 * they were; if the process dies between the two, the store lists a version whose file was not
 * written yet, never the other way round.
 */
public final class Publisher {


    private final AtomicFileWriter writer;

    public Publisher() {
        this(new AtomicFileWriter());
    }

    public Publisher(AtomicFileWriter writer) {
        this.writer = writer;
    }

    /** What a publish produced. JSON names are read by outside checks. */
    public record Result(long version, String file, long bytes, String contentHash, int products, int anchors,
                         long evidence, int conformanceCases, boolean approvedOnly, String profile,
                         List<String> warnings, Coverage coverage, SharedCompanions sharedCompanions) {
    }

    /**
     * Said of a rule set that recommends nothing (no product has a list or a pin: {@code coverage} lists
     * none): a storefront serving it shows no recommendation at all. Empty otherwise.
     *
     * @param parameters the rule set's: its privacy floor is named in the sentence, and a rule set of approved
     *                   pairs only is told to approve some
     */
    public static Optional<String> nothingToRecommend(Coverage coverage, RuleSet.Parameters parameters) {
        if (coverage.listed() > 0) {
            return Optional.empty();
        }
        if (parameters.approvedOnly()) {
            return Optional.of("No product has a list, so this rule set recommends nothing: it holds approved pairs"
                    + " and pins only, and there is no pin and no approved pair that clears the profile's floors."
                    + " Approve pairs (the Pairs tab, or curate approve), or publish every pair.");
        }
        return Optional.of("No product has a list, so this rule set recommends nothing: no pair clears the profile's"
                + " floors (its evidence and lift floors, a price, and the privacy floor of "
                + parameters.minCustomers() + " known customers behind a pair, to which a guest order adds none)."
                + " The cart preview, or recommend, says what keeps a cart's companions off.");
    }

    /**
     * Publishes to {@code out}.
     *
     * @param profileName  the profile to publish with, or null for the active one
     * @param approvedOnly publish only the approved pairs (and pins)
     */
    public Result publish(Store store, Path out, String note, String profileName, boolean approvedOnly) {
        return publish(store, out, note, profileName, approvedOnly, null);
    }

    /**
     * Publishes to {@code out} and, when {@code slices} is not null, also writes the same rule set
     * cut into per-product documents there ({@link RuleSetSlices}).
     */
    public Result publish(Store store, Path out, String note, String profileName, boolean approvedOnly,
                          Path slices) {
        return publish(store, out, note, profile(store, profileName), approvedOnly, slices);
    }

    /** As {@link #publish(Store, Path, String, String, boolean, Path)}, with a profile that need not be saved. */
    public Result publish(Store store, Path out, String note, WeightingProfile profile, boolean approvedOnly,
                          Path slices) {
        RuleSetBuilder builder = builder(store, profile, approvedOnly);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String text = note == null ? "" : note;
        String currency = new StoreQueries(store).currency().orElse(null);
        RuleSet[] published = new RuleSet[1];
        PublishedVersions versions = new PublishedVersions(store);
        byte[][] content = new byte[1][];
        // the version is recorded first, then the file written: killed in between, the store lists a
        // version the file does not hold yet, never a file the store does not know (issue 19)
        PublishedVersions.Version version = versions.publish(at, text, out.getFileName().toString(), number -> {
            RuleSetJson.Sealed sealed = RuleSetJson.seal(builder.build(number, store.name(), currency, at, text));
            RuleSet hashed = sealed.ruleSet();
            byte[] bytes = sealed.bytes();
            List<String> problems = schemaProblems(bytes);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The rule set does not match its schema: " + problems);
            }
            published[0] = hashed;
            content[0] = bytes;
            return new PublishedVersions.Published(bytes, hashed.contentHash());
        });
        try {
            writer.write(out, content[0]);
        } catch (IOException | RuntimeException e) {
            versions.withdraw(version.version());
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot write " + out + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        RuleSet r = published[0];
        if (slices != null) {
            try {
                RuleSetSlices.write(r, slices);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the slices to " + slices + ": " + e.getMessage(), e);
            }
        }
        Coverage coverage = Coverage.of(r);
        long evidence = r.anchors().stream().mapToLong(a -> Coverage.size(a.cart()) + Coverage.size(a.confirmation()))
                .sum();
        return new Result(version.version(), out.toString(), version.sizeBytes(), r.contentHash(), r.products().size(),
                r.anchors().size(), evidence, r.conformance().size(), approvedOnly, r.parameters().profile(),
                nothingToRecommend(coverage, r.parameters()).stream().toList(), coverage, SharedCompanions.of(r));
    }

    /**
     * What publishing now would write, without writing it: the rule set, whether it is valid
     * against the schema, whether its conformance cases replay, and what changed since the last
     * published version (null when none was published).
     */
    public record Preview(RuleSet ruleSet, int bytes, List<String> schemaProblems, List<String> conformanceFailures,
                          RuleSetDiff changes, PublishedVersions.Version last) {
    }

    public Preview preview(Store store, String note, String profileName, boolean approvedOnly) {
        PublishedVersions versions = new PublishedVersions(store);
        RuleSetBuilder builder = builder(store, profile(store, profileName), approvedOnly);
        RuleSetJson.Sealed sealed = RuleSetJson.seal(builder.build(versions.nextVersion(), store.name(),
                new StoreQueries(store).currency().orElse(null), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                note == null ? "" : note));
        RuleSet hashed = sealed.ruleSet();
        byte[] bytes = sealed.bytes();
        List<String> problems = schemaProblems(bytes);
        List<String> failures = ConformanceCheck.failures(hashed);
        PublishedVersions.Version last = versions.newest().orElse(null);
        RuleSetDiff changes = last == null ? null : versions.content(last.version())
                .map(content -> RuleSetDiff.between(RuleSetJson.read(content, "version " + last.version()), hashed))
                .orElse(null);
        return new Preview(hashed, bytes.length, problems, failures, changes, last);
    }

    /** The store's profile {@code profileName}, or its active one. */
    private static WeightingProfile profile(Store store, String profileName) {
        Profiles profiles = new Profiles(store);
        return profileName == null ? profiles.active() : profiles.named(profileName);
    }

    /** The builder for {@code profile} and the store's curation and mining run. */
    private static RuleSetBuilder builder(Store store, WeightingProfile profile, boolean approvedOnly) {
        RankingModel model = RankingModels.load(store, profile.minCustomers());
        CurationRules curation = StoredCuration.load(store, model).approvedOnly(approvedOnly);
        return new RuleSetBuilder(model, curation, profile, new CurationStore(store).exclusions());
    }

    private static List<String> schemaProblems(byte[] bytes) {
        try {
            return RuleSetJson.schemaProblems(PlainJson.mapper().readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
