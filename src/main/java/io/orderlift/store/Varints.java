package io.orderlift.store;

import java.util.Arrays;

/**
 * The store's packed values: unsigned LEB128 varints (seven bits a byte, low bits first, the high
 * bit set on every byte but the last) and zigzag-mapped signed ones, written to a growing buffer
 * and read back from a position.
 */
final class Varints {

    private Varints() {
    }

    /** A growing buffer of varints. */
    static final class Writer {
        private byte[] buffer;
        private int length;

        Writer(int initialCapacity) {
            buffer = new byte[Math.max(16, initialCapacity)];
        }

        void unsigned(long value) {
            if (length + 10 > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + 10));
            }
            long v = value;
            while ((v & ~0x7fL) != 0) {
                buffer[length++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buffer[length++] = (byte) v;
        }

        /** One byte as it is, not a varint. */
        void rawByte(int value) {
            if (length + 1 > buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[length++] = (byte) value;
        }

        void signed(long value) {
            unsigned((value << 1) ^ (value >> 63));
        }

        int length() {
            return length;
        }

        /** A copy of the bytes written; the writer is empty again. */
        byte[] take() {
            byte[] bytes = Arrays.copyOf(buffer, length);
            length = 0;
            return bytes;
        }
    }

    /** Reads varints from a byte array, from a position that moves on. */
    static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int unsignedInt() {
            int result = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[at++];
                result |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
                shift += 7;
            }
        }

        long unsignedLong() {
            long result = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[at++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
                shift += 7;
            }
        }

        long signed() {
            long v = unsignedLong();
            return (v >>> 1) ^ -(v & 1);
        }

        byte nextByte() {
            return bytes[at++];
        }

        int position() {
            return at;
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
