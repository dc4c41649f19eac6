package org.rapport.classroom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.HistoryReader.ResultAttempt;
import org.rapport.classroom.ResultsCollector.ClassResults;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.engine.Debrief.TechniqueScore;
import org.rapport.model.Outcome;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attempts as xAPI 1.0.3 statements, one per finished attempt, as a JSON array a learning record store accepts on
 * {@code POST /statements}. The actor is the trainee (an {@code account} on the class's home page), the verb
 * {@code completed}, the object the dialogue as a simulation activity, the result the score, outcome and time taken.
 * The technique steps, pitfalls and explanations of every decision travel in result extensions. Statement ids are
 * derived from the attempt key, so exporting the same attempt twice gives the same id and a store keeps it once.
 */
public final class Xapi {
    public static final String VERSION = "1.0.3";
    public static final String VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String ACTIVITY_SIMULATION = "http://adlnet.gov/expapi/activities/simulation";
    /** Extension keys, under the department's base: {@code <base>extensions/decisions} and so on. */
    public static final String EXT_DECISIONS = "extensions/decisions";
    public static final String EXT_TECHNIQUES = "extensions/technique-scores";
    public static final String EXT_MISSED_STEPS = "extensions/steps-missed";
    public static final String EXT_ENDING = "extensions/ending";
    public static final String EXT_MODE = "extensions/mode";
    public static final String EXT_CLASS = "extensions/class";
    /** Timestamps outside these years can't be written as an RFC 3339 time a learning record store accepts. */
    static final long EARLIEST = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();

    private Xapi() {
    }

    /** The statements, and each attempt left out with why (times that can't be right). */
    public record Export(JsonArray statements, List<String> skipped) {
    }

    /**
     * Every attempt of the class's results, trainee by trainee, oldest first, named under the department's own
     * address: {@code base} when given (the command line's --xapi-base), else the class's. Without one it refuses:
     * statements must not name activities and accounts at an address the department does not own.
     */
    public static Export export(ClassResults results, Catalog catalog, String base) {
        String b = ClassRoster.xapiBase(base != null && !base.isBlank() ? base : results.roster().xapiBase());
        if (b == null) {
            throw new RoomException("Set your department's xAPI address for \"" + results.roster().name() + "\" first (for example"
                    + " https://learning.example.org/rapport/): the statements name the class, its dialogues and its trainees under it.");
        }
        JsonArray out = new JsonArray();
        List<String> skipped = new java.util.ArrayList<>();
        for (Map.Entry<String, List<ResultAttempt>> e : results.attempts().entrySet()) {
            List<ResultAttempt> attempts = new java.util.ArrayList<>(e.getValue());
            java.util.Collections.reverse(attempts);
            for (ResultAttempt a : attempts) {
                if (a.started() < EARLIEST || a.finished() > LATEST || a.finished() < a.started()) {
                    skipped.add(e.getKey() + "'s attempt at \"" + a.dialogue().title() + "\": its times can't be right, so it is left out");
                    continue;
                }
                out.add(statement(a, e.getKey(), results.roster(), catalog, b));
            }
        }
        return new Export(out, List.copyOf(skipped));
    }

    public static String toJson(JsonArray statements) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(statements);
    }

    public static JsonObject statement(ResultAttempt a, String trainee, ClassRoster roster, Catalog catalog, String base) {
        Debrief d = a.debrief();
        JsonObject s = new JsonObject();
        s.addProperty("id", UUID.nameUUIDFromBytes(("rapport-attempt:" + a.key()).getBytes(StandardCharsets.UTF_8)).toString());

        JsonObject actor = new JsonObject();
        actor.addProperty("objectType", "Agent");
        actor.addProperty("name", trainee);
        JsonObject account = new JsonObject();
        account.addProperty("homePage", classIri(roster, base));
        account.addProperty("name", trainee);
        actor.add("account", account);
        s.add("actor", actor);

        JsonObject verb = new JsonObject();
        verb.addProperty("id", VERB_COMPLETED);
        verb.add("display", lang("completed"));
        s.add("verb", verb);

        JsonObject object = new JsonObject();
        object.addProperty("objectType", "Activity");
        object.addProperty("id", base + "dialogues/" + urlPart(a.dialogue().id()));
        JsonObject def = new JsonObject();
        def.add("name", lang(a.dialogue().title()));
        def.add("description", lang(a.dialogue().summary()));
        def.addProperty("type", ACTIVITY_SIMULATION);
        object.add("definition", def);
        s.add("object", object);

        JsonObject result = new JsonObject();
        JsonObject score = new JsonObject();
        score.addProperty("scaled", d.maxPoints() == 0 ? 0.0 : Math.round(d.points() * 10000.0 / d.maxPoints()) / 10000.0);
        score.addProperty("raw", d.points());
        score.addProperty("min", 0);
        score.addProperty("max", d.maxPoints());
        result.add("score", score);
        result.addProperty("completion", true);
        if (d.ending() != null) result.addProperty("success", d.ending().ending().outcome() == Outcome.WON);
        result.addProperty("duration", Duration.ofMillis(Math.max(0, a.finished() - a.started())).toString());
        JsonObject ext = new JsonObject();
        ext.add(base + EXT_DECISIONS, decisions(d, catalog));
        JsonArray techniques = new JsonArray();
        for (TechniqueScore t : d.techniques()) {
            JsonObject o = new JsonObject();
            o.addProperty("technique", t.techniqueId());
            o.addProperty("name", t.name());
            o.addProperty("points", t.points());
            o.addProperty("max", t.maxPoints());
            techniques.add(o);
        }
        ext.add(base + EXT_TECHNIQUES, techniques);
        JsonArray missed = new JsonArray();
        d.missedSteps().forEach(missed::add);
        ext.add(base + EXT_MISSED_STEPS, missed);
        if (d.ending() != null) {
            JsonObject ending = new JsonObject();
            ending.addProperty("id", d.ending().id());
            ending.addProperty("outcome", d.ending().ending().outcome().word());
            ending.addProperty("title", d.ending().ending().title());
            ext.add(base + EXT_ENDING, ending);
        }
        result.add("extensions", ext);
        s.add("result", result);

        JsonObject context = new JsonObject();
        context.addProperty("platform", "Rapport");
        context.addProperty("language", "en");
        JsonObject activities = new JsonObject();
        JsonArray grouping = new JsonArray();
        JsonObject cls = new JsonObject();
        cls.addProperty("objectType", "Activity");
        cls.addProperty("id", classIri(roster, base));
        JsonObject clsDef = new JsonObject();
        clsDef.add("name", lang(roster.name()));
        cls.add("definition", clsDef);
        grouping.add(cls);
        activities.add("grouping", grouping);
        context.add("contextActivities", activities);
        JsonObject cext = new JsonObject();
        cext.addProperty(base + EXT_MODE, a.mode());
        cext.addProperty(base + EXT_CLASS, roster.name());
        context.add("extensions", cext);
        s.add("context", context);

        s.addProperty("timestamp", Instant.ofEpochMilli(a.finished()).toString());
        s.addProperty("version", VERSION);
        return s;
    }

    private static JsonArray decisions(Debrief d, Catalog catalog) {
        JsonArray out = new JsonArray();
        for (DecisionReview r : d.decisions()) {
            JsonObject o = new JsonObject();
            o.addProperty("number", r.number());
            o.addProperty("node", r.nodeId());
            o.addProperty("customerSaid", r.customerSaid());
            o.addProperty("reply", r.chosen().say());
            o.addProperty("grade", r.grade().word());
            JsonArray tests = new JsonArray();
            r.tests().stream().filter(catalog::isStep).forEach(tests::add);
            o.add("stepsTested", tests);
            JsonArray uses = new JsonArray();
            r.chosen().uses().forEach(uses::add);
            o.add("stepsUsed", uses);
            JsonArray pitfalls = new JsonArray();
            r.chosen().pitfalls().forEach(pitfalls::add);
            o.add("pitfalls", pitfalls);
            o.addProperty("explanation", r.chosen().why());
            if (r.better() != null) {
                JsonObject better = new JsonObject();
                better.addProperty("reply", r.better().say());
                better.addProperty("grade", r.better().grade().word());
                better.addProperty("explanation", r.better().why());
                o.add("better", better);
            }
            JsonArray notes = new JsonArray();
            r.orderNotes().forEach(n -> notes.add(n.message()));
            if (!notes.isEmpty()) o.add("orderNotes", notes);
            o.addProperty("millis", r.millis());
            out.add(o);
        }
        return out;
    }

    private static String classIri(ClassRoster roster, String base) {
        return base + "classes/" + urlPart(roster.id());
    }

    private static JsonObject lang(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("en-US", text == null ? "" : text);
        return o;
    }

    private static String urlPart(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
