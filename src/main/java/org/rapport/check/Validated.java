package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Dialogue;

import java.util.List;

/** A file after reading and every check: playable only when it was read and has no error. */
public record Validated(org.rapport.format.ReadResult read, List<Diagnostic> diagnostics) {
    public Validated {
        diagnostics = List.copyOf(diagnostics);
    }

    public String file() {
        return read.file();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public boolean playable() {
        return read.dialogue() != null && !hasErrors();
    }

    /** The dialogue, or null if the file could not be read at all. May be partial when there are errors. */
    public Dialogue dialogue() {
        return read.dialogue();
    }

    public Validated withExtra(List<Diagnostic> extra) {
        var all = new java.util.ArrayList<>(diagnostics);
        all.addAll(extra);
        all.sort(Diagnostic.ORDER);
        return new Validated(read, all);
    }
}
