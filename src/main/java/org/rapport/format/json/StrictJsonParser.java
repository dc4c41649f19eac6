package org.rapport.format.json;

import org.rapport.diag.Position;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON parser that records the line and column of every key and value and keeps duplicate keys
 * (as errors to report) instead of silently dropping one.
 *
 * <p>Why not Gson's reader: it exposes no token positions and lets a duplicated key win silently, and an author needs
 * both to find a slip such as a second {@code "next"}. Gson still writes JSON and reads the bundled catalog.
 *
 * <p>Reads UTF-8 bytes, not decoded text: a file is never decoded as a whole, only the texts in it are, each straight
 * from its bytes, and the scan between them reads an array instead of calling {@code String.charAt} (which, in a
 * process that validates one file and exits, is mostly interpreted or compiled without inlining: a third of the
 * parse). Lines and columns still count characters (UTF-16 units), as an editor does. Bytes that are not UTF-8 are
 * reported (RAP003) where they are, as a file that does not decode.
 *
 * <p>Bounded on hostile input: nesting deeper than {@link #MAX_DEPTH} is refused; everything else is linear in the
 * input length.
 */
public final class StrictJsonParser {
    public static final int MAX_DEPTH = 64;
    /** Objects with up to this many fields keep them in an array (see JsonValue.SmallMembers). */
    private static final int SMALL = 8;

    /** The input, UTF-8; {@code text[i]} is the next byte to read, {@code end} is one past the last. */
    private final byte[] text;
    private final int end;
    private int i;
    private int line = 1;
    private int lineStart;
    /**
     * Bytes of the current line before {@code i} that add no character of their own: the second to fourth bytes of
     * a character, less one for each character written as a surrogate pair. Column = bytes - this + 1.
     */
    private int lineExtra;
    private int depth;
    private final StringTable strings = new StringTable();
    private final String streamedKey;
    private final ObjectStream stream;

    /**
     * Receives the members of one object as they are read, instead of the tree keeping them: see
     * {@link #parse(String, String, ObjectStream)}.
     */
    public interface ObjectStream {
        /** The streamed object starts at {@code at} (packed, see {@link JsonValue#pack}). */
        void begin(long at);

        /** One member, in file order, repeated keys included (the receiver decides what a repeat means). */
        void member(JsonValue.Member member);
    }

    private StrictJsonParser(byte[] text, int from, String streamedKey, ObjectStream stream) {
        this.text = text;
        this.end = text.length;
        this.i = from;
        this.lineStart = from;
        this.streamedKey = streamedKey;
        this.stream = stream;
    }

    /** Parses one JSON document; the text must already be decoded and stripped of a byte-order mark. */
    public static JsonValue parse(String text) throws JsonSyntaxError {
        return parse(text, null, null);
    }

    /**
     * Parses one JSON document, handing the members of the top-level object's {@code streamedKey} object to
     * {@code stream} one by one as they are read. The tree keeps that object empty of members (its position stays), so
     * each member's subtree can be dropped as soon as the receiver is done with it: a dialogue's nodes are read
     * without the whole file's tree ever being in memory at once. Only the first occurrence of the key is streamed; a
     * repeat is parsed into the tree as usual (and reported as a repeat). Syntax errors are thrown as by
     * {@link #parse(String)}, possibly after some members have been handed over.
     */
    public static JsonValue parse(String text, String streamedKey, ObjectStream stream) throws JsonSyntaxError {
        return parse(text, streamedKey, stream, List.of());
    }

    /**
     * As {@link #parse(String, String, ObjectStream)}, with the field names the caller will look up: a name read from
     * the file that equals one of them is that very string, so each lookup finds it at the first comparison (by
     * identity) instead of comparing characters with every field before it.
     */
    public static JsonValue parse(String text, String streamedKey, ObjectStream stream, List<String> names) throws JsonSyntaxError {
        return parse(text.getBytes(StandardCharsets.UTF_8), 0, streamedKey, stream, names);
    }

    /**
     * As {@link #parse(String, String, ObjectStream, List)}, reading the UTF-8 bytes {@code utf8[from..]} (from 3 past
     * a byte-order mark): positions count from {@code from}. Bytes that are not UTF-8 are a {@link JsonSyntaxError}
     * with code RAP003 at the first of them in the whole array, line and column counted as the characters decoded
     * before it.
     */
    public static JsonValue parse(byte[] utf8, int from, String streamedKey, ObjectStream stream, List<String> names) throws JsonSyntaxError {
        StrictJsonParser p = new StrictJsonParser(utf8, from, streamedKey, stream);
        for (String name : names) p.strings.add(name);
        p.skipWhitespace();
        if (p.i >= p.end) {
            throw new JsonSyntaxError("RAP006", Position.START, "The file is empty. A dialogue file holds one JSON object: { \"format\": 1, ... }.");
        }
        JsonValue v = p.value();
        p.skipWhitespace();
        if (p.i < p.end) {
            throw p.error("RAP001", "Unexpected text after the end of the JSON document. A file holds exactly one object; remove what follows, or check for an extra '}'.");
        }
        return v;
    }

    private Position here() {
        return new Position(line, i - lineStart - lineExtra + 1);
    }

    /** Where the parser is, packed (see {@link JsonValue#pack}): no object per value. */
    private long at() {
        return JsonValue.pack(line, i - lineStart - lineExtra + 1);
    }

    private JsonSyntaxError error(String code, String message) {
        return new JsonSyntaxError(code, here(), message);
    }

    private void skipWhitespace() {
        byte[] t = text;
        while (i < end) {
            byte c = t[i];
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                lineExtra = 0;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private JsonValue value() throws JsonSyntaxError {
        if (i >= end) throw error("RAP001", "The file ends in the middle of a value. Something is not closed: check the last '}' or ']' and quotes.");
        byte c = text[i];
        return switch (c) {
            case '{' -> object(null);
            case '[' -> array();
            case '"' -> new JsonValue.JString(at(), string());
            case 't' -> literal("true", new JsonValue.JBool(at(), true));
            case 'f' -> literal("false", new JsonValue.JBool(at(), false));
            case 'n' -> literal("null", new JsonValue.JNull(at()));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw unexpected("a value (text in double quotes, a number, true, false, null, an object or a list)");
            }
        };
    }

    /** The character at {@code i} is not what {@code expected} says belongs there. */
    private JsonSyntaxError unexpected(String expected) throws JsonSyntaxError {
        int c = codePointHere();
        if (c == '/' || c == '#') {
            return error("RAP001", "Comments are not allowed in a dialogue file (JSON has none). Move the remark into a \"note\" or remove it.");
        }
        if (c == '\'') {
            return error("RAP001", "Text must be in double quotes (\"), not single quotes.");
        }
        if (c == '}' || c == ']') {
            return error("RAP001", "Found '" + (char) c + "' where " + expected + " was expected. Is there a trailing comma just before it? Remove it.");
        }
        // Invisible ones (controls, white space, the no-break space) by their code, the rest as they look
        String shown = Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) ? String.format("U+%04X", c)
                : "'" + new String(Character.toChars(c)) + "'";
        return error("RAP001", "Unexpected " + shown + ": expected " + expected + ".");
    }

    /** The character starting at byte {@code i}; bytes there that are not UTF-8 are thrown as RAP003. */
    private int codePointHere() throws JsonSyntaxError {
        byte b = text[i];
        if (b >= 0) return b;
        return Utf8.decode(text, i, Math.min(end, i + Utf8.sequenceLength(b))).codePointAt(0);
    }

    private JsonValue literal(String word, JsonValue v) throws JsonSyntaxError {
        boolean same = i + word.length() <= end;
        for (int k = 0; same && k < word.length(); k++) same = text[i + k] == word.charAt(k);
        if (!same) {
            throw error("RAP001", "Unexpected word here: did you mean " + word + ", or forget the quotes around some text?");
        }
        i += word.length();
        return v;
    }

    private void enter() throws JsonSyntaxError {
        if (++depth > MAX_DEPTH) {
            throw error("RAP004", "The JSON is nested more than " + MAX_DEPTH + " levels deep. A dialogue needs about 7; the file is probably damaged.");
        }
    }

    /** An object; with {@code to}, its members go there as they are read and the tree keeps none of them. */
    private JsonValue object(ObjectStream to) throws JsonSyntaxError {
        long start = at();
        if (to != null) to.begin(start);
        // Up to SMALL members in an array (a scan finds repeats); past that, a hash map in file order.
        JsonValue.Member[] small = to != null ? null : new JsonValue.Member[SMALL];
        int count = 0;
        Map<String, JsonValue.Member> large = null;
        List<JsonValue.Member> duplicates = null; // most objects have none: no list until one turns up
        enter();
        i++;
        skipWhitespace();
        if (peekIs('}')) {
            i++;
            depth--;
            return new JsonValue.JObject(start, Map.of(), List.of());
        }
        while (true) {
            skipWhitespace();
            if (i >= end) throw endInside("object", start);
            if (text[i] != '"') throw unexpected("a field name in double quotes");
            long keyAt = at();
            String key = key();
            skipWhitespace();
            if (!peekIs(':')) {
                if (i >= end) throw endInside("object", start);
                throw error("RAP001", "Expected ':' after the field name \"" + shorten(key) + "\".");
            }
            i++;
            skipWhitespace();
            boolean repeat = to == null && (large != null ? large.containsKey(key) : indexOf(small, count, key) >= 0);
            JsonValue v = depth == 1 && stream != null && peekIs('{') && key.equals(streamedKey) && !repeat
                    ? object(stream) : value();
            JsonValue.Member m = new JsonValue.Member(key, keyAt, v);
            if (to != null) {
                to.member(m);
            } else if (repeat) {
                if (duplicates == null) duplicates = new ArrayList<>();
                duplicates.add(m); // the first one stays in force; the checks report the repeat
            } else if (large != null) {
                large.put(key, m);
            } else if (count < SMALL) {
                small[count++] = m;
            } else {
                large = new LinkedHashMap<>();
                for (JsonValue.Member earlier : small) large.put(earlier.key(), earlier);
                large.put(key, m);
            }
            skipWhitespace();
            if (i >= end) throw endInside("object", start);
            byte c = text[i];
            if (c == ',') {
                i++;
                skipWhitespace();
                if (peekIs('}')) throw error("RAP001", "Trailing comma before '}'. JSON allows no comma after the last field: remove it.");
                continue;
            }
            if (c == '}') {
                i++;
                depth--;
                Map<String, JsonValue.Member> members = large != null ? large
                        : count == 0 ? Map.of() : new JsonValue.SmallMembers(count == SMALL ? small : Arrays.copyOf(small, count));
                return new JsonValue.JObject(start, members, duplicates == null ? List.of() : duplicates);
            }
            throw error("RAP001", "Expected ',' or '}' after the value of \"" + shorten(key) + "\". Is a comma missing?");
        }
    }

    private static int indexOf(JsonValue.Member[] members, int count, String key) {
        for (int k = 0; k < count; k++) {
            String other = members[k].key();
            if (other == key || other.equals(key)) return k;
        }
        return -1;
    }

    /**
     * A field name. The same few names ("say", "grade", "next", ...) and the node ids repeat thousands of times in a
     * big file, so a name without escapes is looked up among the strings already read instead of being copied again.
     */
    private String key() throws JsonSyntaxError {
        int from = i + 1;
        int k = from;
        byte[] t = text;
        while (k < end) {
            byte c = t[k];
            if (c == '"') break;
            if (c == '\\' || c < 0x20) return string(); // escapes, other than ASCII, and errors: the general path
            k++;
        }
        if (k >= end || k - from > StringTable.MAX_LENGTH) return string();
        String key = strings.get(text, from, k);
        i = k + 1;
        return key;
    }

    private JsonValue array() throws JsonSyntaxError {
        long start = at();
        List<JsonValue> items = new ArrayList<>();
        enter();
        i++;
        skipWhitespace();
        if (peekIs(']')) {
            i++;
            depth--;
            return new JsonValue.JArray(start, items);
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            if (i >= end) throw endInside("list", start);
            byte c = text[i];
            if (c == ',') {
                i++;
                skipWhitespace();
                if (peekIs(']')) throw error("RAP001", "Trailing comma before ']'. JSON allows no comma after the last item: remove it.");
                continue;
            }
            if (c == ']') {
                i++;
                depth--;
                return new JsonValue.JArray(start, items);
            }
            throw error("RAP001", "Expected ',' or ']' in the list. Is a comma missing between two items?");
        }
    }

    private JsonSyntaxError endInside(String what, long openedAt) {
        Position opened = JsonValue.unpack(openedAt);
        return error("RAP001", "The file ends before the " + what + " opened at line " + opened.line() + ", column "
                + opened.column() + " is closed. Add the missing '" + (what.equals("list") ? "]" : "}") + "'.");
    }

    private boolean peekIs(char c) {
        return i < end && text[i] == c;
    }

    private String string() throws JsonSyntaxError {
        long start = at();
        i++;
        StringBuilder sb = null;
        int runStart = i;
        boolean ascii = true; // so far, since runStart
        byte[] t = text;
        while (true) {
            if (i >= end) {
                throw new JsonSyntaxError("RAP001", JsonValue.unpack(start), "This text is never closed: add the closing double quote (\").");
            }
            byte c = t[i];
            if (c == '"') {
                // A short text (an id, a tag, a grade) is most likely one the file has used before: that same string.
                String s = sb != null ? sb.append(run(runStart, i, ascii)).toString()
                        : ascii && i - runStart <= StringTable.MAX_LENGTH ? strings.get(t, runStart, i)
                        : run(runStart, i, ascii);
                i++;
                return s;
            }
            if (c < 0) {
                // Past ASCII: a character's second to fourth bytes take no column of their own; a four-byte one takes two.
                ascii = false;
                if ((c & 0xC0) == 0x80) lineExtra++;
                else if ((c & 0xF8) == 0xF0) lineExtra--;
                i++;
                continue;
            }
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                sb.append(run(runStart, i, ascii));
                ascii = true;
                i++;
                if (i >= end) throw new JsonSyntaxError("RAP001", JsonValue.unpack(start), "This text is never closed: add the closing double quote (\").");
                byte e = t[i];
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 >= end) {
                            throw error("RAP001", "A \\u escape needs four hex digits, e.g. \\u00e9.");
                        }
                        int cp = 0;
                        for (int k = 1; k <= 4; k++) {
                            int d = Character.digit((char) (t[i + k] & 0xFF), 16);
                            if (d < 0) throw error("RAP001", "A \\u escape needs four hex digits, e.g. \\u00e9.");
                            cp = cp * 16 + d;
                        }
                        sb.append((char) cp);
                        i += 4;
                    }
                    default -> throw error("RAP001", "Unknown escape '\\" + new String(Character.toChars(codePointHere()))
                            + "' in text. Use \\\" for a quote, \\\\ for a backslash, \\n for a new line.");
                }
                i++;
                runStart = i;
                continue;
            }
            if (c < 0x20) {
                if (c == '\n') {
                    throw new JsonSyntaxError("RAP001", JsonValue.unpack(start), "This text runs onto the next line: is a closing double quote missing? (Inside text, write a line break as \\n.)");
                }
                throw error("RAP001", "Text contains a raw control character (" + String.format("U+%04X", (int) c) + "). Write a tab as \\t; remove other invisible characters.");
            }
            i++;
        }
    }

    /** The bytes {@code text[from, to)} of a text as a string: ASCII ones copied as they are, others decoded (bad bytes: RAP003). */
    private String run(int from, int to, boolean ascii) throws JsonSyntaxError {
        return ascii ? new String(text, from, to - from, StandardCharsets.ISO_8859_1) : Utf8.decode(text, from, to);
    }

    private JsonValue number() throws JsonSyntaxError {
        long start = at();
        int s = i;
        if (peekIs('-')) i++;
        if (peekIs('0')) {
            i++;
        } else if (i < end && text[i] >= '1' && text[i] <= '9') {
            digits();
        } else {
            throw error("RAP001", "A number is expected after '-'.");
        }
        if (peekIs('.')) {
            i++;
            if (digits() == 0) throw error("RAP001", "A number cannot end with '.': write 2 or 2.5.");
        }
        if (peekIs('e') || peekIs('E')) {
            i++;
            if (peekIs('+') || peekIs('-')) i++;
            if (digits() == 0) throw error("RAP001", "A number's exponent needs digits.");
        }
        if (i < end && (text[i] == '.' || Character.isLetterOrDigit(codePointHere()))) {
            throw error("RAP001", "This number is followed by unexpected characters. Numbers are written like 3 or -2; put text in double quotes.");
        }
        return new JsonValue.JNumber(start, new String(text, s, i - s, StandardCharsets.ISO_8859_1));
    }

    private int digits() {
        int n = 0;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
            n++;
        }
        return n;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
