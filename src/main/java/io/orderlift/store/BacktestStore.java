package io.orderlift.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.BACKTEST_REPORTS;
import static io.orderlift.store.db.Tables.EXCLUSIONS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;

/**
 * The store's last backtest report, kept as JSON with a fingerprint of what it read (the orders, the
 * exclusions it honoured, the profile its search started from), so that a view opening the store
 * later can show it and say whether the store has changed since.
 */
public final class BacktestStore {

    /** The one row: a new backtest replaces the last. */
    private static final int LAST = 1;

    /**
     * What a backtest reads, as fingerprints that compare equal while it is unchanged.
     *
     * @param orders     the import batches (how many, the newest id): every change of the orders is one
     * @param exclusions the SKU and category exclusions (the ones every replayed policy honours)
     * @param profile    the settings of the active profile, as the caller states them
     */
    public record Inputs(String orders, String exclusions, String profile) {
    }

    /** A saved report with when it ran and what it read. */
    public record SavedReport(Instant ranAt, Inputs inputs, String json) {
    }

    private final Store store;

    public BacktestStore(Store store) {
        this.store = store;
    }

    /**
     * The fingerprint of the store as it is now, with {@code profileSettings}: the active profile's
     * settings in a text that is equal exactly when they are (its name and notes left out).
     */
    public Inputs current(String profileSettings) {
        return store.readConsistently(ctx -> {
            var batches = ctx.select(DSL.count(), DSL.max(IMPORT_BATCHES.ID)).from(IMPORT_BATCHES).fetchOne();
            String orders = batches.value1() + " imports, newest #" + (batches.value2() == null ? 0 : batches.value2());
            StringBuilder excluded = new StringBuilder();
            ctx.select(EXCLUSIONS.KIND, EXCLUSIONS.FIRST_KEY).from(EXCLUSIONS)
                    .where(EXCLUSIONS.KIND.in(ExclusionKind.SKU.jsonName(), ExclusionKind.CATEGORY.jsonName()))
                    .orderBy(EXCLUSIONS.KIND, EXCLUSIONS.FIRST_KEY)
                    .forEach(r -> excluded.append(r.value1()).append('\u0000').append(r.value2()).append('\n'));
            return new Inputs(orders, fingerprint(excluded.toString()), fingerprint(profileSettings));
        });
    }

    /** Keeps {@code json} as the store's last backtest, run at {@code ranAt} on {@code inputs}. */
    public void save(Instant ranAt, Inputs inputs, String json) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            ctx.deleteFrom(BACKTEST_REPORTS).execute();
            ctx.insertInto(BACKTEST_REPORTS).set(BACKTEST_REPORTS.ID, LAST)
                    .set(BACKTEST_REPORTS.RAN_AT, OffsetDateTime.ofInstant(ranAt, ZoneOffset.UTC))
                    .set(BACKTEST_REPORTS.ORDERS_BASIS, inputs.orders())
                    .set(BACKTEST_REPORTS.EXCLUSIONS_BASIS, inputs.exclusions())
                    .set(BACKTEST_REPORTS.PROFILE_BASIS, inputs.profile())
                    .set(BACKTEST_REPORTS.REPORT, json).execute();
            return null;
        });
    }

    /** The last saved backtest, if one was saved. */
    public Optional<SavedReport> last() {
        return store.read(ctx -> ctx.selectFrom(BACKTEST_REPORTS).where(BACKTEST_REPORTS.ID.eq(LAST))
                .fetchOptional(r -> new SavedReport(r.getRanAt().toInstant(),
                        new Inputs(r.getOrdersBasis(), r.getExclusionsBasis(), r.getProfileBasis()), r.getReport())));
    }

    /** The SHA-256 of {@code text}, in hex: how {@link Inputs} fingerprints what it holds. */
    public static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
