package org.rapport.library;

import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A set of dialogue files (a folder, or files named one by one), each validated. Broken files stay in the list with
 * their diagnostics; the others play. Two files with the same dialogue id are both reported (RAP040).
 */
public record DialogueLibrary(List<Validated> entries) {
    public DialogueLibrary {
        entries = List.copyOf(entries);
    }

    /** Loads every file and folder given; folders contribute their {@code *.json} files except JSON schemas. */
    public static DialogueLibrary load(Validator validator, List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) files.addAll(dialogueFiles(p));
        List<Validated> loaded = new ArrayList<>();
        for (Path f : files) loaded.add(validator.validate(f));
        return new DialogueLibrary(withDuplicateIds(loaded));
    }

    /** The dialogue files a path stands for: itself if a file, else the folder's {@code *.json} (not schemas), sorted. */
    public static List<Path> dialogueFiles(Path path) throws IOException {
        // A JSON Schema is never a dialogue, even when named on its own (as `validate dialogues/*.json` does).
        if (!Files.isDirectory(path)) return isSchema(path) ? List.of() : List.of(path);
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !isSchema(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isSchema(Path f) {
        return f.getFileName() != null && f.getFileName().toString().endsWith(".schema.json");
    }

    static List<Validated> withDuplicateIds(List<Validated> loaded) {
        Map<String, List<Validated>> byId = new LinkedHashMap<>();
        for (Validated v : loaded) {
            Dialogue d = v.dialogue();
            if (d != null && !d.id().isEmpty()) byId.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(v);
        }
        List<Validated> out = new ArrayList<>();
        for (Validated v : loaded) {
            Dialogue d = v.dialogue();
            List<Validated> same = d == null ? List.of() : byId.getOrDefault(d.id(), List.of());
            if (same.size() < 2) {
                out.add(v);
                continue;
            }
            List<String> others = same.stream().filter(o -> o != v).map(Validated::file).toList();
            var pos = v.read().sourceMap().find("id");
            out.add(v.withExtra(List.of(new Diagnostic(v.file(), pos.line(), pos.column(), Severity.ERROR, "RAP040",
                    "The id \"" + d.id() + "\" is also used by " + String.join(", ", others)
                            + ". Ids must be unique in a library (progress is saved by id): rename one.", null))));
        }
        return out;
    }

    public List<Validated> playable() {
        return entries.stream().filter(Validated::playable).toList();
    }

    public List<Validated> broken() {
        return entries.stream().filter(v -> !v.playable()).toList();
    }

    public List<Diagnostic> diagnostics() {
        return entries.stream().flatMap(v -> v.diagnostics().stream()).toList();
    }
}
