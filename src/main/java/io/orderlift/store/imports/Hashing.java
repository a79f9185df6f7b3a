package io.orderlift.store.imports;

/** Stable 64-bit hashing for content fingerprints (the same across JVMs and runs). */
final class Hashing {

    private Hashing() {
    }

    /** FNV-1a over the UTF-16 code units of {@code text}. */
    static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
