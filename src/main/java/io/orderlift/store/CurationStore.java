package io.orderlift.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** A curated pair; {@code status} is approved, rejected or pinned. */
    public record CuratedPair(String placement, String anchorSku, String candidateSku, String status,
                              Integer pinOrder, String reason, Instant updatedAt) {
    }

    /** An exclusion; {@code kind} is sku, category, category-pair or pair; {@code second} is empty for one-key kinds. */
    public record Exclusion(String kind, String first, String second, String reason, Instant createdAt) {
    }

    /** One change. Values are JSON objects of the row's fields, or null where there was no row. */
    public record AuditEntry(int id, Instant at, String action, String target, String oldValue, String newValue,
                             boolean undone) {

        /** The change in words: "rejected pair TENT → STAKES (cart)", "exclude sku OUT-SOCKS". */
        public String describe() {
            Map<String, Object> t = parse(target);
            if ("pair".equals(t.get("type"))) {
                String what = "clear-pair".equals(action) ? "cleared" : action;
                return what + " pair " + t.get("b") + " → " + t.get("c") + " (" + t.get("a") + ")";
            }
            Object second = t.get("c");
            return action + " " + t.get("a") + " " + t.get("b")
                    + (second == null || second.toString().isEmpty() ? "" : " → " + second);
        }
    }

    public static final List<String> PAIR_STATUSES = List.of("approved", "rejected", "pinned");
    public static final List<String> EXCLUSION_KINDS = List.of("sku", "category", "category-pair", "pair");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() { };

    private final Store store;

    public CurationStore(Store store) {
        this.store = store;
    }

    /**
     * Sets the pair's status ({@code approved}, {@code rejected} or {@code pinned}), or clears it
     * with null. A new pin goes after the anchor's other pins.
     */
    public void setPair(String placement, String anchorSku, String candidateSku, String status, String reason) {
        if (status != null && !PAIR_STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + PAIR_STATUSES);
        }
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Map<String, Object> old = pairRow(ctx, placement, anchorSku, candidateSku);
            Map<String, Object> now = null;
            if (status == null) {
                deletePair(ctx, placement, anchorSku, candidateSku);
            } else {
                Integer pinOrder = null;
                if (status.equals("pinned")) {
                    pinOrder = old != null && "pinned".equals(old.get("status")) ? (Integer) old.get("pinOrder")
                            : nextPin(ctx, placement, anchorSku);
                }
                now = pairMap(placement, anchorSku, candidateSku, status, pinOrder, reason);
                writePair(ctx, now);
            }
            audit(ctx, status == null ? "clear-pair" : status, target("pair", placement, anchorSku, candidateSku),
                    old, now);
            return null;
        });
    }

    /** Adds (or re-words) an exclusion. */
    public void exclude(String kind, String first, String second, String reason) {
        checkKind(kind);
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Map<String, Object> old = exclusionRow(ctx, kind, first, second);
            Map<String, Object> now = exclusionMap(kind, first, second, reason);
            writeExclusion(ctx, now);
            audit(ctx, "exclude", target("exclusion", kind, first, second), old, now);
            return null;
        });
    }

    /** Removes an exclusion; returns false when there was none. */
    public boolean include(String kind, String first, String second) {
        checkKind(kind);
        return store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            Map<String, Object> old = exclusionRow(ctx, kind, first, second);
            if (old == null) {
                return false;
            }
            ctx.deleteFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq(kind), EXCLUSIONS.FIRST_KEY.eq(first),
                    EXCLUSIONS.SECOND_KEY.eq(second)).execute();
            audit(ctx, "include", target("exclusion", kind, first, second), old, null);
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
        Map<String, Object> target = parse(targetJson);
        Map<String, Object> row = value == null ? null : parse(value);
        if ("pair".equals(target.get("type"))) {
            deletePair(ctx, (String) target.get("a"), (String) target.get("b"), (String) target.get("c"));
            if (row != null) {
                writePair(ctx, row);
            }
        } else {
            ctx.deleteFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq((String) target.get("a")),
                    EXCLUSIONS.FIRST_KEY.eq((String) target.get("b")),
                    EXCLUSIONS.SECOND_KEY.eq((String) target.get("c"))).execute();
            if (row != null) {
                writeExclusion(ctx, row);
            }
        }
    }

    public List<CuratedPair> pairs() {
        return store.read(ctx -> ctx.selectFrom(CURATED_PAIRS).orderBy(CURATED_PAIRS.PLACEMENT,
                        CURATED_PAIRS.ANCHOR_SKU, CURATED_PAIRS.PIN_ORDER, CURATED_PAIRS.CANDIDATE_SKU)
                .fetch(r -> new CuratedPair(r.getPlacement(), r.getAnchorSku(), r.getCandidateSku(), r.getStatus(),
                        r.getPinOrder(), r.getReason(), r.getUpdatedAt().toInstant())));
    }

    public List<Exclusion> exclusions() {
        return store.read(ctx -> ctx.selectFrom(EXCLUSIONS).orderBy(EXCLUSIONS.KIND, EXCLUSIONS.FIRST_KEY,
                        EXCLUSIONS.SECOND_KEY)
                .fetch(r -> new Exclusion(r.getKind(), r.getFirstKey(), r.getSecondKey(), r.getReason(),
                        r.getCreatedAt().toInstant())));
    }

    /** The audit trail, newest first. */
    public List<AuditEntry> audit() {
        return store.read(ctx -> ctx.selectFrom(CURATION_AUDIT).orderBy(CURATION_AUDIT.ID.desc())
                .fetch(CurationStore::entry));
    }

    private static AuditEntry entry(io.orderlift.store.db.tables.records.CurationAuditRecord r) {
        return new AuditEntry(r.getId(), r.getAt().toInstant(), r.getAction(), r.getTarget(), r.getOldValue(),
                r.getNewValue(), r.getUndone());
    }

    private static void checkKind(String kind) {
        if (!EXCLUSION_KINDS.contains(kind)) {
            throw new IllegalArgumentException("exclusion kind must be one of " + EXCLUSION_KINDS);
        }
    }

    private static int nextPin(DSLContext ctx, String placement, String anchor) {
        Integer max = ctx.select(DSL.max(CURATED_PAIRS.PIN_ORDER)).from(CURATED_PAIRS)
                .where(CURATED_PAIRS.PLACEMENT.eq(placement), CURATED_PAIRS.ANCHOR_SKU.eq(anchor))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    private static Map<String, Object> pairRow(DSLContext ctx, String placement, String anchor, String candidate) {
        return ctx.selectFrom(CURATED_PAIRS).where(CURATED_PAIRS.PLACEMENT.eq(placement),
                        CURATED_PAIRS.ANCHOR_SKU.eq(anchor), CURATED_PAIRS.CANDIDATE_SKU.eq(candidate))
                .fetchOptional(r -> pairMap(placement, anchor, candidate, r.getStatus(), r.getPinOrder(),
                        r.getReason())).orElse(null);
    }

    private static Map<String, Object> pairMap(String placement, String anchor, String candidate, String status,
                                               Integer pinOrder, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("placement", placement);
        row.put("anchor", anchor);
        row.put("candidate", candidate);
        row.put("status", status);
        row.put("pinOrder", pinOrder);
        row.put("reason", reason);
        return row;
    }

    private static void writePair(DSLContext ctx, Map<String, Object> row) {
        deletePair(ctx, (String) row.get("placement"), (String) row.get("anchor"), (String) row.get("candidate"));
        ctx.insertInto(CURATED_PAIRS)
                .set(CURATED_PAIRS.PLACEMENT, (String) row.get("placement"))
                .set(CURATED_PAIRS.ANCHOR_SKU, (String) row.get("anchor"))
                .set(CURATED_PAIRS.CANDIDATE_SKU, (String) row.get("candidate"))
                .set(CURATED_PAIRS.STATUS, (String) row.get("status"))
                .set(CURATED_PAIRS.PIN_ORDER, (Integer) row.get("pinOrder"))
                .set(CURATED_PAIRS.REASON, (String) row.get("reason"))
                .set(CURATED_PAIRS.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static void deletePair(DSLContext ctx, String placement, String anchor, String candidate) {
        ctx.deleteFrom(CURATED_PAIRS).where(CURATED_PAIRS.PLACEMENT.eq(placement),
                CURATED_PAIRS.ANCHOR_SKU.eq(anchor), CURATED_PAIRS.CANDIDATE_SKU.eq(candidate)).execute();
    }

    private static Map<String, Object> exclusionRow(DSLContext ctx, String kind, String first, String second) {
        return ctx.selectFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq(kind), EXCLUSIONS.FIRST_KEY.eq(first),
                        EXCLUSIONS.SECOND_KEY.eq(second))
                .fetchOptional(r -> exclusionMap(kind, first, second, r.getReason())).orElse(null);
    }

    private static Map<String, Object> exclusionMap(String kind, String first, String second, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("first", first);
        row.put("second", second);
        row.put("reason", reason);
        return row;
    }

    private static void writeExclusion(DSLContext ctx, Map<String, Object> row) {
        ctx.deleteFrom(EXCLUSIONS).where(EXCLUSIONS.KIND.eq((String) row.get("kind")),
                EXCLUSIONS.FIRST_KEY.eq((String) row.get("first")),
                EXCLUSIONS.SECOND_KEY.eq((String) row.get("second"))).execute();
        ctx.insertInto(EXCLUSIONS)
                .set(EXCLUSIONS.KIND, (String) row.get("kind"))
                .set(EXCLUSIONS.FIRST_KEY, (String) row.get("first"))
                .set(EXCLUSIONS.SECOND_KEY, (String) row.get("second"))
                .set(EXCLUSIONS.REASON, (String) row.get("reason"))
                .set(EXCLUSIONS.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private static String target(String type, String a, String b, String c) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", type);
        target.put("a", a);
        target.put("b", b);
        target.put("c", c);
        return write(target);
    }

    private static void audit(DSLContext ctx, String action, String target, Map<String, Object> old,
                              Map<String, Object> now) {
        Integer max = ctx.select(DSL.max(CURATION_AUDIT.ID)).from(CURATION_AUDIT).fetchOne(0, Integer.class);
        ctx.insertInto(CURATION_AUDIT)
                .set(CURATION_AUDIT.ID, max == null ? 1 : max + 1)
                .set(CURATION_AUDIT.AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(CURATION_AUDIT.ACTION, action)
                .set(CURATION_AUDIT.TARGET, target)
                .set(CURATION_AUDIT.OLD_VALUE, old == null ? null : write(old))
                .set(CURATION_AUDIT.NEW_VALUE, now == null ? null : write(now))
                .set(CURATION_AUDIT.UNDONE, false)
                .execute();
    }

    private static String write(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, ROW);
        } catch (JsonProcessingException e) {
            throw new StoreException("The curation audit trail holds a value that cannot be read: " + json, e);
        }
    }
}
