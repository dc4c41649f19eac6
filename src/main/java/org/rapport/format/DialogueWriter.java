package org.rapport.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.Map;

/**
 * The canonical text of a dialogue file: what the author view saves and {@code rapport format} writes, so that a file
 * stays readable and a change shows in a diff as the lines it changed and nothing else.
 * <ul>
 *   <li>Keys in the order they have (the file's own order; new keys go where the editor puts them); unknown fields and
 *   {@code $schema} kept.</li>
 *   <li>Two spaces per level; every object on its own lines.</li>
 *   <li>A list of plain values ({@code "tests"}, {@code "uses"}, {@code "tags"}), or of routes ({@code "next"}: small
 *   objects of plain values), on one line when the line stays within {@value #WIDTH} characters; else one item per
 *   line.</li>
 *   <li>Text as written (accents, dashes and quotes stay themselves); only quotes, backslashes and control characters are
 *   escaped. Numbers as written. A final line break.</li>
 * </ul>
 * A pure function of the tree; reading the output back gives the same tree.
 */
public final class DialogueWriter {
    /** The widest line a one-line list may make. */
    public static final int WIDTH = 120;

    private DialogueWriter() {
    }

    /** The canonical text of a file's JSON text (which must be valid JSON). */
    public static String format(String json) {
        return write(JsonParser.parseString(json));
    }

    public static String write(JsonElement root) {
        StringBuilder sb = new StringBuilder(8192);
        value(sb, root, 0, 0);
        return sb.append('\n').toString();
    }

    /** @param column where the value starts on its line, to judge whether a one-line list fits */
    private static void value(StringBuilder sb, JsonElement v, int depth, int column) {
        if (v == null || v.isJsonNull()) {
            sb.append("null");
        } else if (v.isJsonPrimitive()) {
            primitive(sb, v.getAsJsonPrimitive());
        } else if (v.isJsonObject()) {
            object(sb, v.getAsJsonObject(), depth);
        } else {
            array(sb, v.getAsJsonArray(), depth, column);
        }
    }

    private static void object(StringBuilder sb, JsonObject o, int depth) {
        if (o.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            indent(sb, depth + 1);
            int start = sb.length();
            string(sb, e.getKey());
            sb.append(": ");
            int column = 2 * (depth + 1) + (sb.length() - start);
            value(sb, e.getValue(), depth + 1, column);
            if (++i < o.size()) sb.append(',');
            sb.append('\n');
        }
        indent(sb, depth);
        sb.append('}');
    }

    private static void array(StringBuilder sb, JsonArray a, int depth, int column) {
        if (a.isEmpty()) {
            sb.append("[]");
            return;
        }
        if (flat(a)) {
            String line = inline(a);
            if (column + line.length() + 1 <= WIDTH) {
                sb.append(line);
                return;
            }
        }
        sb.append("[\n");
        for (int i = 0; i < a.size(); i++) {
            indent(sb, depth + 1);
            value(sb, a.get(i), depth + 1, 2 * (depth + 1));
            if (i + 1 < a.size()) sb.append(',');
            sb.append('\n');
        }
        indent(sb, depth);
        sb.append(']');
    }

    /** Plain values only, or small objects of plain values (routes). */
    private static boolean flat(JsonArray a) {
        for (JsonElement e : a) {
            if (e.isJsonArray()) return false;
            if (e.isJsonObject()) {
                for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                    if (m.getValue().isJsonObject() || m.getValue().isJsonArray()) return false;
                }
            }
        }
        return true;
    }

    private static String inline(JsonArray a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) sb.append(", ");
            JsonElement e = a.get(i);
            if (e.isJsonObject()) {
                sb.append('{');
                int k = 0;
                for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                    if (k++ > 0) sb.append(", ");
                    string(sb, m.getKey());
                    sb.append(": ");
                    value(sb, m.getValue(), 0, 0);
                }
                sb.append('}');
            } else {
                value(sb, e, 0, 0);
            }
        }
        return sb.append(']').toString();
    }

    private static void primitive(StringBuilder sb, JsonPrimitive p) {
        if (p.isString()) {
            string(sb, p.getAsString());
        } else {
            sb.append(p.getAsString()); // numbers keep the digits they were written with; true and false
        }
    }

    /** The text as it goes between the quotes of a JSON string, escaped as in the canonical form. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        string(sb, s);
        return sb.substring(1, sb.length() - 1);
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }
}
