package org.rapport.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.rapport.format.DialogueWriter;

import java.util.List;

/**
 * The canonical text ({@link DialogueWriter}) of an imported {@link Scenario}: fields in the order of
 * docs/dialogue-format.md, every null field left out. A pure function: the same scenario gives the same bytes.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    public static String write(Scenario s) {
        JsonObject o = new JsonObject();
        o.addProperty("$schema", "./dialogue.schema.json");
        o.addProperty("format", 1);
        put(o, "id", s.id);
        put(o, "title", s.title);
        put(o, "summary", s.summary);
        put(o, "difficulty", s.difficulty);
        if (s.minutes != null) o.addProperty("minutes", s.minutes);
        if (!s.tags.isEmpty()) o.add("tags", strings(s.tags));
        if (s.customerName != null || s.persona != null || s.customerMood != null) {
            JsonObject c = new JsonObject();
            put(c, "name", s.customerName);
            put(c, "persona", s.persona);
            if (s.customerMood != null) c.addProperty("mood", s.customerMood);
            o.add("customer", c);
        }
        put(o, "setting", s.setting);
        if (!s.objectives.isEmpty() || !s.mayDo.isEmpty() || !s.mayNotDo.isEmpty()) {
            JsonObject p = new JsonObject();
            if (!s.objectives.isEmpty()) p.add("objectives", strings(s.objectives));
            if (!s.mayDo.isEmpty()) p.add("mayDo", strings(s.mayDo));
            if (!s.mayNotDo.isEmpty()) p.add("mayNotDo", strings(s.mayNotDo));
            o.add("prebrief", p);
        }
        put(o, "start", s.start);
        JsonObject nodes = new JsonObject();
        for (var e : s.nodes.entrySet()) nodes.add(e.getKey(), node(e.getValue()));
        o.add("nodes", nodes);
        return DialogueWriter.write(o);
    }

    private static JsonObject node(Scenario.Node n) {
        JsonObject o = new JsonObject();
        put(o, "say", n.say);
        put(o, "emotion", n.emotion);
        put(o, "note", n.note);
        if (n.isEnding()) {
            JsonObject e = new JsonObject();
            put(e, "outcome", n.outcome);
            put(e, "title", n.endingTitle);
            put(e, "summary", n.endingSummary);
            o.add("ending", e);
        } else {
            if (n.tests != null) o.add("tests", strings(n.tests));
            JsonArray cs = new JsonArray();
            for (Scenario.Reply r : n.choices) cs.add(reply(r));
            o.add("choices", cs);
        }
        return o;
    }

    private static JsonObject reply(Scenario.Reply r) {
        JsonObject o = new JsonObject();
        put(o, "say", r.say);
        put(o, "grade", r.grade);
        if (r.uses != null) o.add("uses", strings(r.uses));
        if (r.pitfalls != null) o.add("pitfalls", strings(r.pitfalls));
        if (r.mood != null) o.addProperty("mood", r.mood);
        put(o, "why", r.why);
        put(o, "next", r.next);
        return o;
    }

    private static void put(JsonObject o, String key, String value) {
        if (value != null) o.addProperty(key, value);
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }
}
