package org.rapport.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.model.Dialogue;
import org.rapport.store.AttemptSummary;
import org.rapport.store.HistoryFile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trainee's exported history ({@link HistoryFile}: {@code "kind": "rapport-history"}, format 1) without
 * importing it anywhere. Every attempt is replayed on the dialogue copy it carries, so an attempt that does not fit
 * its dialogue is reported rather than counted.
 */
public final class HistoryReader {
    private HistoryReader() {
    }

    /** One finished attempt from a history file, with its debrief. */
    public record ResultAttempt(String key, String trainee, Dialogue dialogue, String contentHash, String mode, long started,
                                long finished, Transcript transcript, Debrief debrief) {
        /** The attempt as the progress computation needs it. */
        public AttemptSummary summary() {
            var e = debrief.ending();
            return new AttemptSummary(key, trainee, dialogue.id(), dialogue.title(), contentHash, mode, started, finished,
                    e == null ? null : e.ending().outcome().word(), e == null ? null : e.ending().title(), debrief.points(),
                    debrief.maxPoints(), transcript.decisions().size());
        }
    }

    /** A history file as read: whose it is, when it was exported, its attempts, and the attempts left out with why. */
    public record TraineeHistory(String trainee, long exported, List<ResultAttempt> attempts, List<String> problems) {
    }

    /** Reads a history file's bytes; throws {@link IllegalArgumentException} with a plain reason when it is not one. */
    public static TraineeHistory read(byte[] bytes, Catalog catalog) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("it is not UTF-8 text");
        }
        JsonObject root;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(64);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) throw new IllegalArgumentException("it is not a Rapport history file");
            root = e.getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && !(e instanceof com.google.gson.JsonParseException)) throw iae;
            throw new IllegalArgumentException("it is not valid JSON");
        }
        if (!root.has("kind") || !root.get("kind").isJsonPrimitive() || !HistoryFile.KIND.equals(root.get("kind").getAsString())) {
            throw new IllegalArgumentException("it is not a Rapport history file (no \"kind\": \"" + HistoryFile.KIND + "\")");
        }
        int format = root.has("format") && root.get("format").isJsonPrimitive() && root.get("format").getAsJsonPrimitive().isNumber()
                ? root.get("format").getAsInt() : -1;
        if (format != HistoryFile.FORMAT) {
            throw new IllegalArgumentException("it uses history format " + format + "; this Rapport reads format " + HistoryFile.FORMAT
                    + (format > HistoryFile.FORMAT ? " (update Rapport)" : ""));
        }
        String trainee;
        try {
            trainee = str(root.getAsJsonObject("trainee"), "name").strip();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("it does not say whose history it is");
        }
        if (trainee.isEmpty()) throw new IllegalArgumentException("it does not say whose history it is");
        long exported = root.has("exported") && root.get("exported").isJsonPrimitive() ? root.get("exported").getAsLong() : 0;
        JsonArray attempts = root.has("attempts") && root.get("attempts").isJsonArray() ? root.getAsJsonArray("attempts") : null;
        if (attempts == null) throw new IllegalArgumentException("it has no list of attempts");
        List<ResultAttempt> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Dialogue> parsed = new HashMap<>();
        int n = 0;
        for (JsonElement el : attempts) {
            n++;
            try {
                out.add(attempt(el.getAsJsonObject(), trainee, catalog, parsed));
            } catch (RuntimeException e) {
                problems.add("attempt " + n + " left out (" + reason(e) + ")");
            }
        }
        return new TraineeHistory(trainee, exported, out, problems);
    }

    private static ResultAttempt attempt(JsonObject a, String trainee, Catalog catalog, Map<String, Dialogue> parsed) {
        String key = str(a, "key");
        JsonObject dj = a.getAsJsonObject("dialogue");
        String content = str(dj, "content");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = DialogueReader.sha256(bytes);
        Dialogue d = parsed.get(hash);
        if (d == null) {
            ReadResult read = new DialogueReader().read(str(dj, "id") + ".json", bytes);
            if (read.dialogue() == null || read.diagnostics().stream().anyMatch(org.rapport.diag.Diagnostic::isError)) {
                throw new IllegalArgumentException("the copy of its dialogue is damaged");
            }
            d = read.dialogue();
            parsed.put(hash, d);
        }
        Playthrough p = Playthrough.startAt(d, str(a, "startNode"), a.get("startMood").getAsInt(), a.get("seed").getAsLong());
        for (JsonElement e : a.getAsJsonArray("decisions")) {
            JsonObject dec = e.getAsJsonObject();
            if (p.ended()) throw new IllegalArgumentException("more replies than the conversation had");
            if (!p.current().id().equals(str(dec, "node"))) throw new IllegalArgumentException("its replies do not fit its dialogue");
            p.chooseIndex(dec.get("chosenPosition").getAsInt(), Math.max(0, dec.get("millis").getAsLong()));
        }
        if (!p.ended()) throw new IllegalArgumentException("it never reached an ending");
        Transcript t = p.transcript();
        String mode = "practice".equals(str(a, "mode")) ? "practice" : "assessment";
        return new ResultAttempt(key, trainee, d, hash, mode, a.get("started").getAsLong(), a.get("finished").getAsLong(), t,
                Debrief.of(d, t, catalog));
    }

    /**
     * Why an attempt could not be read, in words for a facilitator. Our own checks throw IllegalArgumentException with
     * such words, and Gson's parse errors say where the text broke; anything else Gson throws while reading a field
     * (a string where a number belongs, an object where an array does, a missing field) means one thing to a reader.
     */
    private static String reason(RuntimeException e) {
        String m = e.getMessage();
        boolean ours = e instanceof IllegalArgumentException && !(e instanceof NumberFormatException);
        if (m == null || !(ours || e instanceof com.google.gson.JsonParseException)) {
            return "a field is missing or of the wrong kind";
        }
        m = m.lines().findFirst().orElse("");
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) throw new IllegalArgumentException("\"" + key + "\" is missing");
        return e.getAsString();
    }
}
