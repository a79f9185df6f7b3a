package io.orderlift.evaluation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orderlift.common.Money;
import io.orderlift.ranking.WeightingProfile;

/**
 * How the profile that ranks now stands against a backtest's validated settings: the settings the
 * search chooses that it holds otherwise ({@code backtest --json} key {@code activeProfile}). The
 * settings the search leaves alone (list lengths, the category cap, the customer floor) are the
 * profile's own and are not compared.
 *
 * @param name        the active profile's name ({@code default} for the built-in settings)
 * @param usesChosen  whether it already ranks with every validated setting
 * @param differences the validated settings it holds otherwise, in the search's order
 */
public record VersusActive(String name, boolean usesChosen, List<Difference> differences) {

    /**
     * One validated setting the active profile holds otherwise.
     *
     * @param setting the profile's JSON key ({@code priceWeight}, {@code minEvidence}, …)
     * @param active  the active profile's value, as a profile's JSON writes it
     * @param chosen  the validated value
     */
    public record Difference(String setting, Object active, Object chosen,
                             @JsonIgnore String activeInWords, @JsonIgnore String chosenInWords) {
    }

    /** {@code active} against the validated {@code chosen}, amounts in words in {@code money}. */
    public static VersusActive of(WeightingProfile active, WeightingProfile chosen, Money money) {
        List<Difference> differences = new ArrayList<>();
        for (SettingsSearch.Dimension d : SettingsSearch.DIMENSIONS) {
            if (!d.same(active, chosen)) {
                differences.add(new Difference(d.name(), valueOf(active, d.name()), valueOf(chosen, d.name()),
                        d.words().apply(active, money), d.words().apply(chosen, money)));
            }
        }
        return new VersusActive(active.name(), differences.isEmpty(), List.copyOf(differences));
    }

    /**
     * {@code active} ranking with the validated settings of {@code chosen}: its name, list lengths,
     * category cap and customer floor kept, its provenance that of the choice. What "Use
     * these settings" and {@code backtest --apply} save, so a cap changed after the backtest stays.
     */
    public static WeightingProfile applied(WeightingProfile chosen, WeightingProfile active) {
        WeightingProfile result = active;
        for (SettingsSearch.Dimension d : SettingsSearch.DIMENSIONS) {
            result = d.copy(chosen, result);
        }
        return result.withChosenBy(chosen.chosenBy());
    }

    /**
     * One sentence: "The active profile, default, already ranks with these settings." or "The active
     * profile, default, ranks with 2 other settings: w 0.75 and … where the backtest validated w 1.00
     * and …".
     */
    @JsonIgnore
    public String inWords() {
        String profile = "The active profile, " + name + ",";
        if (usesChosen) {
            return profile + " already ranks with these settings.";
        }
        return String.format("%s ranks with %s: %s.", profile,
                differences.size() == 1 ? "1 other setting" : differences.size() + " other settings",
                differencesInWords());
    }

    /**
     * The differences alone: "w 0.75 and pairs seen at least 2 times where the backtest validated w 1.00
     * and pairs seen at least 1 time"; empty when there are none.
     */
    @JsonIgnore
    public String differencesInWords() {
        if (differences.isEmpty()) {
            return "";
        }
        return joined(differences.stream().map(Difference::activeInWords).collect(Collectors.toList()))
                + " where the backtest validated "
                + joined(differences.stream().map(Difference::chosenInWords).collect(Collectors.toList()));
    }

    /** "a", "a and b", "a, b and c". */
    private static String joined(List<String> phrases) {
        int last = phrases.size() - 1;
        return last == 0 ? phrases.get(0) : String.join(", ", phrases.subList(0, last)) + " and " + phrases.get(last);
    }

    /** The value of the record component {@code name} of {@code profile}, as its JSON writes it. */
    private static Object valueOf(WeightingProfile profile, String name) {
        for (RecordComponent component : WeightingProfile.class.getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(profile);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the profile's " + name, e);
                }
            }
        }
        throw new IllegalStateException("a profile has no setting " + name);
    }
}
