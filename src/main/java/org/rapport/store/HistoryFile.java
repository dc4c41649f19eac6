package org.rapport.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A trainee's history as one self-describing JSON file, for moving to another laptop or handing to a facilitator.
 * It carries the words: each attempt holds the dialogue file it was played on, what the customer said, the replies
 * offered and the one chosen, so it reads without Rapport and re-imports exactly. Importing the same file twice adds
 * nothing the second time.
 */
public final class HistoryFile {
    public static final int FORMAT = 1;
    public static final String KIND = "rapport-history";
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private HistoryFile() {
    }

    /** What an import did: how many attempts came in, and each one left out with the reason. */
    public record ImportReport(String traineeName, int imported, int alreadyThere, List<String> notImported, List<String> notes) {
        public String describe() {
            StringBuilder sb = new StringBuilder("Imported " + imported + (imported == 1 ? " attempt" : " attempts") + " for " + traineeName + ".");
            if (alreadyThere > 0) sb.append(" ").append(alreadyThere).append(" were already here and were skipped.");
            if (!notImported.isEmpty()) sb.append(" Not imported: ").append(String.join("; ", notImported)).append('.');
            if (!notes.isEmpty()) sb.append(" ").append(String.join(" ", notes));
            return sb.toString();
        }
    }

    // == export ==

    public static void export(Store store, Trainee trainee, Catalog catalog, Path file, long now) throws IOException {
        String json = toJson(store, trainee, catalog, now);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The history file's text for {@code trainee}: every finished attempt in the store, as {@link #export} writes it. */
    public static String toJson(Store store, Trainee trainee, Catalog catalog, long now) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("kind", KIND);
        root.addProperty("about", "A Rapport trainee's history: every finished attempt with the dialogue it was played on and the replies chosen.");
        root.addProperty("exported", now);
        JsonObject t = new JsonObject();
        t.addProperty("name", trainee.name());
        t.addProperty("created", trainee.created());
        root.add("trainee", t);
        JsonArray attempts = new JsonArray();
        for (AttemptSummary s : store.history(trainee.id())) {
            StoredAttempt a = store.load(s.id());
            Dialogue d = a.dialogue();
            Debrief debrief = a.debrief(catalog);
            JsonObject o = new JsonObject();
            o.addProperty("key", s.id());
            JsonObject dj = new JsonObject();
            dj.addProperty("id", s.dialogueId());
            dj.addProperty("title", s.dialogueTitle());
            dj.addProperty("contentHash", s.contentHash());
            dj.addProperty("content", new String(a.dialogueBytes(), StandardCharsets.UTF_8));
            o.add("dialogue", dj);
            o.addProperty("mode", s.mode());
            o.addProperty("started", s.started());
            o.addProperty("finished", s.finished());
            o.addProperty("startNode", a.transcript().startNode());
            o.addProperty("startMood", a.transcript().startMood());
            o.addProperty("seed", a.transcript().seed());
            JsonObject ending = new JsonObject();
            ending.addProperty("id", a.transcript().endingId());
            ending.addProperty("title", s.endingTitle());
            ending.addProperty("outcome", s.outcome());
            o.add("ending", ending);
            JsonObject score = new JsonObject();
            score.addProperty("points", debrief.points());
            score.addProperty("max", debrief.maxPoints());
            score.addProperty("percent", debrief.percent());
            o.add("score", score);
            JsonArray decisions = new JsonArray();
            for (int i = 0; i < debrief.decisions().size(); i++) {
                DecisionReview r = debrief.decisions().get(i);
                Decision raw = a.transcript().decisions().get(i);
                JsonObject dec = new JsonObject();
                dec.addProperty("node", r.nodeId());
                dec.addProperty("customerSaid", r.customerSaid());
                JsonArray offered = new JsonArray();
                for (int pos : raw.offered()) offered.add(((org.rapport.model.CustomerNode) d.node(r.nodeId())).choices().get(pos).say());
                dec.add("offeredReplies", offered);
                JsonArray offeredPositions = new JsonArray();
                raw.offered().forEach(offeredPositions::add);
                dec.add("offeredPositions", offeredPositions);
                dec.addProperty("chosenPosition", raw.chosen());
                dec.addProperty("reply", r.chosen().say());
                dec.addProperty("grade", r.grade().word());
                dec.addProperty("millis", raw.millis());
                dec.addProperty("moodBefore", raw.moodBefore());
                dec.addProperty("moodAfter", raw.moodAfter());
                dec.addProperty("next", raw.next());
                decisions.add(dec);
            }
            o.add("decisions", decisions);
            attempts.add(o);
        }
        root.add("attempts", attempts);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        return gson.toJson(root);
    }

