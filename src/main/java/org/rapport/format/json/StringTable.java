package org.rapport.format.json;

/**
 * The short strings of one parse, each kept once: a field name, node id or tag that a file repeats thousands of times
 * becomes one string instead of thousands of copies. Besides the memory, equal ids are then the same object, so the
 * maps that look them up find them by identity and never hash the same characters twice.
 *
 * <p>Open addressing, with each string's hash and bytes kept beside it, so that a lookup from the file's bytes compares
 * two arrays; grows at half full, so a lookup stays one or two probes. Not shared between parses or threads.
 */
final class StringTable {
    /** Longer strings (the lines people say, the explanations) are rarely repeated: they are not looked up. */
    static final int MAX_LENGTH = 64;

    private String[] slots = new String[256];
    /** Beside each string, its hash and (for those read from bytes) its bytes: a lookup compares arrays, not strings. */
    private int[] hashes = new int[256];
    private byte[][] bytes = new byte[256][];
    private int size;

    /**
     * The string of the ASCII bytes {@code text[from, to)}, the one already in the table or a new one put there. Its
     * hash is computed as {@link String#hashCode} would compute it, so strings put in with {@link #add} are found.
     */
    String get(byte[] text, int from, int to) {
        int hash = 0;
        for (int k = from; k < to; k++) hash = 31 * hash + text[k];
        int len = to - from;
        int mask = slots.length - 1;
        for (int k = spread(hash) & mask; ; k = (k + 1) & mask) {
            String s = slots[k];
            if (s == null) break;
            if (hashes[k] != hash) continue;
            byte[] b = bytes[k];
            if (b == null) {
                // Put in with add: its bytes, once, for the next lookups (every name given beforehand is ASCII).
                if (s.length() != len || !same(s, text, from, len)) continue;
                bytes[k] = java.util.Arrays.copyOfRange(text, from, to);
                return s;
            }
            if (b.length == len && java.util.Arrays.equals(b, 0, len, text, from, to)) return s;
        }
        byte[] b = java.util.Arrays.copyOfRange(text, from, to);
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        put(s, hash, b);
        return s;
    }

    private static boolean same(String s, byte[] text, int from, int len) {
        for (int k = 0; k < len; k++) {
            if (s.charAt(k) != text[from + k]) return false;
        }
        return true;
    }

    /** Puts {@code s} in the table unless an equal string is there already. */
    void add(String s) {
        int mask = slots.length - 1;
        for (int k = spread(s.hashCode()) & mask; slots[k] != null; k = (k + 1) & mask) {
            if (slots[k].equals(s)) return;
        }
        put(s, s.hashCode(), null);
    }

    private void put(String s, int hash, byte[] b) {
        int mask = slots.length - 1;
        int k = spread(hash) & mask;
        while (slots[k] != null) k = (k + 1) & mask;
        slots[k] = s;
        hashes[k] = hash;
        bytes[k] = b;
        if (++size * 2 > slots.length) grow();
    }

    private void grow() {
        String[] oldSlots = slots;
        int[] oldHashes = hashes;
        byte[][] oldBytes = bytes;
        slots = new String[oldSlots.length * 2];
        hashes = new int[slots.length];
        bytes = new byte[slots.length][];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == null) continue;
            int k = spread(oldHashes[j]) & mask;
            while (slots[k] != null) k = (k + 1) & mask;
            slots[k] = oldSlots[j];
            hashes[k] = oldHashes[j];
            bytes[k] = oldBytes[j];
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
