package org.rapport.engine;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.model.Choice;
import org.rapport.model.Dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcript and debrief as a JSON-ready tree (maps, lists, texts, numbers): self-describing, with the text shown
 * and not just ids. {@code play --json} prints it, and the web player in a learning-system package builds the very
 * same tree from the same engine, so the two can be compared field for field.
 */
public final class DebriefTree {
    private DebriefTree() {
    }

    public static Map<String, Object> of(Dialogue d, Transcript t, Debrief debrief, Catalog catalog) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialogue", pair("id", d.id(), "title", d.title()));
        root.put("startMood", t.startMood());
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (int i = 0; i < debrief.decisions().size(); i++) {
            DecisionReview r = debrief.decisions().get(i);
            Decision raw = t.decisions().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", r.number());
            m.put("node", r.nodeId());
            m.put("customerSaid", r.customerSaid());
            m.put("emotion", r.emotion());
            m.put("tests", r.tests());
            m.put("offered", raw.offered().stream().map(x -> x + 1).toList());
            m.put("chosen", choice(r.chosen()));
            m.put("moodBefore", r.moodBefore());
            m.put("moodAfter", r.moodAfter());
            m.put("orderNotes", r.orderNotes().stream().map(Debrief.OrderNote::message).toList());
            m.put("better", r.better() == null ? null : choice(r.better()));
            decisions.add(m);
        }
        root.put("decisions", decisions);
        if (debrief.ending() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("node", debrief.ending().id());
            e.put("say", debrief.ending().say());
            e.put("outcome", debrief.ending().ending().outcome().word());
            e.put("title", debrief.ending().ending().title());
            e.put("summary", debrief.ending().ending().summary());
            e.put("recoveryNote", debrief.recoveryNote());
            root.put("ending", e);
        }
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("points", debrief.points());
        score.put("max", debrief.maxPoints());
        score.put("percent", debrief.percent());
        List<Map<String, Object>> techs = new ArrayList<>();
        for (Debrief.TechniqueScore s : debrief.techniques()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("technique", s.techniqueId());
            m.put("name", s.name());
            m.put("points", s.points());
            m.put("max", s.maxPoints());
            m.put("percent", s.percent());
            techs.add(m);
        }
        score.put("techniques", techs);
        root.put("score", score);
        root.put("moodCurve", debrief.moodCurve());
        root.put("missedSteps", debrief.missedSteps().stream().map(id -> pair("id", id, "name", catalog.displayName(id))).toList());
        return root;
    }

    /** Two keys in this order (Map.of has no order, and the printed JSON should not change between runs). */
    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Object> choice(Choice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", c.index() + 1);
        m.put("say", c.say());
        m.put("grade", c.grade().word());
        m.put("uses", c.uses());
        m.put("pitfalls", c.pitfalls());
        m.put("mood", c.mood());
        m.put("why", c.why());
        return m;
    }
}
