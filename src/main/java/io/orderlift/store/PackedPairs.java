package io.orderlift.store;

/**
 * The purchase pairs of one mining run, packed per anchor: how they live in memory after mining
 * and in the store (one row per anchor, not one per pair). An anchor's pairs are sorted by
 * candidate id and encoded as unsigned LEB128 varints, four per pair: the candidate id's distance
 * from the previous candidate (from -1 for the first), {@code co}, {@code follow} and
 * {@code customers}. Exact, and about five bytes a pair on a real store's counts.
 *
 * <p>Each anchor's slot is written once ({@link #put}); different anchors may be written by
 * different threads, which must hand the object over through a happens-before edge (a
 * {@code Future}, a join).
 */
public final class PackedPairs {

    private static final byte[] EMPTY = new byte[0];

    private final byte[][] packed;
    private final int[] counts;

    /** Room for anchors {@code 0..anchors-1}, all without pairs. */
    public PackedPairs(int anchors) {
        packed = new byte[anchors][];
        counts = new int[anchors];
    }

    /** Receives one pair of a known anchor. */
    @FunctionalInterface
    public interface CandidateVisitor {
        void pair(int candidate, int co, int follow, int customers);
    }

    /** Receives one pair. */
    @FunctionalInterface
    public interface PairVisitor {
        void pair(int anchor, int candidate, int co, int follow, int customers);
    }

    /** Sets anchor {@code a}'s pairs: {@code count} of them, encoded by an {@link Encoder}. */
    public void put(int a, int count, byte[] bytes) {
        packed[a] = count == 0 ? null : bytes;
        counts[a] = count;
    }

    /** Number of anchor slots (the highest product id + 1). */
    public int anchors() {
        return counts.length;
    }

    /** Number of pairs of anchor {@code a}. */
    public int pairCount(int a) {
        return a < counts.length ? counts[a] : 0;
    }

    /** All pairs. */
    public long size() {
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Anchor {@code a}'s encoded pairs (empty when it has none); do not modify. */
    public byte[] packed(int a) {
        byte[] bytes = a < packed.length ? packed[a] : null;
        return bytes == null ? EMPTY : bytes;
    }

    /** Bytes of all encoded pairs. */
    public long packedBytes() {
        long total = 0;
        for (byte[] bytes : packed) {
            total += bytes == null ? 0 : bytes.length;
        }
        return total;
    }

    /** Visits anchor {@code a}'s pairs in candidate-id order. */
    public void forEachPairOf(int a, CandidateVisitor visitor) {
        decode(packed(a), pairCount(a), visitor);
    }

    /** Visits every pair, by anchor then candidate. */
    public void forEachPair(PairVisitor visitor) {
        for (int a = 0; a < counts.length; a++) {
            int anchor = a;
            forEachPairOf(a, (c, co, follow, customers) -> visitor.pair(anchor, c, co, follow, customers));
        }
    }

    /** Decodes {@code count} pairs of {@code bytes}. */
    public static void decode(byte[] bytes, int count, CandidateVisitor visitor) {
        Varints.Reader reader = new Varints.Reader(bytes);
        int candidate = -1;
        for (int i = 0; i < count; i++) {
            candidate += reader.unsignedInt();
            int co = reader.unsignedInt();
            int follow = reader.unsignedInt();
            visitor.pair(candidate, co, follow, reader.unsignedInt());
        }
        if (!reader.atEnd()) {
            throw new IllegalStateException("Packed pairs hold " + bytes.length + " bytes, " + count + " pairs use "
                    + reader.position());
        }
    }

    /** Encodes one anchor's pairs, in increasing candidate order; reusable after {@link #finish}. */
    public static final class Encoder {
        private final Varints.Writer writer = new Varints.Writer(256);
        private int count;
        private int previous = -1;

        public void add(int candidate, int co, int follow, int customers) {
            if (candidate <= previous || co < 0 || follow < 0 || customers < 0) {
                throw new IllegalArgumentException("pairs must come in increasing candidate order, counts ≥ 0");
            }
            writer.unsigned(candidate - previous);
            writer.unsigned(co);
            writer.unsigned(follow);
            writer.unsigned(customers);
            previous = candidate;
            count++;
        }

        /** Pairs added since the last finish. */
        public int count() {
            return count;
        }

        /** The encoded pairs; resets the encoder. */
        public byte[] finish() {
            count = 0;
            previous = -1;
            return writer.take();
        }
    }
}
