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
            Values v = new Values();
            for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                parser.nextToken();
                v.set(key, parser);
            }
            return new WeightingProfile(v.name, v.priceWeight, v.smoothing, v.minEvidence, v.backoffBelowOrders,
                    v.maxPriceRatio, v.oneTapMaxPrice, v.oneTapMaxShare, v.perCategoryCap, v.cartLength,
                    v.confirmationLength, v.minLift, Math.max(v.minCustomers, WeightingProfile.PRIVACY_FLOOR),
                    v.estimator, v.confirmationEvidence, v.chosenBy);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("A stored weighting profile cannot be read: " + e.getMessage(), e);
        }
    }

    /** The settings read so far; what no key sets stays as the data binding left it. */
    private static final class Values {
        String name;
        double priceWeight;
        double smoothing;
        int minEvidence;
        int backoffBelowOrders;
        double maxPriceRatio;
        double oneTapMaxPrice;
        double oneTapMaxShare;
        int perCategoryCap;
        int cartLength;
        int confirmationLength;
        double minLift;
        int minCustomers;
        Estimator estimator;
        ConfirmationEvidence confirmationEvidence;
        String chosenBy;

        void set(String key, JsonParser value) throws IOException {
            switch (key) {
                case "name" -> name = text(value);
                case "priceWeight" -> priceWeight = value.getDoubleValue();
                case "smoothing" -> smoothing = value.getDoubleValue();
                case "minEvidence" -> minEvidence = value.getIntValue();
                case "backoffBelowOrders" -> backoffBelowOrders = value.getIntValue();
                case "maxPriceRatio" -> maxPriceRatio = value.getDoubleValue();
                case "oneTapMaxPrice" -> oneTapMaxPrice = value.getDoubleValue();
                case "oneTapMaxShare" -> oneTapMaxShare = value.getDoubleValue();
                case "perCategoryCap" -> perCategoryCap = value.getIntValue();
                case "cartLength" -> cartLength = value.getIntValue();
                case "confirmationLength" -> confirmationLength = value.getIntValue();
                case "minLift" -> minLift = value.getDoubleValue();
                case "minCustomers" -> minCustomers = value.getIntValue();
                case "estimator" -> estimator = named(value, Estimator::fromJson);
                case "confirmationEvidence" -> confirmationEvidence = named(value, ConfirmationEvidence::fromJson);
                case "chosenBy" -> chosenBy = text(value);
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
}
