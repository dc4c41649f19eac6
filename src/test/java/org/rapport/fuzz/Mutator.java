package org.rapport.fuzz;

import org.rapport.fuzz.JsonTree.Arr;
import org.rapport.fuzz.JsonTree.J;
import org.rapport.fuzz.JsonTree.Member;
import org.rapport.fuzz.JsonTree.Obj;
import org.rapport.fuzz.JsonTree.Raw;
import org.rapport.fuzz.JsonTree.Slot;
import org.rapport.fuzz.JsonTree.Str;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways the fuzzers damage a dialogue. Tree mutations act on the parsed JSON (so that they reach the mapper and the
 * checks with otherwise well-formed files); byte mutations act on the written file (so that they reach the decoder and
 * the parser). Each mutation is a pure function of its seed, so a failing case can be replayed.
 */
final class Mutator {
    enum Kind {
        // tree mutations
        DELETE_FIELD, DUPLICATE_FIELD, RENAME_FIELD, UNKNOWN_FIELD, SWAP_TYPE, RANDOM_UNICODE, HUGE_NUMBER, DEEP_NESTING, NODE_ID,
        RETARGET, INFLATE_STRING, MOOD_ROUTES, EMPTY_CONTAINER, SHUFFLE, DROP_NODE, CLONE_NODE,
        // byte mutations
        FLIP_BITS, RANDOM_BYTES, DELETE_RANGE, TRUNCATE, DUPLICATE_RANGE, BAD_UTF8, INSERT_TOKEN;

        boolean onBytes() {
            return ordinal() >= FLIP_BITS.ordinal();
        }
    }

    /** One mutation: what to do and the seed that decides where and how. */
    record Mutation(Kind kind, long seed) {
        @Override
        public String toString() {
            return kind + "#" + seed;
        }
    }

    private Mutator() {
    }

    // == tree mutations ==

    static void apply(Kind kind, J root, SplittableRandom r) {
        switch (kind) {
            case DELETE_FIELD -> deleteField(root, r);
            case DUPLICATE_FIELD -> duplicateField(root, r);
            case RENAME_FIELD -> renameField(root, r);
            case UNKNOWN_FIELD -> unknownField(root, r);
            case SWAP_TYPE -> swapType(root, r);
            case RANDOM_UNICODE -> randomUnicode(root, r);
            case HUGE_NUMBER -> hugeNumber(root, r);
            case DEEP_NESTING -> deepNesting(root, r);
            case NODE_ID -> nodeId(root, r);
            case RETARGET -> retarget(root, r);
            case INFLATE_STRING -> inflate(root, r);
            case MOOD_ROUTES -> moodRoutes(root, r);
            case EMPTY_CONTAINER -> emptyContainer(root, r);
            case SHUFFLE -> shuffle(root, r);
            case DROP_NODE -> dropNode(root, r);
            case CLONE_NODE -> cloneNode(root, r);
            default -> throw new IllegalArgumentException(kind + " acts on bytes");
        }
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.isEmpty() ? null : list.get(r.nextInt(list.size()));
    }

    private static List<Obj> objects(J root) {
        List<Obj> out = new ArrayList<>();
        for (J j : JsonTree.all(root)) if (j instanceof Obj o && !o.members.isEmpty()) out.add(o);
        return out;
    }

    private static Obj nodes(J root) {
        return root instanceof Obj o && o.get("nodes") instanceof Obj n ? n : null;
    }

    private static List<String> nodeIds(J root) {
        Obj nodes = nodes(root);
        List<String> ids = new ArrayList<>();
        if (nodes != null) for (Member m : nodes.members) ids.add(m.key);
        return ids;
    }

    private static void deleteField(J root, SplittableRandom r) {
        Obj o = pick(objects(root), r);
        if (o != null) o.members.remove(r.nextInt(o.members.size()));
    }

    private static void duplicateField(J root, SplittableRandom r) {
        Obj o = pick(objects(root), r);
        if (o == null) return;
        Member m = pick(o.members, r);
        J value = r.nextBoolean() ? m.value.copy() : randomValue(r);
        o.members.add(r.nextInt(o.members.size() + 1), new Member(m.key, value));
    }

    private static void renameField(J root, SplittableRandom r) {
        Obj o = pick(objects(root), r);
        if (o == null) return;
        Member m = pick(o.members, r);
        m.key = typo(m.key, r);
    }

