package io.orderlift.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orderlift.common.PlainJson;
import io.orderlift.store.db.tables.records.CurationAuditRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CURATED_PAIRS;
import static io.orderlift.store.db.Tables.CURATION_AUDIT;
import static io.orderlift.store.db.Tables.EXCLUSIONS;

/**
 * The merchandiser's curation in the store: approved, rejected and pinned pairs per placement,
 * and exclusions of SKUs, categories, category pairs and pairs, each with a reason. Every change
 * is recorded in an audit trail (what, when, old and new value) and can be undone, newest first.
 */
public final class CurationStore {

    /** A curated pair. */
    public record CuratedPair(String placement, String anchorSku, String candidateSku, PairStatus status,
                              Integer pinOrder, String reason, Instant updatedAt) {
    }

    /** An exclusion; {@code second} is empty for one-key kinds. */
    public record Exclusion(ExclusionKind kind, String first, String second, String reason, Instant createdAt) {
    }

    /** One change. Values are JSON objects of the row's fields, or null where there was no row. */
    public record AuditEntry(int id, Instant at, String action, String target, String oldValue, String newValue,
                             boolean undone) {

        /** The change in words: "rejected pair TENT → STAKES (cart)", "exclude sku OUT-SOCKS". */
        public String describe() {
            Target t = Target.parse(target);
            if (t instanceof PairTarget pair) {
                String what = CLEAR_PAIR.equals(action) ? "cleared" : action;
                return what + " pair " + pair.anchor() + " → " + pair.candidate() + " (" + pair.placement() + ")";
            }
            ExclusionTarget exclusion = (ExclusionTarget) t;
            return action + " " + exclusion.kind() + " " + exclusion.first()
                    + (exclusion.second().isEmpty() ? "" : " → " + exclusion.second());
        }
    }

    /** The audit action of clearing a pair's status; setting one is recorded under the status's name. */
    static final String CLEAR_PAIR = "clear-pair";

    /** A curated pair's row as the audit trail records it (JSON keys: the component names). */
    private record PairRow(String placement, String anchor, String candidate, PairStatus status, Integer pinOrder,
                           String reason) {
    }

    /** An exclusion's row as the audit trail records it. */
    private record ExclusionRow(ExclusionKind kind, String first, String second, String reason) {
    }

    /**
     * What an audit entry changed. Stored as {@code {"type", "a", "b", "c"}}: a pair's placement, anchor
     * and candidate, or an exclusion's kind and keys (the format of every store's existing trail).
     */
    private sealed interface Target permits PairTarget, ExclusionTarget {

        static Target parse(String json) {
            JsonNode node = read(json);
            String a = node.path("a").asText();
            String b = node.path("b").asText();
            String c = node.path("c").isNull() ? "" : node.path("c").asText();
            return "pair".equals(node.path("type").asText()) ? new PairTarget(a, b, c)
                    : new ExclusionTarget(ExclusionKind.fromJson(a), b, c);
        }

        String json();
    }

    /** A target as stored. */
    private record StoredTarget(String type, String a, String b, String c) {
    }

    private record PairTarget(String placement, String anchor, String candidate) implements Target {
        @Override
        public String json() {
            return write(new StoredTarget("pair", placement, anchor, candidate));
        }
    }

    private record ExclusionTarget(ExclusionKind kind, String first, String second) implements Target {
        @Override
        public String json() {
            return write(new StoredTarget("exclusion", kind.jsonName(), first, second));
        }
    }

    private final Store store;

    public CurationStore(Store store) {
        this.store = store;
    }

