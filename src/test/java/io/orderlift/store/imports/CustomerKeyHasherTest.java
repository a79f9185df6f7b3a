package io.orderlift.store.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerKeyHasherTest {

    private static final byte[] SALT = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void keysComeBackInTheOrderAddedAcrossBatchesAndMatchTheKeysOfOneHasher() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(i % 3 == 0 ? "Customer" + i + "@Example.com" : "C" + i);
        }
        CustomerKeys direct = new CustomerKeys(SALT);
        try (CustomerKeyHasher hasher = new CustomerKeyHasher(SALT)) {
            ids.forEach(hasher::add);
            hasher.add("   ");
            String[] keys = hasher.keys();
            assertEquals(ids.size() + 1, keys.length);
            assertArrayEquals(ids.stream().map(direct::keyOf).toArray(String[]::new),
                    Arrays.copyOf(keys, ids.size()));
            assertNull(keys[ids.size()], "an id that is blank once trimmed has no key");
        }
    }

    @Test
    void noCustomersNoKeys() {
        try (CustomerKeyHasher hasher = new CustomerKeyHasher(SALT)) {
            assertEquals(0, hasher.keys().length);
        }
    }
}
