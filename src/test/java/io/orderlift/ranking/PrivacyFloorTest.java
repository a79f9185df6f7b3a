package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orderlift.store.ProfileStore;
import io.orderlift.store.Store;
import org.junit.jupiter.api.Test;

/** DESIGN.md's privacy floor is a promise, not a preference: no profile goes below it. */
class PrivacyFloorTest {

    @Test
    void aProfileCannotLowerTheFloor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightingProfile("lax", 1, 5, 3, 30, 1, 60, 0.5, 2, 4, 3, 1, 1));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
    }

    @Test
    void aProfileSavedBeforeTheFloorWasEnforcedIsRaisedToIt() {
        try (Store store = Store.inMemory()) {
            new ProfileStore(store).save("old", "{\"name\":\"old\",\"priceWeight\":1.0,\"smoothing\":5.0,"
                    + "\"minEvidence\":3,\"backoffBelowOrders\":30,\"maxPriceRatio\":1.0,\"oneTapMaxPrice\":60.0,"
                    + "\"oneTapMaxShare\":0.5,\"perCategoryCap\":2,\"cartLength\":4,\"confirmationLength\":3,"
                    + "\"minLift\":1.0,\"minCustomers\":1}", true);
            assertEquals(WeightingProfile.PRIVACY_FLOOR, new Profiles(store).active().minCustomers());
        }
    }
}
