package io.orderlift.cli;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The command line's JSON output: records as objects, times as ISO-8601 strings, pretty-printed. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** {@code value}'s object with one more key: {@code key} holding {@code extra}. */
    static String writeWith(Object value, String key, Object extra) {
        ObjectNode tree = MAPPER.valueToTree(value);
        tree.set(key, MAPPER.valueToTree(extra));
        return write(tree);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
