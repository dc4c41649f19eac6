package org.rapport.diag;

import java.util.Comparator;

/**
 * One located problem in a dialogue file. {@code line} and {@code column} are 1-based; 0 means "the file as a whole".
 * {@code nodeId} names the node the problem is about, when there is one (the author view selects it), else null.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code, String message,
                         String nodeId) {

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