    // == import ==

    /**
     * Imports a history file into {@code trainee}. Refuses a file that is not a history, is too large, malformed, or
     * from a newer format; otherwise imports every attempt it can and reports the others with a reason.
     *
     * @param libraryIds ids of the dialogues in the current library, to say which imported ones it lacks
     */
    public static ImportReport importInto(Store store, Trainee trainee, Catalog catalog, Path file, Set<String> libraryIds) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new StoreException(file.getFileName() + " is larger than " + (MAX_BYTES >> 20) + " MB; it is not a Rapport history file.");
        }
        JsonObject root;
        try (JsonReader reader = new JsonReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) throw new StoreException(file.getFileName() + " is not a Rapport history file.");
            root = e.getAsJsonObject();
        } catch (RuntimeException e) {
            if (e instanceof StoreException se) throw se;
            throw new StoreException(file.getFileName() + " cannot be read as a history file: " + firstLine(e.getMessage()), e);
        }
        if (!root.has("kind") || !KIND.equals(str(root, "kind"))) {
            throw new StoreException(file.getFileName() + " is not a Rapport history file (it has no \"kind\": \"" + KIND + "\").");
        }
        int format = root.has("format") && root.get("format").isJsonPrimitive() ? root.get("format").getAsInt() : -1;
        if (format != FORMAT) {
            throw new StoreException(file.getFileName() + " uses history format " + format + "; this Rapport reads format " + FORMAT
                    + (format > FORMAT ? ". Update Rapport to import it." : "."));
        }
        String from = root.has("trainee") && root.get("trainee").isJsonObject() ? str(root.getAsJsonObject("trainee"), "name") : "unknown";
        int imported = 0;
        int already = 0;
        List<String> skipped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        JsonArray attempts = root.has("attempts") && root.get("attempts").isJsonArray() ? root.getAsJsonArray("attempts") : new JsonArray();
        int n = 0;
        for (JsonElement el : attempts) {
            n++;
            try {
                JsonObject a = el.getAsJsonObject();
                String key = str(a, "key");
                if (store.hasImportKey(key) || store.summaryOf(key).isPresent()) {
                    already++;
                    continue;
                }
                JsonObject dj = a.getAsJsonObject("dialogue");
                byte[] content = str(dj, "content").getBytes(StandardCharsets.UTF_8);
                var read = new DialogueReader().read(str(dj, "id") + ".json", content);
                if (read.dialogue() == null || read.diagnostics().stream().anyMatch(org.rapport.diag.Diagnostic::isError)) {
                    skipped.add("attempt " + n + " (the copy of \"" + str(dj, "title") + "\" it carries is damaged)");
                    continue;
                }
                Dialogue d = read.dialogue();
                Transcript t = replay(d, a);
                Debrief debrief = Debrief.of(d, t, catalog);
                Mode mode = "practice".equals(str(a, "mode")) ? Mode.PRACTICE : Mode.ASSESSMENT;
                store.importAttempt(trainee.id(), key, d, content, read.contentHash(), mode, a.get("started").getAsLong(),
                        a.get("finished").getAsLong(), t, debrief);
                imported++;
                if (!libraryIds.contains(d.id()) && !missing.contains(d.title())) missing.add(d.title());
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                skipped.add("attempt " + n + " (" + firstLine(String.valueOf(e.getMessage())) + ")");
            }
        }
        List<String> notes = missing.isEmpty() ? List.of()
                : List.of("Your library has no dialogue " + String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList())
                + "; those attempts and their debriefs are kept all the same.");
        return new ImportReport(from, imported, already, skipped, notes);
    }

    /** Rebuilds the transcript by replaying the chosen replies on the carried dialogue, so nothing inconsistent gets in. */
    private static Transcript replay(Dialogue d, JsonObject a) {
        Playthrough p = Playthrough.startAt(d, str(a, "startNode"), a.get("startMood").getAsInt(), a.get("seed").getAsLong());
        for (JsonElement e : a.getAsJsonArray("decisions")) {
            JsonObject dec = e.getAsJsonObject();
            if (p.ended()) throw new IllegalArgumentException("more replies than the conversation had");
            if (!p.current().id().equals(str(dec, "node"))) throw new IllegalArgumentException("its replies do not fit the dialogue it carries");
            p.chooseIndex(dec.get("chosenPosition").getAsInt(), dec.get("millis").getAsLong());
        }
        if (!p.ended()) throw new IllegalArgumentException("the conversation in it never reached an ending");
        return p.transcript();
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("\"" + key + "\" is missing");
        return e.getAsString();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line.toLowerCase(Locale.ROOT).startsWith("use jsonreader") ? "malformed JSON" : line;
    }
}