    /** Sets the pair's status, or clears it with null. A new pin goes after the anchor's other pins. */
    public void setPair(String placement, String anchorSku, String candidateSku, PairStatus status, String reason) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            PairRow old = pairRow(ctx, placement, anchorSku, candidateSku);
            PairRow now = null;
            if (status == null) {
                deletePair(ctx, placement, anchorSku, candidateSku);
            } else {
                Integer pinOrder = null;
                if (status == PairStatus.PINNED) {
                    pinOrder = old != null && old.status() == PairStatus.PINNED ? old.pinOrder()
                            : nextPin(ctx, placement, anchorSku);
                }
                now = new PairRow(placement, anchorSku, candidateSku, status, pinOrder, reason);
                writePair(ctx, now);
            }
            audit(ctx, status == null ? CLEAR_PAIR : status.jsonName(),
                    new PairTarget(placement, anchorSku, candidateSku), old, now);
            return null;
        });
    }

    /** Adds (or re-words) an exclusion. */
    public void exclude(ExclusionKind kind, String first, String second, String reason) {
        excludeAll(Map.of(new ExclusionKey(kind, first, second), reason == null ? "" : reason));
    }

    /**
     * Adds (or re-words) several exclusions in one transaction, each with its reason (blank: none);
     * each is one step of the audit trail.
     */
    public void excludeAll(Map<ExclusionKey, String> reasons) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            reasons.forEach((key, reason) -> {
                ExclusionRow old = exclusionRow(ctx, key.kind(), key.first(), key.second());
                ExclusionRow now = new ExclusionRow(key.kind(), key.first(), key.second(),
                        reason.isBlank() ? null : reason);
                writeExclusion(ctx, now);
                audit(ctx, "exclude", new ExclusionTarget(key.kind(), key.first(), key.second()), old, now);
            });
            return null;
        });
    }

    /** Removes an exclusion; returns false when there was none. */
    public boolean include(ExclusionKind kind, String first, String second) {
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            ExclusionRow old = exclusionRow(ctx, kind, first, second);
            if (old == null) {
                return false;
            }
            deleteExclusion(ctx, kind, first, second);
            audit(ctx, "include", new ExclusionTarget(kind, first, second), old, null);
            return true;
        });
    }
    /** Undoes the newest change not yet undone, restoring the old value; empty when there is nothing to undo. */
    public Optional<AuditEntry> undo() {
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            var last = ctx.selectFrom(CURATION_AUDIT).where(CURATION_AUDIT.UNDONE.isFalse())
                    .orderBy(CURATION_AUDIT.ID.desc()).limit(1).fetchOptional();
            if (last.isEmpty()) {
                return Optional.empty();
            }
            var entry = last.get();
            restore(ctx, entry.getTarget(), entry.getOldValue());
            ctx.update(CURATION_AUDIT).set(CURATION_AUDIT.UNDONE, true).where(CURATION_AUDIT.ID.eq(entry.getId()))
                    .execute();
            return Optional.of(entry(entry));
        });
    }

    /**
     * Redoes the oldest change undone since the newest change still in force, applying its new value
     * again; empty when there is nothing to redo (a new change after an undo ends the redo chain).
     */
    public Optional<AuditEntry> redo() {
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Integer inForce = ctx.select(DSL.max(CURATION_AUDIT.ID)).from(CURATION_AUDIT)
                    .where(CURATION_AUDIT.UNDONE.isFalse()).fetchOne(0, Integer.class);
            var next = ctx.selectFrom(CURATION_AUDIT).where(CURATION_AUDIT.UNDONE.isTrue(),
                            CURATION_AUDIT.ID.gt(inForce == null ? 0 : inForce))
                    .orderBy(CURATION_AUDIT.ID.asc()).limit(1).fetchOptional();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            var entry = next.get();
            restore(ctx, entry.getTarget(), entry.getNewValue());
            ctx.update(CURATION_AUDIT).set(CURATION_AUDIT.UNDONE, false).where(CURATION_AUDIT.ID.eq(entry.getId()))
                    .execute();
            return Optional.of(entry(entry));
        });
    }

    /** Puts the audited {@code target} back to {@code value} (a row as JSON; null: no row). */
    private static void restore(DSLContext ctx, String targetJson, String value) {
        Target target = Target.parse(targetJson);
        if (target instanceof PairTarget pair) {
            deletePair(ctx, pair.placement(), pair.anchor(), pair.candidate());
            if (value != null) {
                writePair(ctx, parse(value, PairRow.class));
            }
        } else if (target instanceof ExclusionTarget exclusion) {
            deleteExclusion(ctx, exclusion.kind(), exclusion.first(), exclusion.second());
            if (value != null) {
                writeExclusion(ctx, parse(value, ExclusionRow.class));
            }
        }
    }

    public List<CuratedPair> pairs() {
        return store.read(ctx -> ctx.selectFrom(CURATED_PAIRS).orderBy(CURATED_PAIRS.PLACEMENT,
                        CURATED_PAIRS.ANCHOR_SKU, CURATED_PAIRS.PIN_ORDER, CURATED_PAIRS.CANDIDATE_SKU)
                .fetch(r -> new CuratedPair(r.getPlacement(), r.getAnchorSku(), r.getCandidateSku(),
                        PairStatus.fromJson(r.getStatus()), r.getPinOrder(), r.getReason(),
                        r.getUpdatedAt().toInstant())));
    }

    public List<Exclusion> exclusions() {
        return store.read(ctx -> ctx.selectFrom(EXCLUSIONS).orderBy(EXCLUSIONS.KIND, EXCLUSIONS.FIRST_KEY,
                        EXCLUSIONS.SECOND_KEY)
                .fetch(r -> new Exclusion(ExclusionKind.fromJson(r.getKind()), r.getFirstKey(), r.getSecondKey(),
                        r.getReason(), r.getCreatedAt().toInstant())));
    }

    /** The audit trail, newest first. */
    public List<AuditEntry> audit() {
        return store.read(ctx -> ctx.selectFrom(CURATION_AUDIT).orderBy(CURATION_AUDIT.ID.desc())
                .fetch(CurationStore::entry));
    }

    private static AuditEntry entry(CurationAuditRecord r) {
        return new AuditEntry(r.getId(), r.getAt().toInstant(), r.getAction(), r.getTarget(), r.getOldValue(),
                r.getNewValue(), r.getUndone());
    }

    private static int nextPin(DSLContext ctx, String placement, String anchor) {
        Integer max = ctx.select(DSL.max(CURATED_PAIRS.PIN_ORDER)).from(CURATED_PAIRS)
                .where(CURATED_PAIRS.PLACEMENT.eq(placement), CURATED_PAIRS.ANCHOR_SKU.eq(anchor))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    private static PairRow pairRow(DSLContext ctx, String placement, String anchor, String candidate) {
        return ctx.selectFrom(CURATED_PAIRS).where(CURATED_PAIRS.PLACEMENT.eq(placement),
                        CURATED_PAIRS.ANCHOR_SKU.eq(anchor), CURATED_PAIRS.CANDIDATE_SKU.eq(candidate))
                .fetchOptional(r -> new PairRow(placement, anchor, candidate, PairStatus.fromJson(r.getStatus()),
                        r.getPinOrder(), r.getReason())).orElse(null);
    }

    private static void writePair(DSLContext ctx, PairRow row) {
        deletePair(ctx, row.placement(), row.anchor(), row.candidate());
        ctx.insertInto(CURATED_PAIRS)
                .set(CURATED_PAIRS.PLACEMENT, row.placement())
                .set(CURATED_PAIRS.ANCHOR_SKU, row.anchor())
                .set(CURATED_PAIRS.CANDIDATE_SKU, row.candidate())
                .set(CURATED_PAIRS.STATUS, row.status().jsonName())
                .set(CURATED_PAIRS.PIN_ORDER, row.pinOrder())
                .set(CURATED_PAIRS.REASON, row.reason())
                .set(CURATED_PAIRS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static void deletePair(DSLContext ctx, String placement, String anchor, String candidate) {
        ctx.deleteFrom(CURATED_PAIRS).where(CURATED_PAIRS.PLACEMENT.eq(placement),
                CURATED_PAIRS.ANCHOR_SKU.eq(anchor), CURATED_PAIRS.CANDIDATE_SKU.eq(candidate)).execute();
    }

    private static ExclusionRow exclusionRow(DSLContext ctx, ExclusionKind kind, String first, String second) {
        return ctx.selectFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq(kind.jsonName()), EXCLUSIONS.FIRST_KEY.eq(first),
                        EXCLUSIONS.SECOND_KEY.eq(second))
                .fetchOptional(r -> new ExclusionRow(kind, first, second, r.getReason())).orElse(null);
    }

    private static void writeExclusion(DSLContext ctx, ExclusionRow row) {
        deleteExclusion(ctx, row.kind(), row.first(), row.second());
        ctx.insertInto(EXCLUSIONS)
                .set(EXCLUSIONS.KIND, row.kind().jsonName())
                .set(EXCLUSIONS.FIRST_KEY, row.first())
                .set(EXCLUSIONS.SECOND_KEY, row.second())
                .set(EXCLUSIONS.REASON, row.reason())
                .set(EXCLUSIONS.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static void deleteExclusion(DSLContext ctx, ExclusionKind kind, String first, String second) {
        ctx.deleteFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq(kind.jsonName()), EXCLUSIONS.FIRST_KEY.eq(first),
                EXCLUSIONS.SECOND_KEY.eq(second)).execute();
    }

    private static void audit(DSLContext ctx, String action, Target target, Record old, Record now) {
        Integer max = ctx.select(DSL.max(CURATION_AUDIT.ID)).from(CURATION_AUDIT).fetchOne(0, Integer.class);
        ctx.insertInto(CURATION_AUDIT)
                .set(CURATION_AUDIT.ID, max == null ? 1 : max + 1)
                .set(CURATION_AUDIT.AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(CURATION_AUDIT.ACTION, action)
                .set(CURATION_AUDIT.TARGET, target.json())
                .set(CURATION_AUDIT.OLD_VALUE, old == null ? null : write(old))
                .set(CURATION_AUDIT.NEW_VALUE, now == null ? null : write(now))
                .set(CURATION_AUDIT.UNDONE, false)
                .execute();
    }

    private static String write(Object value) {
        try {
            return PlainJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return PlainJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("The curation audit trail holds a value that cannot be read: " + json, e);
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return PlainJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("The curation audit trail holds a value that cannot be read: " + json, e);
        }
    }
}
