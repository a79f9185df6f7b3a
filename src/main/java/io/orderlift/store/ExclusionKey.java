package io.orderlift.store;

/**
 * Which exclusion: its kind and keys, as a command, the pairs browser or the store names one;
 * {@code second} is empty for one-key kinds.
 */
public record ExclusionKey(ExclusionKind kind, String first, String second) {

    public ExclusionKey {
        if (kind.twoKeys() == second.isEmpty()) {
            throw new IllegalArgumentException(kind + (kind.twoKeys() ? " needs two keys" : " has one key"));
        }
    }

    /** "sku OUT-SOCKS", "category-pair Tents → Stoves". */
    @Override
    public String toString() {
        return second.isEmpty() ? kind + " " + first : kind + " " + first + " → " + second;
    }
}
