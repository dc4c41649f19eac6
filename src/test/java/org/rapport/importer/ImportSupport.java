package org.rapport.importer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared helpers of the import tests: the fixtures under src/test/resources/import/ and a look at the results. */
final class ImportSupport {
    static final Importer IMPORTER = new Importer(Catalog.bundled());
    static final Validator VALIDATOR = new Validator(Catalog.bundled());

    private ImportSupport() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ImportSupport.class.getResourceAsStream("/import/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static ImportResult run(String name) {
        return IMPORTER.importBytes(name, bytes(name));
    }

    static ImportResult run(String name, String text) {
        return IMPORTER.importBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(ImportResult r) {
        if (r.dialogueJson() == null) throw new AssertionError("not imported: " + r.report());
        return JsonParser.parseString(r.dialogueJson()).getAsJsonObject();
    }

    static JsonObject node(ImportResult r, String id) {
        JsonObject nodes = json(r).getAsJsonObject("nodes");
        if (!nodes.has(id)) throw new AssertionError("no node " + id + " in " + nodes.keySet());
        return nodes.getAsJsonObject(id);
    }

    static Validated validate(ImportResult r) {
        return VALIDATOR.validate("draft.json", r.dialogueJson().getBytes(StandardCharsets.UTF_8));
    }

    static List<Diagnostic> withCode(ImportResult r, String code) {
        return r.report().stream().filter(d -> d.code().equals(code)).toList();
    }

    static String lines(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) sb.append(d.toLine()).append('\n');
        return sb.toString();
    }
}
