package org.rapport;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared test material: the minimal valid dialogue and a validator over the bundled catalog. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String minimal() {
        return resource("/fixtures/minimal.json");
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Validated validate(String text) {
        return new Validator(Catalog.bundled()).validate("test.json", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces exactly one occurrence, failing loudly if the fixture drifted. */
    public static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new IllegalArgumentException("not exactly one: " + from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    public static List<String> codes(Validated v) {
        return v.diagnostics().stream().map(Diagnostic::code).toList();
    }

    /** 1-based line of the first occurrence of {@code needle} in {@code text}. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) throw new IllegalArgumentException("not found: " + needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** 1-based column of the first occurrence of {@code needle}. */
    public static int columnOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at - text.lastIndexOf('\n', at - 1);
    }
}
