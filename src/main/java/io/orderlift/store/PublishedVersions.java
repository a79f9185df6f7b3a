package io.orderlift.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.PUBLISHED_RULESETS;

/** The rule sets published from a store, every version kept. */
public final class PublishedVersions {

    /** One published version (without its content). */
    public record Version(int version, Instant publishedAt, String note, String contentHash, String fileName,
                          long sizeBytes) {
    }

    private final Store store;

    public PublishedVersions(Store store) {
        this.store = store;
    }

    /**
     * Records a new version in one transaction with {@code content}, which is given the version
     * number and returns the rule set's bytes: if it throws, nothing is recorded. The file is
     * written after this commits (a file on disk is then always a version the store lists, and no
     * number can name two files); {@link #withdraw} undoes the record when writing the file fails.
     */
    public Version publish(Instant at, String note, String fileName, Function<Integer, Published> content) {
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Integer max = ctx.select(DSL.max(PUBLISHED_RULESETS.VERSION)).from(PUBLISHED_RULESETS)
                    .fetchOne(0, Integer.class);
            int version = max == null ? 1 : max + 1;
            Published written = content.apply(version);
            ctx.insertInto(PUBLISHED_RULESETS)
                    .set(PUBLISHED_RULESETS.VERSION, version)
                    .set(PUBLISHED_RULESETS.PUBLISHED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(PUBLISHED_RULESETS.NOTE, note)
                    .set(PUBLISHED_RULESETS.CONTENT_HASH, written.contentHash())
                    .set(PUBLISHED_RULESETS.FILE_NAME, fileName)
                    .set(PUBLISHED_RULESETS.SIZE_BYTES, (long) written.content().length)
                    .set(PUBLISHED_RULESETS.CONTENT, gzip(written.content()))
                    .execute();
            return new Version(version, at, note, written.contentHash(), fileName, written.content().length);
        });
    }

    /**
     * Removes {@code version} again, if it is still the newest: its file could not be written, so
     * the store keeps no version that no file carries and the next publish reuses no number that a
     * file on disk holds.
     */
    public void withdraw(int version) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Integer max = ctx.select(DSL.max(PUBLISHED_RULESETS.VERSION)).from(PUBLISHED_RULESETS)
                    .fetchOne(0, Integer.class);
            if (max != null && max == version) {
                ctx.deleteFrom(PUBLISHED_RULESETS).where(PUBLISHED_RULESETS.VERSION.eq(version)).execute();
            }
            return null;
        });
    }

    /** What a publish records. */
    public record Published(byte[] content, String contentHash) {
    }

    /** The next version number. */
    public int nextVersion() {
        Integer max = store.read(ctx -> ctx.select(DSL.max(PUBLISHED_RULESETS.VERSION)).from(PUBLISHED_RULESETS)
                .fetchOne(0, Integer.class));
        return max == null ? 1 : max + 1;
    }

    /** Every version, newest first. */
    public List<Version> all() {
        return store.read(ctx -> ctx.select(PUBLISHED_RULESETS.VERSION, PUBLISHED_RULESETS.PUBLISHED_AT,
                        PUBLISHED_RULESETS.NOTE, PUBLISHED_RULESETS.CONTENT_HASH, PUBLISHED_RULESETS.FILE_NAME,
                        PUBLISHED_RULESETS.SIZE_BYTES).from(PUBLISHED_RULESETS)
                .orderBy(PUBLISHED_RULESETS.VERSION.desc())
                .fetch(r -> new Version(r.value1(), r.value2().toInstant(), r.value3(), r.value4(), r.value5(),
                        r.value6())));
    }

    /** The newest version, if any was published. */
    public Optional<Version> newest() {
        return all().stream().findFirst();
    }

    /** The content of {@code version}, exactly as written. */
    public Optional<byte[]> content(int version) {
        return store.read(ctx -> ctx.select(PUBLISHED_RULESETS.CONTENT).from(PUBLISHED_RULESETS)
                .where(PUBLISHED_RULESETS.VERSION.eq(version)).fetchOptional(PUBLISHED_RULESETS.CONTENT))
                .map(PublishedVersions::gunzipped);
    }

    /**
     * A version as the store keeps it: gzipped at the fastest level (a wholesale rule set of 2.54 MB
     * keeps 0.73 MB, in 30 ms), since every version is kept and a store publishing daily would grow by
     * the whole file each day. Versions published before were kept as written; a JSON file never opens
     * with gzip's magic bytes, so {@link #gunzipped} tells the two apart.
     */
    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: not expected
        }
        return out.toByteArray();
    }

    /** {@code stored} as written: ungzipped when the store kept it gzipped, else as it is. */
    static byte[] gunzipped(byte[] stored) {
        if (stored.length < 2 || (stored[0] & 0xff) != 0x1f || (stored[1] & 0xff) != 0x8b) {
            return stored;
        }
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("A published version kept in the store is damaged: " + e.getMessage(), e);
        }
    }
}
