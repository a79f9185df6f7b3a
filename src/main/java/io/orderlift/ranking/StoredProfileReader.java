package io.orderlift.ranking;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.orderlift.store.StoreException;

/**
 * Reads a weighting profile as the store keeps it (the JSON {@link Profiles#save} writes, one key per
 * record component) with Jackson's streaming parser, key by key. Jackson's data binding reads the same
 * JSON by reflection over the record, which in a fresh JVM loads some 500 classes: 0.23 s of a
 * {@code recommend} on the wholesale store (docs/benchmarks.md, session 38). As the
 * binding did: an absent key leaves its setting 0 (or the record's default for an absent estimator or
 * evidence), an unknown key is refused, and a profile saved before the privacy floor was enforced is
 * raised to it.
 */
final class StoredProfileReader {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredProfileReader() {
    }

    static WeightingProfile read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            // what no key sets stays 0 or null, as the data binding left it
            ProfileDraft v = new ProfileDraft();
            for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                parser.nextToken();
                set(v, key, parser);
            }
            v.minCustomers = Math.max(v.minCustomers, WeightingProfile.PRIVACY_FLOOR);
            return v.profile();
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("A stored weighting profile cannot be read: " + e.getMessage(), e);
        }
    }

    private static void set(ProfileDraft v, String key, JsonParser value) throws IOException {
        switch (key) {
            case "name" -> v.name = text(value);
            case "priceWeight" -> v.priceWeight = value.getDoubleValue();
            case "smoothing" -> v.smoothing = value.getDoubleValue();
            case "minEvidence" -> v.minEvidence = value.getIntValue();
            case "backoffBelowOrders" -> v.backoffBelowOrders = value.getIntValue();
            case "maxPriceRatio" -> v.maxPriceRatio = value.getDoubleValue();
            case "oneTapMaxPrice" -> v.oneTapMaxPrice = value.getDoubleValue();
            case "oneTapMaxShare" -> v.oneTapMaxShare = value.getDoubleValue();
            case "perCategoryCap" -> v.perCategoryCap = value.getIntValue();
            case "cartLength" -> v.cartLength = value.getIntValue();
            case "confirmationLength" -> v.confirmationLength = value.getIntValue();
            case "minLift" -> v.minLift = value.getDoubleValue();
            case "minCustomers" -> v.minCustomers = value.getIntValue();
            case "estimator" -> v.estimator = named(value, Estimator::fromJson);
            case "confirmationEvidence" -> v.confirmationEvidence = named(value, ConfirmationEvidence::fromJson);
            case "chosenBy" -> v.chosenBy = text(value);
            default -> throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
    }

    private static String text(JsonParser value) throws IOException {
        return value.currentToken() == JsonToken.VALUE_NULL ? null : value.getText();
    }

    /** The enum constant a JSON name stands for; null for a JSON null. */
    private static <T> T named(JsonParser value, Function<String, T> byName) throws IOException {
        String name = text(value);
        return name == null ? null : byName.apply(name);
    }
}
