package io.orderlift.ruleset.evaluator;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Writes a rule set's doubles as JavaScript does ({@link EcmaScriptNumbers}). */
final class EcmaScriptDoubleSerializer extends StdSerializer<Double> {

    EcmaScriptDoubleSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(EcmaScriptNumbers.format(value));
    }
}
