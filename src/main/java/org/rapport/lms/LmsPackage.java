package org.rapport.lms;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One zip an LMS accepts, for one or more dialogues: a SCORM 1.2 or 2004 4th edition package, or a cmi5 course, with
 * one SCO/AU per dialogue, the dialogues, the catalog entries they use and the web player (which runs Rapport's own
 * engine, compiled to JavaScript). Plain Java: the command line and the app make packages the same way.
 *
 * <pre>
 * imsmanifest.xml | cmi5.xml
 * player/...                  every file of the player's files.txt
 * content/package.js          window.RAPPORT_PACKAGE = {standard, mastery, mode, base, dialogues: {id: title}, version};
 * content/catalog.js          window.RAPPORT_CATALOG = "catalog JSON, cut down";
 * content/dialogues/ID.js     window.RAPPORT_DIALOGUE = "the dialogue file's exact text";
 * dialogues/ID.json           the dialogue file, byte for byte
 * </pre>
 *
 * Each SCO/AU starts at {@code player/index.html?d=ID}. Packaging is deterministic: the same dialogues and options give
 * the same bytes (entries in a fixed order, every entry dated 2000-01-01 00:00).
 */
public final class LmsPackage {
    public static final String VERSION = "Rapport 0.1.0";
    static final String ORGANIZATION = "rapport-organization";
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** One dialogue in the package: its file's exact bytes and what the manifests say about it. */
    public record Item(String id, String title, String description, Path file, byte[] bytes, String base) {
        /** The SCO/AU's launch address, relative to the package root. */
        public String launchUrl() {
            return "player/index.html?d=" + urlPart(id);
        }

        public String itemId() {
            return xmlId("item-", id);
        }

        public String resourceId() {
            return xmlId("resource-", id);
        }

        public String objectiveId() {
            return xmlId("passed-", id);
        }

        /** The same IRI the xAPI export gives the dialogue: {@code base + "dialogues/" + id}; null without a base. */
        public String activityIri() {
            return base == null ? null : base + "dialogues/" + urlPart(id);
        }

        public String scriptPath() {
            return "content/dialogues/" + id + ".js";
        }

        public String jsonPath() {
            return "dialogues/" + id + ".json";
        }
    }

    /** What was written: the file, its size, and how many SCOs/AUs it holds. */
    public record Written(Path file, long bytes, int units, LmsStandard standard) {
        /** "wedding-catering-scorm12.zip: 312 KB, 1 SCO (SCORM 1.2)". */
        public String summary() {
            return file.getFileName() + ": " + size(bytes) + ", " + units + " " + standard.unit() + (units == 1 ? "" : "s") + " (" + standard.label() + ")";
        }
    }

    private final LmsOptions options;
    private final List<Item> items;
    private final String catalogJson;

    private LmsPackage(LmsOptions options, List<Item> items, String catalogJson) {
        this.options = options;
        this.items = List.copyOf(items);
        this.catalogJson = catalogJson;
    }

