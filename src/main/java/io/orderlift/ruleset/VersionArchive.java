package io.orderlift.ruleset;

import java.io.IOException;
import java.nio.file.Path;

import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;

/**
 * The rule sets a store published, as kept in it: what changed between two versions, and a
 * version written to a file again, byte for byte (its content hash still holds).
 */
public final class VersionArchive {

    private final PublishedVersions versions;

    public VersionArchive(Store store) {
        this.versions = new PublishedVersions(store);
    }

    /** What changed from version {@code from} to version {@code to}. */
    public RuleSetDiff diff(int from, int to) {
        return RuleSetDiff.between(read(from), read(to));
    }

    /** Writes {@code version} to {@code out} atomically, exactly as it was published; returns its size. */
    public int export(int version, Path out) throws IOException {
        byte[] content = content(version);
        new AtomicFileWriter().write(out, content);
        return content.length;
    }

    private RuleSet read(int version) {
        return RuleSetJson.read(content(version), "version " + version);
    }

    private byte[] content(int version) {
        return versions.content(version).orElseThrow(() ->
                new IllegalArgumentException("There is no published version " + version));
    }
}
