package io.orderlift.store;

/**
 * The purchase pairs of one mining run, packed per anchor: how they live in memory after mining
 * and in the store (one row per anchor, not one per pair). An anchor's pairs are sorted by
 * candidate id, each one a tag byte and, where the tag says so, {@link Varints unsigned varints}:
 *
 * <ul>
 *   <li>bit 7: the candidate is the previous one + 1 (from -1 for the first); else the distance
 *       follows;</li>
 *   <li>bits 4–6: {@code co} from 0 to 6; 7 means {@code co - 7} follows;</li>
 *   <li>bits 2–3: {@code follow} from 0 to 2; 3 means {@code follow - 3} follows;</li>
 *   <li>bits 0–1: {@code customers} is {@code co} (0), {@code co + follow} (1), or follows (2).</li>
 * </ul>
 *
 * <p>Exact; 1.7 bytes a pair on the wholesale store's counts (most candidates are the next id,
 * most counts small, and a pair's customers are mostly its orders), where four varints took four.
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

    private static final int NEXT = 0x80;
    private static final int CO_SHIFT = 4;
    private static final int CO_INLINE = 7;
    private static final int FOLLOW_SHIFT = 2;
    private static final int FOLLOW_INLINE = 3;
    private static final int CUSTOMERS_ARE_CO = 0;
    private static final int CUSTOMERS_ARE_CO_AND_FOLLOW = 1;
    private static final int CUSTOMERS_FOLLOW = 2;

    /** Decodes {@code count} pairs of {@code bytes}. */
    public static void decode(byte[] bytes, int count, CandidateVisitor visitor) {
        Varints.Reader reader = new Varints.Reader(bytes);
        int candidate = -1;
        try {
            for (int i = 0; i < count; i++) {
                int tag = reader.nextByte() & 0xff;
                candidate += (tag & NEXT) != 0 ? 1 : reader.unsignedInt();
                int co = (tag >>> CO_SHIFT) & CO_INLINE;
                if (co == CO_INLINE) {
                    co += reader.unsignedInt();
                }
                int follow = (tag >>> FOLLOW_SHIFT) & FOLLOW_INLINE;
                if (follow == FOLLOW_INLINE) {
                    follow += reader.unsignedInt();
                }
                int customers = switch (tag & 3) {
                    case CUSTOMERS_ARE_CO -> co;
                    case CUSTOMERS_ARE_CO_AND_FOLLOW -> co + follow;
                    case CUSTOMERS_FOLLOW -> reader.unsignedInt();
                    default -> throw damaged(bytes, count, reader);
                };
                visitor.pair(candidate, co, follow, customers);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw damaged(bytes, count, reader);
        }
        if (!reader.atEnd()) {
            throw damaged(bytes, count, reader);
        }
    }

    private static IllegalStateException damaged(byte[] bytes, int count, Varints.Reader reader) {
        return new IllegalStateException("Packed pairs hold " + bytes.length + " bytes, " + count
                + " pairs do not read as such (at byte " + reader.position() + ")");
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
            int distance = candidate - previous;
            int customerForm = customers == co ? CUSTOMERS_ARE_CO
                    : customers == (long) co + follow ? CUSTOMERS_ARE_CO_AND_FOLLOW : CUSTOMERS_FOLLOW;
            writer.rawByte((distance == 1 ? NEXT : 0) | Math.min(co, CO_INLINE) << CO_SHIFT
                    | Math.min(follow, FOLLOW_INLINE) << FOLLOW_SHIFT | customerForm);
            if (distance != 1) {
                writer.unsigned(distance);
            }
            if (co >= CO_INLINE) {
                writer.unsigned(co - CO_INLINE);
            }
            if (follow >= FOLLOW_INLINE) {
                writer.unsigned(follow - FOLLOW_INLINE);
            }
            if (customerForm == CUSTOMERS_FOLLOW) {
                writer.unsigned(customers);
            }
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
