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
     * What a mining run did about the default profile: chose one, kept the saved ones (both
     * empty), or could not choose from this history ({@code notChosen}: why; the built-in
     * defaults stay); {@code durationMs}: how long choosing took (0 when the saved ones were kept).
     */
    public record Outcome(Optional<WeightingProfile> chosen, Optional<String> notChosen, long durationMs) {

        public static Outcome kept() {
            return new Outcome(Optional.empty(), Optional.empty(), 0);
        }
    }

    /**
     * Chooses and saves the default profile if the store has none saved yet; nothing when it has one,
     * and the reason when its history cannot choose (too short, or a stray date emptying a period).
     */
    public static Outcome chooseIfNew(Store store, ProgressMonitor monitor) {
        Profiles profiles = new Profiles(store);
        if (!profiles.all().isEmpty()) {
            return Outcome.kept();
        }
        long started = System.nanoTime();
        WeightingProfile chosen;
        try {
            chosen = new Backtest().choose(store, Backtest.Settings.defaults(), WeightingProfile.defaults(), monitor);
        } catch (IllegalArgumentException tooShort) {
            return new Outcome(Optional.empty(), Optional.of(tooShort.getMessage()), millisSince(started));
        }
        profiles.save(chosen, true);
        return new Outcome(Optional.of(chosen), Optional.empty(), millisSince(started));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
