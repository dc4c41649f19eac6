package org.rapport.lms;

/**
 * Text as a JavaScript string literal that is safe anywhere a script can appear: {@code \}, {@code "} and control
 * characters escaped, U+2028 and U+2029 (line ends to older JavaScript) escaped, and {@code </} written {@code <\/} so
 * that no {@code </script>} in a dialogue line can end a script element. The literal evaluates to exactly the text.
 */
public final class JsString {
    private JsString() {
    }

    /** {@code text} in double quotes, escaped. */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16).append('"');
        appendEscaped(b, text);
        return b.append('"').toString();
    }

    /**
     * JSON text (a valid JavaScript expression) made safe the same way: only U+2028, U+2029 and {@code </} are
     * changed, and only inside strings, where each is a valid JSON escape too.
     */
    public static String safeJson(String json) {
        return json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/");
    }

    private static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                case '/' -> b.append(i > 0 && s.charAt(i - 1) == '<' ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
