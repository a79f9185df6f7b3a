package io.orderlift.ranking;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderlift.store.ProfileStore;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;

/** Weighting profiles in a store: saved as JSON, one active; the defaults when none was saved. */
public final class Profiles {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return profiles.active().map(p -> read(p.settings()));
    }

    /** The profile named {@code name}; "default" is the defaults unless one was saved under that name. */
    public WeightingProfile named(String name) {
        return profiles.get(name).map(p -> read(p.settings())).orElseGet(() -> {
            if (WeightingProfile.DEFAULT_NAME.equals(name)) {
                return WeightingProfile.defaults();
            }
            throw new IllegalArgumentException("There is no weighting profile named '" + name + "'");
        });
    }

    public void save(WeightingProfile profile, boolean activate) {
        try {
            profiles.save(profile.name(), JSON.writeValueAsString(profile), activate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void activate(String name) {
        profiles.activate(name);
    }

    public List<WeightingProfile> all() {
        return profiles.all().stream().map(p -> read(p.settings())).toList();
    }

    private static WeightingProfile read(String json) {
        try {
            ObjectNode tree =
                    (ObjectNode) JSON.readTree(json);
            // profiles saved before the floor was enforced are raised to it, not refused
            if (tree.path("minCustomers").asInt(WeightingProfile.PRIVACY_FLOOR) < WeightingProfile.PRIVACY_FLOOR) {
                tree.put("minCustomers", WeightingProfile.PRIVACY_FLOOR);
            }
            return JSON.treeToValue(tree, WeightingProfile.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("A stored weighting profile cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
