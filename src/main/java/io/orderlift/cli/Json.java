package io.orderlift.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.orderlift.ruleset.evaluator.JavaScriptJson;

/**
 * The command line's JSON output: records as objects, times as ISO-8601 strings, written as
 * {@code JSON.stringify(x, null, 2)} writes it ({@link JavaScriptJson}), so that {@code evaluate --json}
 * prints the same text as the JavaScript package's command line.
 */
final class Json {

    private static final ObjectMapper MAPPER = JavaScriptJson.configureWithAmounts(new ObjectMapper())
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .setDefaultPrettyPrinter(JavaScriptJson.indented())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code value}'s object with one more key: {@code key} holding {@code extra}. */
    static String writeWith(Object value, String key, Object extra) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put(key, extra);
        return writeWith(value, extras);
    }

    /** {@code value}'s object with more keys, in the order {@code extras} gives them. */
    static String writeWith(Object value, Map<String, Object> extras) {
        // a map, not a tree: a tree's numbers would be written past the number serializer
        Map<String, Object> fields = MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
        fields.putAll(extras);
        return write(fields);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
