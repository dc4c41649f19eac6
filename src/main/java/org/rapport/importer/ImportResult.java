package org.rapport.importer;

import org.rapport.diag.Diagnostic;

import java.util.List;

/**
 * One import: the draft dialogue in canonical form (null when the file could not be imported), the import report
 * (located in the source file), and what kind of file it was read as.
 */
public record ImportResult(String source, String kind, String dialogueJson, List<Diagnostic> report, int nodes, int replies,
                           int endings) {
    public ImportResult {
        report = List.copyOf(report);
    }

    public boolean ok() {
        return dialogueJson != null && report.stream().noneMatch(Diagnostic::isError);
    }

    public long warnings() {
        return report.stream().filter(d -> !d.isError()).count();
    }

    public long errors() {
        return report.stream().filter(Diagnostic::isError).count();
    }
}
