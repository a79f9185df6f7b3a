package io.orderlift.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.orderlift.common.Money;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.CurationStore;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every ranking view of the open store shares: the ranking model of its active mining run
 * with the stored curation (as a {@link Recommender}), the working weighting profile that the
 * weighting view edits and every table and preview ranks with, and the store's saved profiles.
 * Loading happens in the background; a newer load replaces an older one's result.
 */
public final class RankingSession {

    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<Recommender> recommender = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<WeightingProfile> profile = new SimpleObjectProperty<>(WeightingProfile.defaults());
    private final ReadOnlyObjectWrapper<WeightingProfile> saved = new ReadOnlyObjectWrapper<>(WeightingProfile.defaults());
    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Store> store = new ReadOnlyObjectWrapper<>();
    private volatile Money money = Money.PLAIN;
    private final ReadOnlyIntegerWrapper curationChanges = new ReadOnlyIntegerWrapper();
    private final BooleanBinding unsaved = Bindings.createBooleanBinding(() -> !profile.get().equals(saved.get()),
            profile, saved);
    /** Loads of a store: only the newest one's model is used. */
    private final Requests loads = new Requests();
    /** Re-reads of the curation: only the newest one's is swapped in. */
    private final Requests curationReads = new Requests();
    private Consumer<Throwable> onError = Tasks.shownByDefault("The ranking session");

    public RankingSession(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    private record Loaded(Recommender recommender, WeightingProfile active, List<String> names,
                          Money money) {
    }

    /** Loads {@code opened}'s active profile, saved profile names, ranking model and curation. */
    public void load(Store opened) {
        store.set(opened);
        Requests.Request request = loads.next();
        Tasks.create("Loading the ranking model", monitor -> {
            Profiles profiles = new Profiles(opened);
            WeightingProfile active = profiles.active();
            return new Loaded(recommenderOf(opened, active.minCustomers()), active, names(profiles),
                    new Money(new StoreQueries(opened).currency().orElse(null)));
        }).onSuccess(loaded -> {
            money = loaded.money();
            showProfiles(loaded.active(), loaded.names());
            recommender.set(loaded.recommender());
        }).onError(onError).onlyWhile(request::isNewest).runQuietly(tasks);
    }

    /**
     * Re-reads the curation (after an approval, pin or exclusion) and swaps it into the recommender;
     * counts the change so views listing the curation can refresh.
     */
    public void reloadCuration() {
        curationChanges.set(curationChanges.get() + 1);
        Store current = store.get();
        Recommender ranked = recommender.get();
        if (current == null || ranked == null) {
            return;
        }
        Requests.Request request = curationReads.next();
        Tasks.create("Reading the curation", monitor -> new Recommender(ranked.model(),
                        StoredCuration.load(current, ranked.model())))
                .onSuccess(recommender::set).onError(onError)
                .onlyWhile(() -> request.isNewest() && store.get() == current && recommender.get() == ranked)
                .runQuietly(tasks);
    }

    /**
     * Undoes the newest curation change of the open store, from any view; {@code done} receives what
     * was undone in words ("Undid: exclude sku OUT-SOCKS") or that there was nothing to undo.
     */
    public void undoCuration(Consumer<String> done) {
        changeCuration("Undo", CurationStore::undo, "Undid: ", "Nothing to undo.", done);
    }

    /** Redoes the change undone last; {@code done} receives what was redone, or that there was nothing. */
    public void redoCuration(Consumer<String> done) {
        changeCuration("Redo", CurationStore::redo, "Redid: ", "Nothing to redo.", done);
    }

    private void changeCuration(String title,
                                Function<CurationStore, Optional<CurationStore.AuditEntry>> change,
                                String prefix, String nothing, Consumer<String> done) {
        Store current = store.get();
        if (current == null) {
            return;
        }
        Tasks.create(title, monitor -> change.apply(new CurationStore(current)))
                .onSuccess(entry -> {
                    if (entry.isPresent()) {
                        reloadCuration();
                    }
                    done.accept(entry.map(e -> prefix + e.describe() + ".").orElse(nothing));
                }).onError(onError).runQuietly(tasks);
    }

    /** Saves the working profile under {@code name} and makes it the store's active profile. */
    public void saveProfileAs(String name) {
        Store current = store.get();
        if (current == null) {
            return;
        }
        WeightingProfile named = profile.get().withName(name);
        Tasks.create("Saving profile " + name, monitor -> {
            Profiles profiles = new Profiles(current);
            profiles.save(named, true);
            return names(profiles);
        }).onSuccess(names -> showProfiles(named, names)).onError(onError).runQuietly(tasks);
    }

    /** Makes the saved profile {@code name} the active and working one. */
    public void switchProfile(String name) {
        Store current = store.get();
        if (current == null || name == null) {
            return;
        }
        Tasks.create("Switching to profile " + name, monitor -> {
            Profiles profiles = new Profiles(current);
            WeightingProfile chosen = profiles.named(name);
            profiles.save(chosen, true);
            return new Switched(chosen, names(profiles));
        }).onSuccess(switched -> showProfiles(switched.profile(), switched.names())).onError(onError).runQuietly(tasks);
    }

    private record Switched(WeightingProfile profile, List<String> names) {
    }

    /**
     * Shows {@code active} as the saved and working profile among {@code names}: the names first, so
     * that a list shown the active profile's name already holds it.
     */
    private void showProfiles(WeightingProfile active, List<String> names) {
        profileNames.setAll(names);
        saved.set(active);
        profile.set(active);
    }

    /** The saved profile {@code name} (read in the calling thread). */
    public WeightingProfile readProfile(String name) {
        return new Profiles(store.get()).named(name);
    }

    /** Drops unsaved changes: the working profile goes back to the saved one. */
    public void revert() {
        profile.set(saved.get());
    }

    private static Recommender recommenderOf(Store store, int minCustomers) {
        try {
            RankingModel model = RankingModels.load(store, minCustomers);
            return new Recommender(model, StoredCuration.load(store, model));
        } catch (NotMinedException notMined) {
            return null; // every other storage failure reaches the person
        }
    }

    private static List<String> names(Profiles profiles) {
        List<String> names = new ArrayList<>(profiles.all().stream().map(WeightingProfile::name).toList());
        if (!names.contains(WeightingProfile.DEFAULT_NAME)) {
            names.add(0, WeightingProfile.DEFAULT_NAME);
        }
        return names;
    }

    /** The open store's prices for people, in its currency (plain numbers when it is not known). */
    public Money money() {
        return money;
    }

    /** The recommender of the active mining run with the stored curation; null until the store is mined. */
    public ReadOnlyObjectProperty<Recommender> recommenderProperty() {
        return recommender.getReadOnlyProperty();
    }

    /** The profile every view ranks with; edits are live and unsaved until {@link #saveProfileAs}. */
    public ObjectProperty<WeightingProfile> profileProperty() {
        return profile;
    }

    /** True while the working profile differs from its stored version. */
    public BooleanBinding unsavedBinding() {
        return unsaved;
    }

    /** The stored version of the working profile. */
    public ReadOnlyObjectProperty<WeightingProfile> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Counts curation changes made through this session. */
    public ReadOnlyIntegerProperty curationChangesProperty() {
        return curationChanges.getReadOnlyProperty();
    }

    public ObservableList<String> profileNames() {
        return profileNames;
    }

    public ReadOnlyObjectProperty<Store> storeProperty() {
        return store.getReadOnlyProperty();
    }
}
