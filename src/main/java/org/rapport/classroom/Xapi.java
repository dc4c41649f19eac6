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
    public static final String BASE = "https://github.com/rapport-trainer/rapport/xapi/";
    public static final String VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String ACTIVITY_SIMULATION = "http://adlnet.gov/expapi/activities/simulation";
    public static final String EXT_DECISIONS = BASE + "extensions/decisions";
    public static final String EXT_TECHNIQUES = BASE + "extensions/technique-scores";
    public static final String EXT_MISSED_STEPS = BASE + "extensions/steps-missed";
    public static final String EXT_ENDING = BASE + "extensions/ending";
    public static final String EXT_MODE = BASE + "extensions/mode";
    public static final String EXT_CLASS = BASE + "extensions/class";

    private Xapi() {
    }

    /** Every attempt of the class's results, trainee by trainee, oldest first. */
    public static JsonArray statements(ClassResults results, Catalog catalog) {
        JsonArray out = new JsonArray();
        for (Map.Entry<String, List<ResultAttempt>> e : results.attempts().entrySet()) {
            List<ResultAttempt> attempts = new java.util.ArrayList<>(e.getValue());
            java.util.Collections.reverse(attempts);
            for (ResultAttempt a : attempts) out.add(statement(a, e.getKey(), results.roster(), catalog));
        }
        return out;
    }

    public static String toJson(JsonArray statements) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(statements);
    }

    public static JsonObject statement(ResultAttempt a, String trainee, ClassRoster roster, Catalog catalog) {
        Debrief d = a.debrief();
        JsonObject s = new JsonObject();
        s.addProperty("id", UUID.nameUUIDFromBytes(("rapport-attempt:" + a.key()).getBytes(StandardCharsets.UTF_8)).toString());

        JsonObject actor = new JsonObject();
        actor.addProperty("objectType", "Agent");
        actor.addProperty("name", trainee);
        JsonObject account = new JsonObject();
        account.addProperty("homePage", classIri(roster));
        account.addProperty("name", trainee);
        actor.add("account", account);
        s.add("actor", actor);

        JsonObject verb = new JsonObject();
        verb.addProperty("id", VERB_COMPLETED);
        verb.add("display", lang("completed"));
        s.add("verb", verb);

        JsonObject object = new JsonObject();
        object.addProperty("objectType", "Activity");
        object.addProperty("id", BASE + "dialogues/" + urlPart(a.dialogue().id()));
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
        ext.add(EXT_DECISIONS, decisions(d, catalog));
        JsonArray techniques = new JsonArray();
        for (TechniqueScore t : d.techniques()) {
            JsonObject o = new JsonObject();
            o.addProperty("technique", t.techniqueId());
            o.addProperty("name", t.name());
            o.addProperty("points", t.points());
            o.addProperty("max", t.maxPoints());
            techniques.add(o);
        }
        ext.add(EXT_TECHNIQUES, techniques);
        JsonArray missed = new JsonArray();
        d.missedSteps().forEach(missed::add);
        ext.add(EXT_MISSED_STEPS, missed);
        if (d.ending() != null) {
            JsonObject ending = new JsonObject();
            ending.addProperty("id", d.ending().id());
            ending.addProperty("outcome", d.ending().ending().outcome().word());
            ending.addProperty("title", d.ending().ending().title());
            ext.add(EXT_ENDING, ending);
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
        cls.addProperty("id", classIri(roster));
        JsonObject clsDef = new JsonObject();
        clsDef.add("name", lang(roster.name()));
        cls.add("definition", clsDef);
        grouping.add(cls);
        activities.add("grouping", grouping);
        context.add("contextActivities", activities);
        JsonObject cext = new JsonObject();
        cext.addProperty(EXT_MODE, a.mode());
        cext.addProperty(EXT_CLASS, roster.name());
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

    private static String classIri(ClassRoster roster) {
        return BASE + "classes/" + urlPart(roster.id());
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
