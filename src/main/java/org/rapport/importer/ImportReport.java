package org.rapport.importer;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The located warnings and errors of one import, in the source file's terms: a line and column for text formats; for
 * the others the line and column are 0 and the message starts with where in the source the problem is (a passage name
 * and pid, {@code content[2].alternatives[1]}, an ink story path). Codes RAP100-RAP129, docs/diagnostics.md.
 */
public final class ImportReport {
    /** At most this many lines are kept, so a hostile file cannot fill the memory with warnings. */
    static final int MAX = 2000;

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int dropped;

    public ImportReport(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void warn(String code, int line, int column, String message) {
        add(new Diagnostic(file, line, column, Severity.WARNING, code, message, null));
    }

    /** A warning about a place that has no line: {@code where} starts the message. */
    public void warn(String code, String where, String message) {
        warn(code, 0, 0, where + ": " + message);
    }

    public void error(String code, int line, int column, String message) {
        add(new Diagnostic(file, line, column, Severity.ERROR, code, message, null));
    }

    public void error(String code, String where, String message) {
        error(code, 0, 0, where + ": " + message);
    }

    private void add(Diagnostic d) {
        if (diagnostics.size() >= MAX && !d.isError()) { // errors are always kept: they say why there is no draft
            dropped++;
            return;
        }
        diagnostics.add(d);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The diagnostics in the source's order (by line and column), and a last line if some were cut. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)); // stable: same place, found order
        if (dropped == 0) return List.copyOf(all);
        all.add(new Diagnostic(file, 0, 0, Severity.WARNING, "RAP129", dropped + " more warnings were not listed (the report keeps "
                + MAX + ").", null));
        return List.copyOf(all);
    }
}
