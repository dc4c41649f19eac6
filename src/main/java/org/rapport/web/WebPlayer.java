package org.rapport.web;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;
import org.rapport.engine.Debrief;
import org.rapport.engine.DebriefTree;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.StepResult;
import org.rapport.engine.Transcript;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.format.json.JsonText;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.teavm.jso.JSExport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web player's engine: the desktop's own reader, engine and debrief behind a thin API that TeaVM compiles to
 * JavaScript ({@code player/engine.js} in a learning-system package). Every call takes and returns plain values or JSON
 * text, so the page needs no knowledge of Java objects. One conversation at a time, as one page plays one dialogue.
 * <p>
 * Nothing here is specific to the browser: the tests call the same methods on the JVM and compare the two results.
 */
public final class WebPlayer {
    private static Dialogue dialogue;
    private static Catalog catalog;
    private static Mode mode = Mode.PRACTICE;
    private static Playthrough play;

    private WebPlayer() {
    }

    /** TeaVM needs an entry point; the page calls the exported methods. */
    public static void main(String[] args) {
    }

    /**
     * Reads a dialogue file's text and the catalog's. Returns {@code {"ok":true, "dialogue":{...}}} with what the
     * pre-brief shows, or {@code {"ok":false, "problems":[{"line","column","message"}]}}.
     */
    @JSExport
    public static String open(String dialogueJson, String catalogJson) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            catalog = Catalog.read(catalogJson);
        } catch (RuntimeException e) {
            out.put("ok", false);
            out.put("problems", List.of(problem(0, 0, e.getMessage())));
            return JsonText.write(out);
        }
        ReadResult r = new DialogueReader().readText("dialogue", dialogueJson);
        List<Object> problems = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.severity() == Severity.ERROR) problems.add(problem(d.line(), d.column(), d.message()));
        }
        if (r.dialogue() == null || !problems.isEmpty()) {
            dialogue = null;
            out.put("ok", false);
            out.put("problems", problems);
            return JsonText.write(out);
        }
        dialogue = r.dialogue();
        play = null;
        out.put("ok", true);
        out.put("dialogue", about(dialogue));
        return JsonText.write(out);
    }

    /** Starts the conversation with a seed for the order replies are shown in; returns the view. */
    @JSExport
    public static String start(int seed, String modeKey) {
        if (dialogue == null) return error("Open a dialogue first.");
        mode = Mode.known(modeKey) ? Mode.ofKey(modeKey) : Mode.PRACTICE;
        play = Playthrough.start(dialogue, seed);
        return view();
    }

    /**
     * Resumes a conversation left halfway from {@link #suspendData()}: the same seed and the same replies, so the
     * trainee is back at the same decision with the same replies in the same order. Returns the view, or an error
     * when the data does not fit this dialogue (then the page starts afresh).
     */
    @JSExport
    public static String resume(String data) {
        if (dialogue == null) return error("Open a dialogue first.");
        try {
            String[] parts = data.split(";", -1);
            if (parts.length != 4 || !parts[0].equals("r1")) return error("The saved place is not one this player wrote.");
            Mode m = Mode.ofKey(parts[2]);
            Playthrough p = Playthrough.start(dialogue, Long.parseLong(parts[1], 36));
            if (!parts[3].isEmpty()) {
                for (String step : parts[3].split(",")) {
                    int dot = step.indexOf('.');
                    int index = Integer.parseInt(step.substring(0, dot), 36);
                    long millis = Long.parseLong(step.substring(dot + 1), 36);
                    p.chooseIndex(index, millis);
                }
            }
            mode = m;
            play = p;
            return view();
        } catch (RuntimeException e) {
            return error("The saved place does not fit this dialogue: " + e.getMessage());
        }
    }

    /**
     * The conversation so far in a few characters, for the learning system to keep while the trainee is away
     * ({@code r1;seed;mode;reply.millis,...}, numbers in base 36): well within SCORM 1.2's 4,096 characters.
     */
    @JSExport
    public static String suspendData() {
        if (play == null) return "";
        StringBuilder s = new StringBuilder("r1;").append(Long.toString(play.transcript().seed(), 36)).append(';')
                .append(mode.key()).append(';');
        List<Decision> ds = play.transcript().decisions();
        for (int i = 0; i < ds.size(); i++) {
            if (i > 0) s.append(',');
            s.append(Integer.toString(ds.get(i).chosen(), 36)).append('.').append(Long.toString(ds.get(i).millis(), 36));
        }
        return s.toString();
    }

    /** Where the conversation stands: the customer's last line, the mood, the replies on offer, or the ending. */
    @JSExport
    public static String view() {
        if (play == null) return error("Start the conversation first.");
        return JsonText.write(viewTree());
    }

    /**
     * Gives the reply shown at {@code shownPosition} (1-based, as the page numbers them) after {@code millis} of
     * thought. Returns {@code {"step":{...}, "view":{...}}}: what the reply was, its grade, why, the better reply, what
     * the learning system records for it; and where the conversation is now.
     */
    @JSExport
    public static String choose(int shownPosition, int millis) {
        if (play == null) return error("Start the conversation first.");
        StepResult r;
        try {
            r = play.choose(shownPosition - 1, millis);
        } catch (RuntimeException e) {
            return error(e.getMessage());
        }
        CustomerNode at = (CustomerNode) dialogue.node(r.decision().nodeId());
        Choice c = r.choice();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("node", at.id());
        step.put("customerSaid", at.say());
        step.put("reply", c.index() + 1);
        step.put("say", c.say());
        step.put("grade", c.grade().word());
        step.put("result", result(c.grade()));
        step.put("uses", names(c.uses()));
        step.put("pitfalls", names(c.pitfalls()));
        step.put("why", c.why());
        Choice better = Debrief.better(at, c);
        step.put("better", better == null ? null : better.say());
        step.put("moodBefore", r.decision().moodBefore());
        step.put("moodAfter", r.decision().moodAfter());
        step.put("millis", r.decision().millis());
        step.put("replies", at.choices().size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", step);
        out.put("view", viewTree());
        return JsonText.write(out);
    }

    /**
     * The debrief: {@code report} is exactly the tree {@code rapport play --json} prints for the same transcript
     * ({@link DebriefTree}); {@code names} gives a display name for every technique, step and pitfall it mentions.
     */
    @JSExport
    public static String debrief() {
        if (play == null) return error("Start the conversation first.");
        Transcript t = play.transcript();
        Debrief d = Debrief.of(dialogue, t, catalog);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("report", DebriefTree.of(dialogue, t, d, catalog));
        Map<String, Object> names = new LinkedHashMap<>();
        for (Debrief.DecisionReview r : d.decisions()) {
            for (String id : r.tests()) names.put(id, catalog.displayName(id));
            for (String id : r.chosen().uses()) names.put(id, catalog.displayName(id));
            for (String id : r.chosen().pitfalls()) names.put(id, catalog.displayName(id));
            if (r.better() != null) for (String id : r.better().uses()) names.put(id, catalog.displayName(id));
        }
        out.put("names", names);
        out.put("finished", t.finished());
        return JsonText.write(out);
    }

    /** The debrief's tree alone, as {@link DebriefTree} builds it: what the parity test compares with the desktop's. */
    @JSExport
    public static String debriefTree() {
        if (play == null) return error("Start the conversation first.");
        Transcript t = play.transcript();
        return JsonText.write(DebriefTree.of(dialogue, t, Debrief.of(dialogue, t, catalog), catalog));
    }

    private static Map<String, Object> viewTree() {
        Map<String, Object> v = new LinkedHashMap<>();
        Node n = play.current();
        v.put("node", n.id());
        v.put("mood", play.mood());
        v.put("moodWords", Mood.describe(play.mood()));
        v.put("decisionNumber", play.transcript().decisions().size() + 1);
        v.put("expected", Math.max(play.expectedDecisions(), play.transcript().decisions().size() + 1));
        v.put("decisionsMade", play.transcript().decisions().size());
        v.put("ended", play.ended());
        v.put("mode", mode.key());
        if (n instanceof CustomerNode c) {
            v.put("say", c.say());
            v.put("emotion", c.emotion());
            List<Object> offered = new ArrayList<>();
            List<Choice> shown = play.offered();
            for (int i = 0; i < shown.size(); i++) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("position", i + 1);
                o.put("say", shown.get(i).say());
                offered.add(o);
            }
            v.put("offered", offered);
        } else if (n instanceof EndingNode e) {
            v.put("say", e.say());
            v.put("emotion", e.emotion());
            Map<String, Object> ending = new LinkedHashMap<>();
            ending.put("title", e.ending().title());
            ending.put("summary", e.ending().summary());
            ending.put("outcome", e.ending().outcome().word());
            v.put("ending", ending);
            v.put("offered", List.of());
        }
        return v;
    }

    private static Map<String, Object> about(Dialogue d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("title", d.title());
        m.put("summary", d.summary());
        m.put("difficulty", d.difficulty() == null ? null : d.difficulty().word());
        m.put("minutes", d.minutes());
        m.put("customer", d.customer().name());
        m.put("persona", d.customer().persona());
        m.put("startMood", d.customer().mood());
        m.put("startMoodWords", Mood.describe(Mood.clamp(d.customer().mood())));
        m.put("setting", d.setting());
        m.put("objectives", d.prebrief().objectives());
        m.put("mayDo", d.prebrief().mayDo());
        m.put("mayNotDo", d.prebrief().mayNotDo());
        m.put("decisions", d.decisions().size());
        return m;
    }

    /** The learning system's word for a reply: the best is correct, a harmful one wrong, the rest neutral. */
    static String result(Grade g) {
        return switch (g) {
            case BEST -> "correct";
            case HARMFUL -> "wrong";
            default -> "neutral";
        };
    }

    private static List<Object> names(List<String> ids) {
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", catalog.displayName(id));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> problem(int line, int column, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", line);
        m.put("column", column);
        m.put("message", message);
        return m;
    }

    private static String error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return JsonText.write(m);
    }
}
