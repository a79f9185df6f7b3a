package io.orderlift.mining.external;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.orderlift.mining.MiningSettings;

/**
 * A finished run of the Spark mining job: its {@code run.json} (docs/scale.md), written last, so a
 * folder without it holds a run that did not finish.
 *
 * @param settings            how the job mined
 * @param orders              N
 * @param ordersEmpty         orders left out for an empty item set
 * @param ordersOverMaxBasket orders left out for a basket above the cap
 * @param lastOrderAt         T_last, or null without orders
 * @param products            product rows written
 * @param pairs               pair rows written
 * @param pairsDropped        pairs left out by {@code minCo}
 * @param startedAt           when the job started
 * @param durationMs          how long it ran
 */
public record JobRun(MiningSettings settings, int orders, int ordersEmpty, int ordersOverMaxBasket,
                     Instant lastOrderAt, long products, long pairs, long pairsDropped, Instant startedAt,
                     long durationMs) {

    /** The {@code format} a run.json must carry. */
    public static final String FORMAT = "orderlift-pairs";
    /** The {@code formatVersion} this version of Orderlift reads. */
    public static final int FORMAT_VERSION = 1;

    /** Reads {@code folder/run.json}; throws {@link IllegalArgumentException} with the reason when it cannot. */
    public static JobRun read(Path folder) throws IOException {
        Path file = folder.resolve("run.json");
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(folder + " holds no finished mining job: run.json is missing (the job"
                    + " writes it last; rerun the job if it stopped)");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a mining job's run (format is not " + FORMAT + ")");
        }
        if (json.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " has formatVersion " + json.path("formatVersion")
                    + "; this Orderlift reads version " + FORMAT_VERSION);
        }
        try {
            MiningSettings settings = new MiningSettings(number(json, "windowDays"), number(json, "maxBasket"),
                    number(json, "minCo"));
            return new JobRun(settings, number(json, "orders"), number(json, "ordersEmpty"),
                    number(json, "ordersOverMaxBasket"), instant(json, "lastOrderAt"), count(json, "products"),
                    count(json, "pairs"), count(json, "pairsDropped"), instant(json, "startedAt"),
                    count(json, "durationMs"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + " holds a time that is not ISO-8601: " + e.getParsedString());
        }
    }

    private static int number(JsonNode json, String key) {
        long value = count(json, key);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("run.json's " + key + " is too large: " + value);
        }
        return (int) value;
    }

    private static long count(JsonNode json, String key) {
        JsonNode node = json.get(key);
        if (node == null || !node.canConvertToLong() || node.asLong() < 0) {
            throw new IllegalArgumentException("run.json lacks a whole number ≥ 0 for " + key);
        }
        return node.asLong();
    }

    private static Instant instant(JsonNode json, String key) {
        JsonNode node = json.get(key);
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }
}
