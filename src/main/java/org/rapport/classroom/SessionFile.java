package org.rapport.classroom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.rapport.classroom.RoomSession.DecidedBy;
import org.rapport.classroom.RoomSession.Open;
import org.rapport.classroom.RoomSession.Phase;
import org.rapport.classroom.RoomSession.Redo;
import org.rapport.classroom.RoomSession.Step;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The room session on disk: one small JSON file ({@value #FILE_NAME} in the data folder's {@code classroom} folder),
 * rewritten atomically after every step, so a presenter window closed by mistake resumes where the room was. It
 * carries the dialogue file it is played on, so the session resumes on exactly that dialogue.
 */
public final class SessionFile {
    public static final String FILE_NAME = "room-session.json";
    public static final String KIND = "rapport-room-session";
    public static final int FORMAT = 1;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Path file;

    public SessionFile(Path file) {
        this.file = file;
    }

    /** The session file in a data folder: {@code DATA/classroom/room-session.json}. */
    public static SessionFile in(Path dataDir) {
        return new SessionFile(dataDir.resolve("classroom").resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Forgets the saved session (the facilitator finished it or chose not to resume). */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    synchronized void save(RoomSession s) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("kind", KIND);
        root.addProperty("format", FORMAT);
        root.addProperty("id", s.id());
        root.addProperty("secret", HexFormat.of().formatHex(s.secret()));
        root.addProperty("started", s.started());
        root.addProperty("seed", s.seed());
        JsonObject d = new JsonObject();
        d.addProperty("id", s.dialogue().id());
        d.addProperty("title", s.dialogue().title());
        d.addProperty("contentHash", s.contentHash());
        d.addProperty("content", new String(s.content(), StandardCharsets.UTF_8));
        root.add("dialogue", d);
        root.addProperty("rounds", s.rounds());
        JsonArray steps = new JsonArray();
        for (Step st : s.steps()) steps.add(step(st));
        root.add("steps", steps);
        root.add("open", s.open() == null ? null : open(s.open()));
        JsonArray redo = new JsonArray();
        for (Redo r : s.redo()) {
            JsonObject o = new JsonObject();
            o.add("step", step(r.step()));
            o.add("after", r.after() == null ? null : open(r.after()));
            redo.add(o);
        }
        root.add("redo", redo);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonObject step(Step st) {
        JsonObject o = new JsonObject();
        o.addProperty("node", st.nodeId());
        o.addProperty("round", st.round());
        o.add("votes", ints(st.tally().counts()));
        o.addProperty("showOfHands", st.showOfHands());
        o.addProperty("chosen", st.chosen());
        o.addProperty("decidedBy", st.decidedBy().name().toLowerCase(Locale.ROOT));
        o.add("phones", strings(st.phones()));
        return o;
    }

    private static JsonObject open(Open op) {
        JsonObject o = new JsonObject();
        o.addProperty("round", op.round());
        o.add("votes", ints(op.tally().counts()));
        o.addProperty("showOfHands", op.showOfHands());
        o.addProperty("phase", op.phase().name().toLowerCase(Locale.ROOT));
        JsonObject phones = new JsonObject(); // each phone's vote in this round, so it can still change it after a resume
        op.phones().forEach(phones::addProperty);
        o.add("phones", phones);
        return o;
    }

    private static JsonArray ints(List<Integer> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    private static JsonArray strings(Set<String> set) {
        JsonArray a = new JsonArray();
        set.forEach(a::add);
        return a;
    }

    /**
     * The saved session, if there is one. A file that cannot be resumed (damaged, from a newer Rapport, or not fitting
     * the dialogue it carries) is reported with a {@link RoomException} that says why; it is left in place.
     */
    public Optional<RoomSession> load() {
        if (!exists()) return Optional.empty();
        try {
            if (Files.size(file) > MAX_BYTES) throw new RoomException("The saved session " + file + " is too large to be a Rapport session.");
            JsonObject root;
            try (JsonReader reader = new JsonReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
                reader.setStrictness(Strictness.STRICT);
                JsonElement e = JsonParser.parseReader(reader);
                if (!e.isJsonObject()) throw new IllegalArgumentException("it is not a session");
                root = e.getAsJsonObject();
            }
            if (!KIND.equals(str(root, "kind"))) throw new IllegalArgumentException("it is not a Rapport room session");
            int format = root.get("format").getAsInt();
            if (format != FORMAT) {
                throw new RoomException("The saved session was written by " + (format > FORMAT ? "a newer" : "another") + " version of Rapport (format "
                        + format + "); this one reads format " + FORMAT + ".");
            }
            JsonObject d = root.getAsJsonObject("dialogue");
            byte[] content = str(d, "content").getBytes(StandardCharsets.UTF_8);
            ReadResult read = new DialogueReader().read(str(d, "id") + ".json", content);
            if (read.dialogue() == null || read.diagnostics().stream().anyMatch(org.rapport.diag.Diagnostic::isError)) {
                throw new IllegalArgumentException("the copy of \"" + str(d, "title") + "\" it carries is damaged");
            }
            List<Step> steps = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("steps")) steps.add(step(e.getAsJsonObject()));
            Open open = root.get("open") == null || root.get("open").isJsonNull() ? null : open(root.getAsJsonObject("open"));
            List<Redo> redo = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("redo")) {
                JsonObject o = e.getAsJsonObject();
                redo.add(new Redo(step(o.getAsJsonObject("step")), o.get("after").isJsonNull() ? null : open(o.getAsJsonObject("after"))));
            }
            return Optional.of(RoomSession.restore(str(root, "id"), HexFormat.of().parseHex(str(root, "secret")), read.dialogue(), content,
                    read.contentHash(), root.get("seed").getAsLong(), root.get("started").getAsLong(), root.get("rounds").getAsInt(),
                    steps, open, redo));
        } catch (RoomException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (why.length() > 160) why = why.substring(0, 160) + "…";
            throw new RoomException("The saved session cannot be resumed: " + why + ". It is kept as " + file + ".", e);
        }
    }

    private static Step step(JsonObject o) {
        return new Step(str(o, "node"), str(o, "round"), tally(o), hands(o), o.get("chosen").getAsInt(),
                DecidedBy.valueOf(str(o, "decidedBy").toUpperCase(Locale.ROOT)), phones(o));
    }

    private static Open open(JsonObject o) {
        return new Open(str(o, "round"), tally(o), hands(o), Phase.valueOf(str(o, "phase").toUpperCase(Locale.ROOT)), phoneVotes(o));
    }

    private static Tally tally(JsonObject o) {
        List<Integer> counts = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("votes")) counts.add(e.getAsInt());
        return new Tally(counts);
    }

    private static Integer hands(JsonObject o) {
        JsonElement e = o.get("showOfHands");
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    private static Set<String> phones(JsonObject o) {
        Set<String> out = new LinkedHashSet<>();
        JsonElement e = o.get("phones");
        if (e != null && e.isJsonArray()) e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
        return out;
    }

    /** The phones' votes of the open round: an object (token to file index), or a list of tokens from an older file. */
    private static java.util.Map<String, Integer> phoneVotes(JsonObject o) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        JsonElement e = o.get("phones");
        if (e != null && e.isJsonObject()) e.getAsJsonObject().entrySet().forEach(x -> out.put(x.getKey(), x.getValue().getAsInt()));
        else if (e != null && e.isJsonArray()) e.getAsJsonArray().forEach(x -> out.put(x.getAsString(), -1));
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("\"" + key + "\" is missing");
        return e.getAsString();
    }
}
