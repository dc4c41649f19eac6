package org.rapport.fuzz;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small mutable JSON tree for the fuzzers: objects keep their members as a list, so a key can appear twice, and a
 * {@link Raw} node holds any text at all (a 100,000-digit number, a broken token). Read with Gson's streaming reader,
 * written in several styles ({@link Style}).
 */
final class JsonTree {
    private JsonTree() {
    }

    sealed interface J permits Obj, Arr, Str, Raw {
        J copy();
    }

    static final class Member {
        String key;
        J value;

        Member(String key, J value) {
            this.key = key;
            this.value = value;
        }
    }

    static final class Obj implements J {
        final List<Member> members = new ArrayList<>();

        Obj put(String key, J value) {
            members.add(new Member(key, value));
            return this;
        }

        /** The first member with this key, or null. */
        Member member(String key) {
            for (Member m : members) if (m.key.equals(key)) return m;
            return null;
        }

        J get(String key) {
            Member m = member(key);
            return m == null ? null : m.value;
        }

        @Override
        public Obj copy() {
            Obj o = new Obj();
            for (Member m : members) o.put(m.key, m.value.copy());
            return o;
        }
    }

    static final class Arr implements J {
        final List<J> items = new ArrayList<>();

        Arr add(J item) {
            items.add(item);
            return this;
        }

        @Override
        public Arr copy() {
            Arr a = new Arr();
            for (J j : items) a.add(j.copy());
            return a;
        }
    }

    /** A string value; may hold anything, lone surrogates included (they are written as \\u escapes). */
    static final class Str implements J {
        String value;

        Str(String value) {
            this.value = value;
        }

        @Override
        public Str copy() {
            return new Str(value);
        }
    }

    /** Written exactly as given: numbers, true/false/null, or deliberately broken text. */
    static final class Raw implements J {
        String text;

        Raw(String text) {
            this.text = text;
        }

        boolean isNumber() {
            return !text.isEmpty() && (text.charAt(0) == '-' || Character.isDigit(text.charAt(0)));
        }

        @Override
        public Raw copy() {
            return new Raw(text);
        }
    }

    static Str str(String s) {
        return new Str(s);
    }

    static Raw num(long n) {
        return new Raw(Long.toString(n));
    }

    static Raw bool(boolean b) {
        return new Raw(Boolean.toString(b));
    }

    static Arr strings(List<String> values) {
        Arr a = new Arr();
        for (String v : values) a.add(str(v));
        return a;
    }

    // == reading ==

    static J parse(String json) {
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            return read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static J read(JsonReader r) throws IOException {
        JsonToken t = r.peek();
        switch (t) {
            case BEGIN_OBJECT -> {
                Obj o = new Obj();
                r.beginObject();
                while (r.hasNext()) {
                    String k = r.nextName();
                    o.put(k, read(r));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                Arr a = new Arr();
                r.beginArray();
                while (r.hasNext()) a.add(read(r));
                r.endArray();
                return a;
            }
            case STRING -> {
                return new Str(r.nextString());
            }
            case NUMBER -> {
                return new Raw(r.nextString());
            }
            case BOOLEAN -> {
                return new Raw(Boolean.toString(r.nextBoolean()));
            }
            case NULL -> {
                r.nextNull();
                return new Raw("null");
            }
            default -> throw new IllegalStateException("unexpected " + t);
        }
    }

    // == walking ==

    /** Every node of the tree, depth first, the root included. */
    static List<J> all(J root) {
        List<J> out = new ArrayList<>();
        walk(root, out::add);
        return out;
    }

    static void walk(J j, Consumer<J> visit) {
        visit.accept(j);
        if (j instanceof Obj o) {
            for (Member m : o.members) walk(m.value, visit);
        } else if (j instanceof Arr a) {
            for (J item : a.items) walk(item, visit);
        }
    }

    /** A place in the tree that holds a value: a member or an array slot. Lets a mutation replace the value. */
    record Slot(Obj obj, Member member, Arr arr, int index) {
        J get() {
            return member != null ? member.value : arr.items.get(index);
        }

        void set(J v) {
            if (member != null) member.value = v;
            else arr.items.set(index, v);
        }

        /** The key of the member, or null for an array slot. */
        String key() {
            return member == null ? null : member.key;
        }
    }

    static List<Slot> slots(J root) {
        List<Slot> out = new ArrayList<>();
        walk(root, j -> {
            if (j instanceof Obj o) {
                for (Member m : o.members) out.add(new Slot(o, m, null, -1));
            } else if (j instanceof Arr a) {
                for (int i = 0; i < a.items.size(); i++) out.add(new Slot(null, null, a, i));
            }
        });
        return out;
    }

    // == writing ==

    /**
     * How to lay the text out. {@code indent} null writes everything on one line; {@code escapeNonAscii} writes every
     * character above U+007E as a \\u escape.
     */
    record Style(String indent, String newline, boolean escapeNonAscii, boolean spaceAfterColon) {
        static final Style PRETTY = new Style("  ", "\n", false, true);
    }

    static String write(J root, Style style) {
        StringBuilder sb = new StringBuilder();
        write(root, style, 0, sb);
        return sb.toString();
    }

    private static void write(J j, Style s, int depth, StringBuilder sb) {
        if (j instanceof Raw r) {
            sb.append(r.text);
        } else if (j instanceof Str str) {
            quote(str.value, s.escapeNonAscii(), sb);
        } else if (j instanceof Obj o) {
            if (o.members.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            for (int i = 0; i < o.members.size(); i++) {
                if (i > 0) sb.append(',');
                newline(s, depth + 1, sb);
                Member m = o.members.get(i);
                quote(m.key, s.escapeNonAscii(), sb);
                sb.append(s.spaceAfterColon() ? ": " : ":");
                write(m.value, s, depth + 1, sb);
            }
            newline(s, depth, sb);
            sb.append('}');
        } else if (j instanceof Arr a) {
            if (a.items.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < a.items.size(); i++) {
                if (i > 0) sb.append(',');
                newline(s, depth + 1, sb);
                write(a.items.get(i), s, depth + 1, sb);
            }
            newline(s, depth, sb);
            sb.append(']');
        }
    }

    private static void newline(Style s, int depth, StringBuilder sb) {
        if (s.indent() == null) return;
        sb.append(s.newline());
        for (int i = 0; i < depth; i++) sb.append(s.indent());
    }

    static void quote(String v, boolean escapeNonAscii, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < v.length()
                            && Character.isLowSurrogate(v.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(v.charAt(i - 1)));
                    if (c < 0x20 || lone || (escapeNonAscii && c > 0x7e)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
