package io.orderlift.cli;

import java.util.Locale;

import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.BacktestSummary;
import io.orderlift.evaluation.DefaultProfiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import picocli.CommandLine.Option;

/**
 * What a store's first mining run does about its default profile, shared by {@code mine} and
 * {@code import-pairs}: the backtest's validation periods choose it, unless {@code --keep-profile}.
 */
final class DefaultProfileOption {

    @Option(names = "--keep-profile", description = "Do not choose a new store's default profile by backtest.")
    boolean keep;

    /**
     * What a mining run did about the default profile, in {@code --json} as {@code defaultProfile}:
     * the profile the validation periods chose and saved, or why they could not choose; both null
     * when the store already had a profile or {@code --keep-profile} was given.
     */
    record Choice(WeightingProfile chosen, String notChosen, long durationMs) {

        /** The lines the text output ends with (none when nothing was chosen). */
        String describe(Money money) {
            if (chosen != null) {
                return String.format(Locale.ROOT, "%n  default profile %s, in %,.1f s: %s", chosen.chosenBy(),
                        durationMs / 1000.0, BacktestSummary.settings(chosen, money));
            }
            return notChosen == null ? ""
                    : String.format("%n  default profile not chosen by backtest, the built-in settings stay: %s",
                            notChosen);
        }
    }

    /** Chooses and saves the default profile of a store that has no saved profile, unless kept. */
    Choice chooseIfNew(Store store) {
        if (keep) {
            return new Choice(null, null, 0);
        }
        DefaultProfiles.Outcome outcome = DefaultProfiles.chooseIfNew(store, ProgressMonitor.NONE);
        return new Choice(outcome.chosen().orElse(null), outcome.notChosen().orElse(null), outcome.durationMs());
    }
}
