package org.rapport.classroom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.rapport.classroom.ClassRoster.Assigned;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The facilitator's classes, one small JSON file each ({@code kind: "rapport-class"}) in the data folder's
 * {@code classroom/classes} folder. A class file can also be handed around and given to {@code class-report --class}.
 */
public final class ClassBook {
    public static final String KIND = "rapport-class";
    public static final int FORMAT = 1;
    static final long MAX_BYTES = 1024 * 1024;

    private final Path folder;

    public ClassBook(Path folder) {
        this.folder = folder;
    }

    /** The classes of a data folder: {@code DATA/classroom/classes}. */
    public static ClassBook in(Path dataDir) {
        return new ClassBook(dataDir.resolve("classroom").resolve("classes"));
    }

    public Path folder() {
        return folder;
    }

    /** What listing the classes found: the classes, by name, and the files that could not be read, with why. */
    public record Listing(List<ClassRoster> classes, List<String> problems) {
    }

    public Listing list() {
        List<ClassRoster> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) return new Listing(List.of(), List.of());
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(read(f));
                } catch (RoomException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("The classes folder " + folder + " cannot be read: " + e.getMessage());
        }
        out.sort(Comparator.comparing((ClassRoster c) -> c.name().toLowerCase(java.util.Locale.ROOT)).thenComparingLong(ClassRoster::created));
        return new Listing(out, problems);
    }

    /** A new class with an id no other class in the folder uses. */
    public ClassRoster create(String name, List<String> trainees, List<Assigned> dialogues, long now) throws IOException {
        String base = ClassRoster.slug(name);
        String id = base;
        for (int n = 2; Files.exists(fileOf(id)); n++) id = base + "-" + n;
        ClassRoster c = new ClassRoster(id, name, trainees, dialogues, now);
        save(c);
        return c;
    }

    public void save(ClassRoster c) throws IOException {
        write(c, fileOf(c.id()));
    }

    public void delete(ClassRoster c) throws IOException {
        Files.deleteIfExists(fileOf(c.id()));
    }

    Path fileOf(String id) {
        if (!id.matches("[a-z0-9-]{1,60}")) throw new IllegalArgumentException("Not a class id: " + id);
        return folder.resolve(id + ".json");
    }

    /** Writes a class file (atomically: a crash leaves the old file or the new one, never half of one). */
    public static void write(ClassRoster c, Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("kind", KIND);
        root.addProperty("format", FORMAT);
        root.addProperty("id", c.id());
        root.addProperty("name", c.name());
        root.addProperty("created", c.created());
        if (c.xapiBase() != null) root.addProperty("xapiBase", c.xapiBase());
        JsonArray t = new JsonArray();
        c.trainees().forEach(t::add);
        root.add("trainees", t);
        JsonArray d = new JsonArray();
        for (Assigned a : c.dialogues()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", a.id());
            o.addProperty("title", a.title());
            d.add(o);
        }
        root.add("dialogues", d);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a class file, or says in a {@link RoomException} why it cannot be read. */
    public static ClassRoster read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException("it is too large to be a class file");
            JsonElement e;
            try (JsonReader r = new JsonReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                r.setStrictness(Strictness.STRICT);
                e = JsonParser.parseReader(r);
            }
            if (!e.isJsonObject()) throw new IllegalArgumentException("it is not a class file");
            JsonObject o = e.getAsJsonObject();
            if (!o.has("kind") || !KIND.equals(o.get("kind").getAsString())) {
                throw new IllegalArgumentException("it is not a Rapport class file (it has no \"kind\": \"" + KIND + "\")");
            }
            int format = o.get("format").getAsInt();
            if (format != FORMAT) throw new IllegalArgumentException("it uses class format " + format + "; this Rapport reads format " + FORMAT);
            List<String> trainees = new ArrayList<>();
            o.getAsJsonArray("trainees").forEach(x -> trainees.add(x.getAsString()));
            List<Assigned> dialogues = new ArrayList<>();
            for (JsonElement x : o.getAsJsonArray("dialogues")) {
                JsonObject a = x.getAsJsonObject();
                dialogues.add(new Assigned(a.get("id").getAsString(), a.has("title") ? a.get("title").getAsString() : a.get("id").getAsString()));
            }
            String id = o.has("id") ? o.get("id").getAsString() : ClassRoster.slug(o.get("name").getAsString());
            if (!id.matches("[a-z0-9-]{1,60}")) id = ClassRoster.slug(id);
            String base = o.has("xapiBase") && o.get("xapiBase").isJsonPrimitive() ? o.get("xapiBase").getAsString() : null;
            return new ClassRoster(id, o.get("name").getAsString(), trainees, dialogues, o.has("created") ? o.get("created").getAsLong() : 0, base);
        } catch (IOException | RuntimeException ex) {
            String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst().orElse("");
            if (why.length() > 160) why = why.substring(0, 160) + "…";
            throw new RoomException("The class file " + file.getFileName() + " cannot be read: " + why + ".", ex);
        }
    }
}
