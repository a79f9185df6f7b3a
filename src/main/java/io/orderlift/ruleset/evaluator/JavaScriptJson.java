package io.orderlift.ruleset.evaluator;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * JSON written as JavaScript's {@code JSON.stringify} writes it, so that what Java writes and what a
 * storefront's JavaScript writes are the same text: numbers as {@code String(x)}
 * ({@link EcmaScriptNumbers}), control characters escaped with lower-case hex (<code>&#92;u001f</code>, where
 * Jackson writes <code>&#92;u001F</code>), and, pretty-printed, the layout of {@code JSON.stringify(x, null, 2)}.
 */
public final class JavaScriptJson {

    private static final CharacterEscapes ESCAPES = new LowerCaseHexEscapes();

    private JavaScriptJson() {
    }

    /** {@code mapper} set to write numbers and strings as {@code JSON.stringify} does; returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(ESCAPES);
        return mapper.registerModule(numbers());
    }

    /** Doubles written as {@code String(x)} writes them, and nothing else changed. */
    static SimpleModule numbers() {
        return new SimpleModule("ecmascript-numbers")
                .addSerializer(Double.class, new EcmaScriptDoubleSerializer())
                .addSerializer(Double.TYPE, new EcmaScriptDoubleSerializer());
    }

    /**
     * {@code mapper} as {@link #configure} sets it, and amounts kept as decimals ({@code BigDecimal})
     * written exactly without trailing zeros ({@code 152.99}, not {@code 152.9900}; {@code 100}), as
     * {@code String(x)} writes such an amount; for the command line, whose reports carry amounts.
     */
    public static ObjectMapper configureWithAmounts(ObjectMapper mapper) {
        return configure(mapper).registerModule(new SimpleModule("plain-amounts")
                .addSerializer(BigDecimal.class, new PlainAmountSerializer()));
    }

    /** A decimal amount exactly, without trailing zeros and without exponent. */
    private static final class PlainAmountSerializer extends StdSerializer<BigDecimal> {

        PlainAmountSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * The layout of {@code JSON.stringify(x, null, 2)}: two spaces a level, {@code "key": value}, one
     * array element a line, and {@code []} and {@code {}} when empty.
     */
    public static PrettyPrinter indented() {
        DefaultIndenter twoSpaces = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(twoSpaces)
                .withArrayIndenter(twoSpaces);
    }

    /**
     * JSON's escapes as ECMA-262's QuoteJSONString writes them: the two-character forms where there
     * is one ({@code \b \t \n \f \r \" \\}), <code>&#92;u00XX</code> in lower-case hex for the other control
     * characters, everything else as it is.
     */
    private static final class LowerCaseHexEscapes extends CharacterEscapes {

        private final int[] codes;

        LowerCaseHexEscapes() {
            codes = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (codes[c] == ESCAPE_STANDARD) {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        /** Asked for the custom codes above and for every character beyond ASCII (null: as it is). */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
