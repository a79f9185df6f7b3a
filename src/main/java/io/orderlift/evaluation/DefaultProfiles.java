package io.orderlift.evaluation;

import java.util.Optional;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;

/**
 * A new store's default profile is the validated choice: after a store's first mining, when no
 * profile was ever saved in it, the backtest's validation period chooses every setting that moves
 * revenue ({@link Backtest#choose}) and the result is saved as the active {@code default} profile,
 * which says so in {@link WeightingProfile#chosenBy()}. A profile a person saved is never replaced.
 */
public final class DefaultProfiles {

    private DefaultProfiles() {
    }

    /**
     * Chooses and saves the default profile if the store has none saved yet; empty when it has one
     * or when its history is too short to choose from (the built-in defaults then stay).
     */
    public static Optional<WeightingProfile> chooseIfNew(Store store, ProgressMonitor monitor) {
        Profiles profiles = new Profiles(store);
        if (!profiles.all().isEmpty()) {
            return Optional.empty();
        }
        WeightingProfile chosen;
        try {
            chosen = new Backtest().choose(store, Backtest.Settings.defaults(), WeightingProfile.defaults(), monitor);
        } catch (IllegalArgumentException tooShort) {
            return Optional.empty();
        }
        profiles.save(chosen, true);
        return Optional.of(chosen);
    }
}
