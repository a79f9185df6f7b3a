package io.orderlift.ranking;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.orderlift.common.PlainJson;
import io.orderlift.store.ProfileStore;
import io.orderlift.store.Store;

/** Weighting profiles in a store: saved as JSON, one active; the defaults when none was saved. */
public final class Profiles {

    private final ProfileStore profiles;

    public Profiles(Store store) {
        this.profiles = new ProfileStore(store);
    }

    /** The active profile, or {@link WeightingProfile#defaults()}. */
    public WeightingProfile active() {
        return activeSaved().orElse(WeightingProfile.defaults());
    }

    /** The active profile, when one is saved and active (else the built-in settings rank). */
    public Optional<WeightingProfile> activeSaved() {
        return profiles.active().map(p -> StoredProfileReader.read(p.settings()));
    }

    /** The profile named {@code name}; "default" is the defaults unless one was saved under that name. */
    public WeightingProfile named(String name) {
        return profiles.get(name).map(p -> StoredProfileReader.read(p.settings())).orElseGet(() -> {
            if (WeightingProfile.DEFAULT_NAME.equals(name)) {
                return WeightingProfile.defaults();
            }
            throw new IllegalArgumentException("There is no weighting profile named '" + name + "'");
        });
    }

    public void save(WeightingProfile profile, boolean activate) {
        try {
            profiles.save(profile.name(), PlainJson.mapper().writeValueAsString(profile), activate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void activate(String name) {
        profiles.activate(name);
    }

    public List<WeightingProfile> all() {
        return profiles.all().stream().map(p -> StoredProfileReader.read(p.settings())).toList();
    }
}
