package org.rapport.author;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The starting file for a new dialogue: small, complete and valid, with {@code $schema} set so editors complete and
 * check fields. JSON has no comments, so the template explains itself in its own texts (the summary, the persona, the
 * notes and every "why" say what belongs there) and is a playable example of every part of the format: mood routes,
 * all four grades, pitfalls, and the three outcomes.
 */
public final class DialogueTemplate {
    private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final String SCHEMA_FILE = "dialogue.schema.json";

    private DialogueTemplate() {
    }

    public static boolean validId(String id) {
        return id != null && KEBAB.matcher(id).matches();
    }

    /** The template's text for a dialogue {@code id} (kebab-case) and {@code title}. */
    public static String text(String id, String title) {
        if (!validId(id)) {
            throw new IllegalArgumentException("\"" + id + "\" is not a valid dialogue id: use lowercase letters and digits separated by single hyphens, e.g. \"late-parcel\".");
        }
        if (title == null || title.isBlank()) throw new IllegalArgumentException("The title must not be empty.");
        return resource("new-dialogue.json").replace("@ID@", id).replace("@TITLE@", org.rapport.format.DialogueWriter.escape(title.strip()));
    }

    /** A dialogue id from a file name: {@code "Late Parcel (draft).json"} gives {@code late-parcel-draft}. */
    public static String idFromFileName(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) name = name.substring(0, name.length() - 5);
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "new-dialogue" : id;
    }

    /** A first title from an id: {@code late-parcel} gives "Late parcel". */
    public static String titleFromId(String id) {
        String words = id.replace('-', ' ');
        return words.isEmpty() ? "New dialogue" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Writes the template to {@code file}, never over an existing file. If the folder has no {@code dialogue.schema.json}
     * for the {@code $schema} line to find, the bundled schema is written beside it too.
     *
     * @return the schema file written, or null if one was already there
     * @throws FileAlreadyExistsException if {@code file} exists
     */
    public static Path write(Path file, String id, String title) throws IOException {
        String text = text(id, title);
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) Files.createDirectories(folder);
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Path schema = folder == null ? Path.of(SCHEMA_FILE) : folder.resolve(SCHEMA_FILE);
        if (Files.exists(schema)) return null;
        try (InputStream in = DialogueTemplate.class.getResourceAsStream("/org/rapport/format/dialogue.schema.json")) {
            if (in == null) throw new IllegalStateException("the dialogue schema is missing from the application");
            Files.write(schema, in.readAllBytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return null;
        }
        return schema;
    }

    private static String resource(String name) {
        try (InputStream in = DialogueTemplate.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
