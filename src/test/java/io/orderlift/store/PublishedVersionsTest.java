package io.orderlift.store;

import static io.orderlift.store.db.Tables.PUBLISHED_RULESETS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Every published version is kept, gzipped, and read back exactly as written; versions kept as written before read back too. */
class PublishedVersionsTest {

    private static byte[] ruleSetLike(int entries) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"anchors\":[");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"WHS-").append(10_000 + random.nextInt(4_000))
                    .append("\",\"p\":").append(random.nextDouble()).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aVersionIsKeptGzippedAndReadBackAsWritten() {
        try (Store store = Store.inMemory()) {
            PublishedVersions versions = new PublishedVersions(store);
            byte[] file = ruleSetLike(20_000);
            PublishedVersions.Version v = versions.publish(Instant.now(), "note", "rules.json",
                    n -> new PublishedVersions.Published(file, "sha256:x"));
            assertEquals(file.length, v.sizeBytes(), "the size is the file's");
            byte[] kept = store.read(ctx -> ctx.select(PUBLISHED_RULESETS.CONTENT).from(PUBLISHED_RULESETS)
                    .fetchOne(PUBLISHED_RULESETS.CONTENT));
            assertTrue((kept[0] & 0xff) == 0x1f && (kept[1] & 0xff) == 0x8b, "gzipped");
            assertTrue(kept.length < file.length / 2, kept.length + " of " + file.length);
            assertArrayEquals(file, versions.content(v.version()).orElseThrow());
        }
    }

    @Test
    void aVersionKeptAsWrittenBeforeReadsBackAsItIs() {
        try (Store store = Store.inMemory()) {
            byte[] file = ruleSetLike(10);
            store.write(configuration -> org.jooq.impl.DSL.using(configuration).insertInto(PUBLISHED_RULESETS)
                    .set(PUBLISHED_RULESETS.VERSION, 1)
                    .set(PUBLISHED_RULESETS.PUBLISHED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                    .set(PUBLISHED_RULESETS.NOTE, "")
                    .set(PUBLISHED_RULESETS.CONTENT_HASH, "sha256:x")
                    .set(PUBLISHED_RULESETS.FILE_NAME, "old.json")
                    .set(PUBLISHED_RULESETS.SIZE_BYTES, (long) file.length)
                    .set(PUBLISHED_RULESETS.CONTENT, file).execute());
            assertArrayEquals(file, new PublishedVersions(store).content(1).orElseThrow());
        }
    }

    @Test
    void aDamagedGzippedVersionIsReportedNotPassedOn() {
        byte[] kept = PublishedVersions.gzip(ruleSetLike(100));
        byte[] cut = java.util.Arrays.copyOf(kept, kept.length / 2);
        StoreException refused = assertThrows(StoreException.class, () -> PublishedVersions.gunzipped(cut));
        assertTrue(refused.getMessage().startsWith("A published version kept in the store is damaged"), refused.getMessage());
    }
}
