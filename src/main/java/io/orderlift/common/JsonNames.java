package io.orderlift.common;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looking up an enum constant by the name it has in JSON and on the command line. */
public final class JsonNames {

    private JsonNames() {
    }

    /**
     * The constant of {@code values} whose {@code jsonName} (or Java name) is {@code name}; otherwise an
     * {@link IllegalArgumentException}: "{@code what} must be one of a, b, c, not x".
     */
    public static <E extends Enum<E>> E find(E[] values, Function<E, String> jsonName, String name, String what) {
        for (E value : values) {
            if (jsonName.apply(value).equals(name) || value.name().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " must be one of "
                + Arrays.stream(values).map(jsonName).collect(Collectors.joining(", ")) + ", not " + name);
    }
}
