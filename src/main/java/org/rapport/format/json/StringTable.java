package org.rapport.format.json;

/**
 * The short strings of one parse, each kept once: a field name, node id or tag that a file repeats thousands of times
 * becomes one string instead of thousands of copies. Besides the memory, equal ids are then the same object, so the
 * maps that look them up find them by identity and never hash the same characters twice.
 *
 * <p>Open addressing, with each string's hash and bytes kept beside it, so that a lookup from the file's bytes compares
 * bytes; grows at half full, so a lookup stays one or two probes. Not shared between parses or threads.
 */
final class StringTable {
    /** Longer strings (the lines people say, the explanations) are rarely repeated: they are not looked up. */
    static final int MAX_LENGTH = 64;

    private String[] slots = new String[256];
    /**
     * Beside each string, its hash and where its bytes are in {@link #arena} (-1 for a string put in with {@link #add}
     * until a lookup first matches it): a lookup compares bytes with bytes. One arena rather than an array per string,
     * so that the table holds no more references than its strings for the garbage collector to scan.
     */
    private int[] hashes = new int[256];
    private int[] at = new int[256];
    private byte[] arena = new byte[4096];
    private int used;
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
            if (hashes[k] != hash || s.length() != len) continue;
            int a = at[k];
            if (a < 0) {
                // Put in with add: its bytes, once, for the next lookups (every name given beforehand is ASCII).
                if (!same(s, text, from, len)) continue;
                at[k] = store(text, from, len);
                return s;
            }
            if (java.util.Arrays.equals(arena, a, a + len, text, from, to)) return s;
        }
        String s = new String(text, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        put(s, hash, store(text, from, len));
        return s;
    }

    private static boolean same(String s, byte[] text, int from, int len) {
        for (int k = 0; k < len; k++) {
            if (s.charAt(k) != text[from + k]) return false;
        }
        return true;
    }

    /** Copies {@code text[from, from + len)} into the arena; where it starts there. */
    private int store(byte[] text, int from, int len) {
        if (used + len > arena.length) arena = java.util.Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
        System.arraycopy(text, from, arena, used, len);
        used += len;
        return used - len;
    }

    /** Puts {@code s} in the table unless an equal string is there already. */
    void add(String s) {
        int mask = slots.length - 1;
        for (int k = spread(s.hashCode()) & mask; slots[k] != null; k = (k + 1) & mask) {
            if (slots[k].equals(s)) return;
        }
        put(s, s.hashCode(), -1);
    }

    private void put(String s, int hash, int bytesAt) {
        int mask = slots.length - 1;
        int k = spread(hash) & mask;
        while (slots[k] != null) k = (k + 1) & mask;
        slots[k] = s;
        hashes[k] = hash;
        at[k] = bytesAt;
        if (++size * 2 > slots.length) grow();
    }

    private void grow() {
        String[] oldSlots = slots;
        int[] oldHashes = hashes;
        int[] oldAt = at;
        slots = new String[oldSlots.length * 2];
        hashes = new int[slots.length];
        at = new int[slots.length];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == null) continue;
            int k = spread(oldHashes[j]) & mask;
            while (slots[k] != null) k = (k + 1) & mask;
            slots[k] = oldSlots[j];
            hashes[k] = oldHashes[j];
            at[k] = oldAt[j];
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
