package org.rapport.diag;

import java.util.Comparator;

/**
 * One located problem in a dialogue file. {@code line} and {@code column} are 1-based; 0 means "the file as a whole".
 * {@code nodeId} names the node the problem is about, when there is one (the author view selects it), else null.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code, String message,
                         String nodeId) {
    /** The longest message kept whole; see {@link #bounded}. */
    public static final int MAX_MESSAGE = 1000;

    public Diagnostic {
        message = bounded(message);
    }

    /**
     * A message fit to show: a file can hold a node id or a number millions of characters long, and every message that
     * quotes it would otherwise be as long (one line in the terminal, one label on a library card). Messages of normal
     * length are kept exactly; in a long one, every quoted value over 60 characters is cut to its first 40 and "…",
     * and what is still over {@link #MAX_MESSAGE} characters is cut there.
     */
    static String bounded(String message) {
        if (message == null || message.length() <= 400) return message;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('"', i);
            int close = open < 0 ? -1 : message.indexOf('"', open + 1);
            if (close < 0) {
                sb.append(message, i, message.length());
                break;
            }
            sb.append(message, i, open + 1);
            String quoted = message.substring(open + 1, close);
            sb.append(quoted.length() > 60 ? cut(quoted, 40) + "…" : quoted).append('"');
            i = close + 1;
        }
        return sb.length() > MAX_MESSAGE ? cut(sb.toString(), MAX_MESSAGE - 1) + "…" : sb.toString();
    }

    /** The first {@code n} characters, one fewer if that would split a surrogate pair. */
    private static String cut(String s, int n) {
        int end = Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n;
        return s.substring(0, end);
    }

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::code);

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form authors and editors know: {@code FILE:LINE:COLUMN: severity: CODE message}. */
    public String toLine() {
        return file + ":" + line + ":" + column + ": " + severity.word() + ": " + code + " " + message;
    }
}