    /**
     * Reads every dialogue of {@code inputs} (files, or folders: every dialogue file in them), each of which must
     * validate with no error, and no two with one id. Throws an {@link LmsException} saying what is wrong otherwise.
     */
    public static LmsPackage of(List<Path> inputs, LmsOptions options, Catalog catalog) {
        if (inputs.isEmpty()) throw new LmsException(LmsException.Kind.USAGE, "Name at least one dialogue file or folder to package.");
        Set<Path> files = new LinkedHashSet<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new LmsException(LmsException.Kind.USAGE, "No such file or folder: " + p + ".");
            try {
                for (Path f : DialogueLibrary.dialogueFiles(p)) files.add(f.toAbsolutePath().normalize());
            } catch (IOException e) {
                throw new LmsException(LmsException.Kind.BUILD, "Could not read the folder " + p + ": " + e.getMessage() + ".");
            }
        }
        if (files.isEmpty()) throw new LmsException(LmsException.Kind.USAGE, "There is no dialogue file in " + inputs.get(0) + ".");
        Validator validator = new Validator(catalog);
        List<String> problems = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<Dialogue> dialogues = new ArrayList<>();
        Map<String, Path> byId = new LinkedHashMap<>();
        int broken = 0;
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                throw new LmsException(LmsException.Kind.USAGE, "No such file: " + f + ".");
            } catch (IOException e) {
                throw new LmsException(LmsException.Kind.BUILD, "Could not read " + f + ": " + e.getMessage() + ".");
            }
            Validated v = validator.validate(f.toString(), bytes);
            if (!v.playable()) {
                broken++;
                for (Diagnostic d : v.diagnostics()) if (d.isError()) problems.add(d.toLine());
                continue;
            }
            Dialogue d = v.dialogue();
            Path other = byId.putIfAbsent(d.id(), f);
            if (other != null) {
                problems.add(f + ": the dialogue id \"" + d.id() + "\" is also the id of " + other + "; a package needs each id once.");
                broken++;
                continue;
            }
            dialogues.add(d);
            items.add(new Item(d.id(), d.title(), d.summary() == null || d.summary().isBlank() ? d.title() : d.summary(), f, bytes, options.base()));
        }
        if (!problems.isEmpty()) {
            throw new LmsException(LmsException.Kind.DIALOGUES, broken == 1 ? "One dialogue can't be packaged; nothing was written."
                    : broken + " dialogues can't be packaged; nothing was written.", problems);
        }
        return new LmsPackage(options, items, CatalogSubset.forDialogues(dialogues, catalog));
    }

    public LmsOptions options() {
        return options;
    }

    public List<Item> items() {
        return items;
    }

    /** The cut-down catalog the web player reads. */
    public String catalogJson() {
        return catalogJson;
    }

    /** The organization's (or cmi5 course's) title: the dialogue's, or "Rapport: N conversations". */
    public String courseTitle() {
        return items.size() == 1 ? items.get(0).title() : "Rapport: " + items.size() + " conversations";
    }

    public String courseDescription() {
        if (items.size() == 1) return items.get(0).description();
        return "Practise " + items.size() + " customer conversations: " + String.join("; ", items.stream().map(Item::title).toList()) + ".";
    }

    /**
     * The cmi5 course IRI: {@code base + "courses/" + the dialogue ids joined by "+"}. An LMS keys an imported course on
     * it, so a package of other dialogues must not share it; the same dialogues give the same IRI, so a new version of
     * the package updates the course.
     */
    public String courseIri() {
        return options.base() == null ? null
                : options.base() + "courses/" + String.join("+", items.stream().map(i -> urlPart(i.id())).toList());
    }

    String manifestId() {
        return xmlId("rapport-", items.get(0).id() + (items.size() > 1 ? "-and-" + (items.size() - 1) + "-more" : "") + "-" + options.standard().id());
    }

    /** The offered file name: {@code <first id>-<standard>.zip}. */
    public String defaultFileName() {
        return items.get(0).id() + "-" + options.standard().id() + ".zip";
    }

    /** Every file a SCO/AU uses, as the manifest lists them: the player's, then the package's, then its dialogue's. */
    List<String> filesOf(Item i, PlayerFiles player) {
        List<String> f = new ArrayList<>();
        for (String n : player.files().keySet()) f.add("player/" + n);
        f.add("content/package.js");
        f.add("content/catalog.js");
        f.add(i.scriptPath());
        f.add(i.jsonPath());
        return f;
    }

    /** The manifest's text for this package's standard, listing the given player's files. */
    public String manifest(PlayerFiles player) {
        return switch (options.standard()) {
            case SCORM12 -> Manifests.scorm12(this, player);
            case SCORM2004 -> Manifests.scorm2004(this, player);
            case CMI5 -> Manifests.cmi5(this);
        };
    }

    /** {@code content/package.js}. */
    public String packageScript() {
        JsonObject o = new JsonObject();
        o.addProperty("standard", options.standard().id());
        if (options.mastery() == null) o.add("mastery", com.google.gson.JsonNull.INSTANCE);
        else o.addProperty("mastery", new java.math.BigDecimal(options.masteryText()));
        o.addProperty("mode", options.mode().id());
        if (options.base() == null) o.add("base", com.google.gson.JsonNull.INSTANCE);
        else o.addProperty("base", options.base());
        JsonObject ds = new JsonObject();
        for (Item i : items) ds.addProperty(i.id(), i.title());
        o.add("dialogues", ds);
        o.addProperty("version", VERSION);
        String json = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create().toJson(o);
        return "window.RAPPORT_PACKAGE = " + JsString.safeJson(json) + ";\n";
    }

    /** {@code content/catalog.js}. */
    public String catalogScript() {
        return "window.RAPPORT_CATALOG = " + JsString.quote(catalogJson) + ";\n";
    }

    /** {@code content/dialogues/ID.js}: the dialogue file's exact text (UTF-8) as one string. */
    public static String dialogueScript(byte[] fileBytes) {
        return "window.RAPPORT_DIALOGUE = " + JsString.quote(new String(fileBytes, StandardCharsets.UTF_8)) + ";\n";
    }

    /** Every entry of the zip by its path, the manifest first, then in path order. */
    public Map<String, byte[]> entries(PlayerFiles player) {
        Map<String, byte[]> sorted = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : player.files().entrySet()) sorted.put("player/" + e.getKey(), e.getValue());
        sorted.put("content/package.js", utf8(packageScript()));
        sorted.put("content/catalog.js", utf8(catalogScript()));
        for (Item i : items) {
            sorted.put(i.scriptPath(), utf8(dialogueScript(i.bytes())));
            sorted.put(i.jsonPath(), i.bytes());
        }
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put(options.standard().manifest(), utf8(manifest(player)));
        all.putAll(sorted);
        return all;
    }

    /** The zip's bytes. */
    public byte[] zip(PlayerFiles player) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeZip(entries(player), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void writeZip(Map<String, byte[]> entries, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /**
     * Writes the zip to {@code out} (through a temporary file beside it, moved into place at the end, so a failure
     * leaves no half-written package and an older one intact).
     */
    public Written writeTo(Path out, PlayerFiles player) {
        if (Files.isDirectory(out)) throw new LmsException(LmsException.Kind.USAGE, out + " is a folder; name the zip file to write.");
        byte[] bytes = zip(player);
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            Files.write(tmp, bytes);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the message below says what failed; a stray .part file is the lesser problem
            }
            throw new LmsException(LmsException.Kind.BUILD, "Could not write " + abs + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        }
        return new Written(abs, bytes.length, items.size(), options.standard());
    }

    /** An xs:ID (an NCName) made from {@code prefix} and {@code s}: ASCII letters, digits, '-' and '.' kept, any other character as its code point in hex between underscores ('_' is "_5F_"). */
    static String xmlId(String prefix, String s) {
        StringBuilder b = new StringBuilder(prefix);
        s.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.')) b.appendCodePoint(c);
            else b.append('_').append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('_');
        });
        return b.toString();
    }

    static String urlPart(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return Math.round(bytes / 1024.0) + " KB";
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
