package org.rapport.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                if (raw.answer().ownWords() != null) dec.addProperty("ownWords", raw.answer().ownWords());
                if (raw.answer().saidAloud()) dec.addProperty("saidAloud", true);
                if (raw.answer().confidence() != null) dec.addProperty("confidence", raw.answer().confidence().key());
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
     * Imports a history file into {@code trainee}, all or nothing: the file is read strictly ({@link HistoryParser});
     * if it, or any attempt in it, is malformed (wrong types, missing fields, times that can't be true, trailing data,
     * bytes that are not UTF-8, a dialogue copy that is damaged or does not fit its replies), nothing is imported and
     * the message names the attempt and the field. Attempts imported before are skipped. The new ones are stored in
     * one transaction, so a failure half-way leaves the store as it was.
     *
     * @param libraryIds ids of the dialogues in the current library, to say which imported ones it lacks
     */
    public static ImportReport importInto(Store store, Trainee trainee, Catalog catalog, Path file, Set<String> libraryIds) throws IOException {
        return importInto(store, trainee, catalog, file, libraryIds, System.currentTimeMillis());
    }

    static ImportReport importInto(Store store, Trainee trainee, Catalog catalog, Path file, Set<String> libraryIds, long now) throws IOException {
        String name = String.valueOf(file.getFileName());
        if (Files.size(file) > MAX_BYTES) {
            throw new StoreException(name + " is larger than " + (MAX_BYTES >> 20) + " MB; it is not a Rapport history file.");
        }
        HistoryParser.Parsed parsed;
        try {
            parsed = HistoryParser.parse(Files.readAllBytes(file), now);
        } catch (HistoryParser.HistoryFormatException e) {
            throw new StoreException(name + " was not imported: " + e.getMessage() + ".");
        }
        if (!parsed.problems().isEmpty()) {
            List<String> shown = parsed.problems().subList(0, Math.min(3, parsed.problems().size()));
            int more = parsed.problems().size() - shown.size();
            throw new StoreException(name + " was not imported, so nothing in it was added: " + String.join("; ", shown)
                    + (more > 0 ? "; and " + more + " more" : "") + ".");
        }
        int already = 0;
        List<String> missing = new ArrayList<>();
        List<Store.Imported> fresh = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (HistoryParser.Attempt a : parsed.attempts()) {
            if (!seen.add(a.key()) || store.hasImportKey(a.key()) || store.summaryOf(a.key()).isPresent()) {
                already++;
                continue;
            }
            fresh.add(new Store.Imported(a.key(), a.dialogue(), a.content(), a.contentHash(),
                    Mode.ofKey(a.mode()), a.started(), a.finished(), a.transcript(),
                    Debrief.of(a.dialogue(), a.transcript(), catalog)));
            if (!libraryIds.contains(a.dialogue().id()) && !missing.contains(a.dialogue().title())) missing.add(a.dialogue().title());
        }
        store.importAll(trainee.id(), fresh);
        List<String> notes = missing.isEmpty() ? List.of()
                : List.of("Your library has no dialogue " + String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList())
                + "; those attempts and their debriefs are kept all the same.");
        return new ImportReport(parsed.trainee(), fresh.size(), already, List.of(), notes);
    }
}
