package io.orderlift.store.imports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.orderlift.common.OrderLineRules;

/**
 * Turns a source customer id or email into the store's pseudonymous customer key:
 * HMAC-SHA-256 with the store's secret salt, hex, first 20 bytes. The raw value is never stored.
 * Emails (anything with an {@code @}) compare case-insensitively; other ids exactly after trimming.
 */
final class CustomerKeys {

    private final Mac mac;

    CustomerKeys(byte[] salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The key for {@code customerId}; an empty id (unknown customer) has no key. */
    String keyOf(String customerId) {
        String id = OrderLineRules.customerIdentity(customerId);
        if (id == null) {
            return null;
        }
        byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 20);
    }
}
