package io.orderlift.store;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.WEIGHTING_PROFILES;

/** Named weighting profiles, stored as JSON settings; at most one is active. */
public final class ProfileStore {

    /** A stored profile. */
    public record StoredProfile(String name, String settings, boolean active) {
    }

    private final Store store;

    public ProfileStore(Store store) {
        this.store = store;
    }

    /** Saves (or overwrites) a profile; {@code activate} also makes it the active one. */
    public void save(String name, String settingsJson, boolean activate) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            boolean existing = ctx.fetchExists(WEIGHTING_PROFILES, WEIGHTING_PROFILES.NAME.eq(name));
            boolean anyActive = ctx.fetchExists(WEIGHTING_PROFILES, WEIGHTING_PROFILES.ACTIVE.isTrue());
            if (activate) {
                ctx.update(WEIGHTING_PROFILES).set(WEIGHTING_PROFILES.ACTIVE, false).execute();
            }
            if (existing) {
                ctx.update(WEIGHTING_PROFILES).set(WEIGHTING_PROFILES.SETTINGS, settingsJson)
                        .where(WEIGHTING_PROFILES.NAME.eq(name)).execute();
                if (activate) {
                    ctx.update(WEIGHTING_PROFILES).set(WEIGHTING_PROFILES.ACTIVE, true)
                            .where(WEIGHTING_PROFILES.NAME.eq(name)).execute();
                }
            } else {
                ctx.insertInto(WEIGHTING_PROFILES).set(WEIGHTING_PROFILES.NAME, name)
                        .set(WEIGHTING_PROFILES.SETTINGS, settingsJson)
                        .set(WEIGHTING_PROFILES.ACTIVE, activate || !anyActive).execute();
            }
            return null;
        });
    }

    /** Makes {@code name} the active profile. */
    public void activate(String name) {
        store.write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            if (!ctx.fetchExists(WEIGHTING_PROFILES, WEIGHTING_PROFILES.NAME.eq(name))) {
                throw new IllegalArgumentException("There is no weighting profile named '" + name + "'");
            }
            ctx.update(WEIGHTING_PROFILES).set(WEIGHTING_PROFILES.ACTIVE, WEIGHTING_PROFILES.NAME.eq(name)).execute();
            return null;
        });
    }

    public Optional<StoredProfile> get(String name) {
        return store.read(ctx -> ctx.selectFrom(WEIGHTING_PROFILES).where(WEIGHTING_PROFILES.NAME.eq(name))
                .fetchOptional(r -> new StoredProfile(r.getName(), r.getSettings(), r.getActive())));
    }

    public Optional<StoredProfile> active() {
        return store.read(ctx -> ctx.selectFrom(WEIGHTING_PROFILES).where(WEIGHTING_PROFILES.ACTIVE.isTrue())
                .fetchOptional(r -> new StoredProfile(r.getName(), r.getSettings(), r.getActive())));
    }

    public List<StoredProfile> all() {
        return store.read(ctx -> ctx.selectFrom(WEIGHTING_PROFILES).orderBy(WEIGHTING_PROFILES.NAME)
                .fetch(r -> new StoredProfile(r.getName(), r.getSettings(), r.getActive())));
    }
}
