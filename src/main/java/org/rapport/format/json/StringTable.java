package org.rapport.format.json;

/**
 * The short strings of one parse, each kept once: a field name, node id or tag that a file repeats thousands of times
 * becomes one string instead of thousands of copies. Besides the memory, equal ids are then the same object, so the
 * maps that look them up find them by identity and never hash the same characters twice.
 *
 * <p>Open addressing over the strings themselves (their hash codes are cached in them); grows at half full, so a
 * lookup stays one or two probes. Not shared between parses or threads.
 */
final class StringTable {
    /** Longer strings (the lines people say, the explanations) are rarely repeated: they are not looked up. */
    static final int MAX_LENGTH = 64;

    private String[] slots = new String[256];
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
            if (s.hashCode() == hash && s.length() == len && same(s, text, from, len)) return s;
        }
        String s = new String(text, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        add(s);
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
        int k = spread(s.hashCode()) & mask;
        for (; slots[k] != null; k = (k + 1) & mask) {
            if (slots[k].equals(s)) return;
        }
        slots[k] = s;
        if (++size * 2 > slots.length) grow();
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String s : old) {
            if (s == null) continue;
            int k = spread(s.hashCode()) & mask;
            while (slots[k] != null) k = (k + 1) & mask;
            slots[k] = s;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
