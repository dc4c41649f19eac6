package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A dialogue file that a command needs playable: read and validated, or its errors printed with the exit code to give. */
record PlayableFile(Validated validated, int exit) {
    /** The file must exist (exit 2 otherwise) and have no errors (exit 1, each error listed). */
    static PlayableFile read(String command, Path file, Catalog catalog, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("rapport " + command + ": no such file: " + file);
            return new PlayableFile(null, 2);
        }
        return validate(command, file, catalog, err);
    }

    /** The file must have no errors (exit 1, each error listed, a missing file among them). */
    static PlayableFile validate(String command, Path file, Catalog catalog, PrintWriter err) {
        Validated v = new Validator(catalog).validate(file);
        if (v.playable()) return new PlayableFile(v, 0);
        for (Diagnostic d : v.diagnostics()) if (d.isError()) err.println(d.toLine());
        err.println("rapport " + command + ": " + file + " has errors; fix them first (`rapport validate " + file + "` lists every problem).");
        return new PlayableFile(null, 1);
    }

    boolean ok() {
        return validated != null;
    }
}
