package org.rapport.print;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A document ready to print: a debrief, a facilitator guide or a class report, as one self-contained XHTML page. It
 * saves as that page or, for a file name ending in {@code .pdf}, as a PDF of it.
 */
public record Printable(String title, String xhtml) {

    /** The kinds of file a printable saves as. */
    public enum Kind { HTML, PDF }

    public static Kind kindOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf") ? Kind.PDF : Kind.HTML;
    }

    /**
     * Writes the document to {@code file}, as PDF when its name ends in {@code .pdf}, else as HTML. The file is written
     * beside its place and moved there when complete, so a failure leaves no half-written file behind.
     */
    public void save(Path file) throws IOException {
        save(file, kindOf(file));
    }

    /** Writes the document to {@code file} as {@code kind}, whatever the file is called. */
    public void save(Path file, Kind kind) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writeTo(out, kind);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void writeTo(OutputStream out, Kind kind) throws IOException {
        if (kind == Kind.PDF) {
            Pdf.write(xhtml, out);
        } else {
            out.write(xhtml.getBytes(StandardCharsets.UTF_8));
        }
    }
}