    /** A field the format does not know, in any object: a misspelt one, or a stranger ("$comment", "tone"). */
    private static void unknownField(J root, SplittableRandom r) {
        List<Obj> objs = objects(root);
        Obj o = pick(objs, r);
        if (o == null) return;
        String[] strangers = {"$comment", "tone", "emotoin", "Say", "next ", "", "x/y", "nodes"};
        String key = r.nextBoolean() ? typo(pick(o.members, r).key, r) : strangers[r.nextInt(strangers.length)];
        o.members.add(r.nextInt(o.members.size() + 1), new Member(key, randomValue(r)));
    }

    /** One slip of the keyboard: two letters swapped, one dropped, one doubled or added, a capital, an 's'. */
    static String typo(String s, SplittableRandom r) {
        if (s.isEmpty()) return "x";
        int i = r.nextInt(s.length());
        return switch (r.nextInt(6)) {
            case 0 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + "e";
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
            case 3 -> s.substring(0, i) + (char) ('a' + r.nextInt(26)) + s.substring(i);
            case 4 -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
            default -> s + "s";
        };
    }

    private static void swapType(J root, SplittableRandom r) {
        Slot s = pick(JsonTree.slots(root), r);
        if (s == null) return;
        J old = s.get();
        J v;
        do {
            v = randomValue(r);
        } while (v.getClass() == old.getClass() && !(v instanceof Raw));
        s.set(v);
    }

