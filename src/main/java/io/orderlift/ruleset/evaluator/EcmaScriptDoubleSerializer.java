package io.orderlift.ruleset.evaluator;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes doubles as JavaScript does ({@link EcmaScriptNumbers}); NaN and the infinities, which JSON
 * has no number for, as Jackson writes them (the strings {@code "NaN"}, {@code "Infinity"}), so that a
 * rule set holding one fails its schema with a reason and the command line prints what it printed before.
 */
final class EcmaScriptDoubleSerializer extends StdSerializer<Double> {

    EcmaScriptDoubleSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumber(EcmaScriptNumbers.format(value));
        } else {
            gen.writeNumber(value.doubleValue());
        }
    }
}
