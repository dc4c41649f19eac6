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
     * Beside each slot, three ints in a row: the string's hash, where its bytes are in {@link #arena} (-1 for a name
     * put in with {@link #add} that is not ASCII, which no run of the file's ASCII bytes can equal) and its length plus
     * one (0: an empty slot). A probe reads one cache line of them and the arena, and touches neither the string nor
     * its array until it has matched: with 200,000 ids in a 100,000-node file, those reads were a cache miss each
     * (docs/performance.md). One arena rather than an array per string, so that the table holds no more references than
     * its strings for the garbage collector to scan.
     */
    private int[] meta = new int[3 * 256];
    private byte[] arena = new byte[4096];
    private int used;
    private int size;

    /**
     * The string of the ASCII bytes {@code text[from, to)}, the one already in the table or a new one put there. Its
     * hash is computed as {@link String#hashCode} would compute it, so strings put in with {@link #add} are found.
     */
    String get(byte[] text, int from, int to) {
        int hash = 0;
        boolean spaced = false;
        for (int k = from; k < to; k++) {
            byte b = text[k];
            hash = 31 * hash + b;
            spaced |= b == ' ';
        }
        int len = to - from;
        // A text with a space is a line someone says or an explanation, however short: ids, tags, grades and names
        // have none. Two thirds of a big file's short texts were such lines, each used once; kept, they made the table
        // three times the size for nothing.
        if (spaced) return new String(text, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        int[] m = meta;
        int mask = slots.length - 1;
        for (int k = spread(hash) & mask; ; k = (k + 1) & mask) {
            int i = 3 * k;
            int stored = m[i + 2];
            if (stored == 0) break;
            if (m[i] != hash || stored != len + 1) continue;
            int a = m[i + 1];
            if (a >= 0 && java.util.Arrays.equals(arena, a, a + len, text, from, to)) return slots[k];
        }
        String s = new String(text, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        put(s, hash, store(text, from, len), len);
        return s;
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
        boolean ascii = true;
        for (int k = 0; ascii && k < s.length(); k++) ascii = s.charAt(k) < 128;
        int at = -1;
        if (ascii) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            at = store(bytes, 0, bytes.length);
        }
        put(s, s.hashCode(), at, s.length());
    }

    private void put(String s, int hash, int bytesAt, int len) {
        int mask = slots.length - 1;
        int k = spread(hash) & mask;
        while (meta[3 * k + 2] != 0) k = (k + 1) & mask;
        slots[k] = s;
        meta[3 * k] = hash;
        meta[3 * k + 1] = bytesAt;
        meta[3 * k + 2] = len + 1;
        if (++size * 2 > slots.length) grow();
    }

    private void grow() {
        String[] oldSlots = slots;
        int[] oldMeta = meta;
        slots = new String[oldSlots.length * 2];
        meta = new int[3 * slots.length];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == null) continue;
            int k = spread(oldMeta[3 * j]) & mask;
            while (meta[3 * k + 2] != 0) k = (k + 1) & mask;
            slots[k] = oldSlots[j];
            System.arraycopy(oldMeta, 3 * j, meta, 3 * k, 3);
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