    /** A small value of any type. */
    static J randomValue(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> new Str(Texts.odd(r, 3));
            case 1 -> new Str("");
            case 2 -> new Raw(Integer.toString(r.nextInt(21) - 10));
            case 3 -> new Raw(r.nextBoolean() ? "true" : "false");
            case 4 -> new Raw("null");
            case 5 -> new Arr();
            case 6 -> new Arr().add(new Str("lead.listen")).add(new Raw("3"));
            case 7 -> new Obj();
            case 8 -> new Obj().put("to", new Str("opening")).put("say", new Raw("[]"));
            default -> new Raw("-0.5e1");
        };
    }

    /** Characters from every corner: astral, combining, invisible, right-to-left, controls, lone surrogates. */
    static String oddCodePoints(SplittableRandom r, int count) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < count; k++) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x20)); // controls, NUL included
                case 1 -> sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate
                case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000)); // astral planes
                case 3 -> sb.append(Texts.ODD.get(r.nextInt(Texts.ODD.size())));
                case 4 -> sb.append("\u0301\u0302\u0303"); // stacked combining marks
                case 5 -> sb.append(new char[]{'\u200e', '\u200f', '\u202e', '\u2066'}[r.nextInt(4)]);
                default -> {
                    int cp = r.nextInt(0x10000);
                    if (!Character.isSurrogate((char) cp)) sb.append((char) cp);
                }
            }
        }
        return sb.toString();
    }

    private static void randomUnicode(J root, SplittableRandom r) {
        String odd = oddCodePoints(r, 1 + r.nextInt(5));
        if (r.nextInt(3) == 0) {
            Obj o = pick(objects(root), r);
            if (o == null) return;
            Member m = pick(o.members, r);
            m.key = insertAt(m.key, odd, r);
        } else {
            List<Str> strs = new ArrayList<>();
            for (J j : JsonTree.all(root)) if (j instanceof Str s) strs.add(s);
            Str s = pick(strs, r);
            if (s != null) s.value = insertAt(s.value, odd, r);
        }
    }

    private static String insertAt(String s, String add, SplittableRandom r) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + add + s.substring(at);
    }

    /** Numbers no dialogue needs: beyond long, beyond double, thousands of digits, fractions, negative zero. */
    static String hugeNumberText(SplittableRandom r) {
        int k = 1 << (5 + r.nextInt(16)); // 32 .. 1,048,576 digits
        return switch (r.nextInt(18)) {
            case 0 -> "1e999999999";
            case 1 -> "-1e-999999999";
            case 2 -> "1E+2147483648";
            case 3 -> "99999999999999999999999999";
            case 4 -> "-9223372036854775809";
            case 5 -> "9223372036854775807";
            case 6 -> "2147483648";
            case 7 -> "-2147483649";
            case 8 -> "-0";
            case 9 -> "0.5";
            case 10 -> "3.000000000000000000001";
            case 11 -> "300e-2";
            case 12 -> "0e99999";
            case 13 -> "1" + "0".repeat(k);
            case 14 -> "0." + "0".repeat(k) + "1";
            case 15 -> "2." + "0".repeat(k);
            case 16 -> "-" + "9".repeat(k) + "e-" + k;
            default -> randomDigits(r, k);
        };
    }

    private static String randomDigits(SplittableRandom r, int k) {
        StringBuilder sb = new StringBuilder().append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < k; i++) sb.append((char) ('0' + r.nextInt(10)));
        return sb.toString();
    }

    private static void hugeNumber(J root, SplittableRandom r) {
        List<Slot> numbers = new ArrayList<>();
        List<Slot> all = JsonTree.slots(root);
        for (Slot s : all) if (s.get() instanceof Raw raw && raw.isNumber()) numbers.add(s);
        Slot s = pick(numbers.isEmpty() || r.nextInt(5) == 0 ? all : numbers, r);
        if (s != null) s.set(new Raw(hugeNumberText(r)));
    }

    private static void deepNesting(J root, SplittableRandom r) {
        Slot s = pick(JsonTree.slots(root), r);
        if (s == null) return;
        int[] depths = {8, 62, 63, 64, 65, 66, 500, 5000, 100_000};
        int depth = depths[r.nextInt(depths.length)];
        boolean lists = r.nextBoolean();
        String inner = JsonTree.write(s.get(), new JsonTree.Style(null, "\n", false, false));
        String open = lists ? "[" : "{\"a\":";
        String close = lists ? "]" : "}";
        s.set(new Raw(open.repeat(depth) + inner + close.repeat(depth)));
    }

    /** Node ids that break rules: slashes (paths use them), capitals, spaces, empty, huge, a duplicate of another. */
    static String weirdId(SplittableRandom r, List<String> existing) {
        int k = 1 << (3 + r.nextInt(16)); // 8 .. 262,144
        return switch (r.nextInt(16)) {
            case 0 -> "x/choices/" + (r.nextBoolean() ? "0" : "y");
            case 1 -> "a/b";
            case 2 -> "/";
            case 3 -> "Opening";
            case 4 -> "has space";
            case 5 -> "";
            case 6 -> "-lead";
            case 7 -> "a--b";
            case 8 -> "a-".repeat(k) + "a";
            case 9 -> "n".repeat(k);
            case 10 -> "caf\u00e9-" + oddCodePoints(r, 2);
            case 11 -> existing.isEmpty() ? "dup" : pick(existing, r);
            case 12 -> "nodes";
            case 13 -> existing.isEmpty() ? "near" : typo(pick(existing, r), r);
            case 14 -> "choices/0/next";
            default -> Texts.kebab(r);
        };
    }

    private static void nodeId(J root, SplittableRandom r) {
        Obj nodes = nodes(root);
        if (nodes == null || nodes.members.isEmpty()) return;
        Member m = pick(nodes.members, r);
        String old = m.key;
        String id = weirdId(r, nodeIds(root));
        m.key = id;
        if (r.nextBoolean()) {
            // Rename consistently: "start" and every "next" or "to" that named the node follow it.
            for (Slot s : JsonTree.slots(root)) {
                if (s.get() instanceof Str str && str.value.equals(old)
                        && ("start".equals(s.key()) || "next".equals(s.key()) || "to".equals(s.key()))) {
                    str.value = id;
                }
            }
        }
    }

    private static List<Str> references(J root) {
        List<Str> refs = new ArrayList<>();
        for (Slot s : JsonTree.slots(root)) {
            if (s.get() instanceof Str str && ("start".equals(s.key()) || "next".equals(s.key()) || "to".equals(s.key()))) {
                refs.add(str);
            }
        }
        return refs;
    }

    private static void retarget(J root, SplittableRandom r) {
        Str ref = pick(references(root), r);
        if (ref == null) return;
        List<String> ids = nodeIds(root);
        ref.value = r.nextInt(3) == 0 ? weirdId(r, ids) : ids.isEmpty() ? "nowhere" : pick(ids, r);
    }

    static String longText(SplittableRandom r) {
        int k = 1 << (10 + r.nextInt(11)); // 1,024 .. 1,048,576
        return switch (r.nextInt(5)) {
            case 0 -> "a-".repeat(k / 2) + "a";
            case 1 -> "x".repeat(k);
            case 2 -> " ".repeat(k);
            case 3 -> oddCodePoints(r, 8).repeat(Math.max(1, k / 16));
            default -> "\u00e9".repeat(k);
        };
    }

    private static void inflate(J root, SplittableRandom r) {
        if (r.nextInt(3) == 0) {
            Obj o = pick(objects(root), r);
            if (o != null) pick(o.members, r).key = longText(r);
            return;
        }
        List<Str> strs = new ArrayList<>();
        for (J j : JsonTree.all(root)) if (j instanceof Str s) strs.add(s);
        Str s = pick(strs, r);
        if (s != null) s.value = longText(r);
    }

    /** Mood bounds anywhere from -7 to 7 on a reply's routes, some to places the reply did not go. */
    private static void moodRoutes(J root, SplittableRandom r) {
        List<Obj> replies = new ArrayList<>();
        for (J j : JsonTree.all(root)) if (j instanceof Obj o && o.member("next") != null) replies.add(o);
        Obj reply = pick(replies, r);
        if (reply == null) return;
        List<String> ids = nodeIds(root);
        Member next = reply.member("next");
        String keep = next.value instanceof Str s ? s.value : ids.isEmpty() ? "x" : pick(ids, r);
        Arr routes = new Arr();
        int count = 1 + r.nextInt(4);
        for (int k = 0; k < count; k++) {
            Obj route = new Obj();
            int shape = r.nextInt(4);
            if (shape == 0 || shape == 2) route.put("moodAtMost", JsonTree.num(r.nextInt(15) - 7));
            if (shape == 1 || shape == 2) route.put("moodAtLeast", JsonTree.num(r.nextInt(15) - 7));
            route.put("to", new Str(r.nextBoolean() ? keep : ids.isEmpty() ? keep : pick(ids, r)));
            routes.add(route);
        }
        next.value = routes;
        if (reply.member("mood") != null && r.nextBoolean()) reply.member("mood").value = JsonTree.num(r.nextInt(11) - 5);
    }

    private static void emptyContainer(J root, SplittableRandom r) {
        List<Slot> containers = new ArrayList<>();
        for (Slot s : JsonTree.slots(root)) if (s.get() instanceof Obj || s.get() instanceof Arr) containers.add(s);
        Slot s = pick(containers, r);
        if (s != null) s.set(s.get() instanceof Obj ? new Obj() : new Arr());
    }

    private static void shuffle(J root, SplittableRandom r) {
        List<J> containers = new ArrayList<>();
        for (J j : JsonTree.all(root)) if (j instanceof Obj || j instanceof Arr) containers.add(j);
        J c = pick(containers, r);
        if (c instanceof Obj o) {
            for (int i = o.members.size() - 1; i > 0; i--) Collections.swap(o.members, i, r.nextInt(i + 1));
        } else if (c instanceof Arr a) {
            for (int i = a.items.size() - 1; i > 0; i--) Collections.swap(a.items, i, r.nextInt(i + 1));
        }
    }

    private static void dropNode(J root, SplittableRandom r) {
        Obj nodes = nodes(root);
        if (nodes != null && !nodes.members.isEmpty()) nodes.members.remove(r.nextInt(nodes.members.size()));
    }

    private static void cloneNode(J root, SplittableRandom r) {
        Obj nodes = nodes(root);
        if (nodes == null || nodes.members.isEmpty()) return;
        Member m = pick(nodes.members, r);
        String id = r.nextBoolean() ? Texts.kebab(r) : weirdId(r, nodeIds(root));
        nodes.members.add(r.nextInt(nodes.members.size() + 1), new Member(id, m.value.copy()));
    }

    // == byte mutations ==

    static byte[] apply(Kind kind, byte[] b, SplittableRandom r) {
        int n = b.length;
        switch (kind) {
            case FLIP_BITS -> {
                byte[] out = b.clone();
                for (int k = 1 + r.nextInt(8); k > 0 && n > 0; k--) out[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case RANDOM_BYTES -> {
                byte[] out = b.clone();
                for (int k = 1 + r.nextInt(16); k > 0 && n > 0; k--) out[r.nextInt(n)] = (byte) r.nextInt(256);
                return out;
            }
            case DELETE_RANGE -> {
                if (n == 0) return b;
                int from = r.nextInt(n);
                int len = 1 + r.nextInt(r.nextBoolean() ? Math.min(64, n - from) : n - from);
                return splice(b, from, from + len, new byte[0]);
            }
            case TRUNCATE -> {
                return java.util.Arrays.copyOf(b, n == 0 ? 0 : r.nextInt(n));
            }
            case DUPLICATE_RANGE -> {
                if (n == 0) return b;
                int from = r.nextInt(n);
                int to = from + 1 + r.nextInt(Math.min(512, n - from));
                int at = r.nextInt(n + 1);
                return splice(b, at, at, java.util.Arrays.copyOfRange(b, from, to));
            }
            case BAD_UTF8 -> {
                byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
                int at = r.nextInt(n + 1);
                return splice(b, at, at, bad[r.nextInt(bad.length)]);
            }
            case INSERT_TOKEN -> {
                String[] tokens = {",", "}", "]", "{", "[", "\"", ":", "//", "/*", "'", "\\", "\n", "\r", "\t", "NaN", "-",
                        "1e", "tru", "nul", "\"\\u12\"", "\"\\x\"", "# note", "\u00a0", "\u2028"};
                int at = r.nextInt(n + 1);
                return splice(b, at, at, tokens[r.nextInt(tokens.length)].getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException(kind + " acts on the tree");
        }
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
