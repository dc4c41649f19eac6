package org.rapport.importer;

import com.bladecoder.ink.runtime.Choice;
import com.bladecoder.ink.runtime.Story;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled ink JSON (inkle/ink, ink_JSON_runtime_format.md; versions 18-21), read by running it with blade-ink, the Java
 * ink runtime, rather than by parsing it: ink is a program. From the start, and from a saved state before every
 * choice, the story is played to its next choice point; each distinct choice point (its text and its choices) becomes
 * a customer node, each choice a reply, and each place the story ends an ending. Tags follow the convention: choice
 * tags give a reply's grade, mood, steps, pitfalls and why; line tags give a node's emotion and tests and an ending's
 * outcome; global tags give the title and the story settings. The run is bounded in nodes, replies and time, and no
 * external function is bound, so the story can call nothing outside itself.
 */
final class InkImporter {
    static final int MIN_VERSION = 18;
    static final int MAX_VERSION = 21;
    static final int MAX_NODES = 500;
    static final int MAX_REPLIES = 5000;
    static final int MAX_LINES = 2000;
    static final long BUDGET_MILLIS = 5_000;

    private InkImporter() {
    }

    static Scenario read(String json, ImportReport report, Convention convention, String fileBase) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            report.error("RAP101", 1, 1, "Not valid JSON, so not compiled ink: " + firstLine(e.getMessage()) + ".");
            return null;
        }
        if (!tree.isJsonObject() || !tree.getAsJsonObject().has("inkVersion")) {
            report.error("RAP101", 1, 1, "No \"inkVersion\": this JSON file is not compiled ink.");
            return null;
        }
        JsonObject root = tree.getAsJsonObject();
        JsonElement v = root.get("inkVersion");
        int[] at = position(json, "\"inkVersion\"");
        int version;
        try {
            version = v.getAsInt();
        } catch (RuntimeException e) {
            report.error("RAP102", at[0], at[1], "\"inkVersion\" is not a number.");
            return null;
        }
        if (version < MIN_VERSION || version > MAX_VERSION) {
            report.error("RAP102", at[0], at[1], "Compiled with ink version " + version + "; Rapport reads versions " + MIN_VERSION
                    + " to " + MAX_VERSION + ". " + (version < MIN_VERSION ? "Compile the .ink source again with a current inklecate or Inky."
                    : "This file is newer than the ink runtime Rapport uses."));
            return null;
        }
        scanChoiceFlags(root.get("root"), report, new int[3], 0);
        Story story;
        try {
            story = new Story(json);
            story.setAllowExternalFunctionFallbacks(true);
        } catch (Exception | StackOverflowError e) {
            report.error("RAP101", 1, 1, "The ink runtime cannot load this story: " + firstLine(String.valueOf(e.getMessage())) + ".");
            return null;
        }
        return new InkImporter.Explorer(story, report, convention).explore(fileBase);
    }

    /** Conditions, fallback and once-only choices, from the choice points' flags in the compiled JSON. */
    private static void scanChoiceFlags(JsonElement e, ImportReport report, int[] counts, int depth) {
        if (e == null || depth > 512) return;
        if (e.isJsonArray()) {
            for (JsonElement c : e.getAsJsonArray()) scanChoiceFlags(c, report, counts, depth + 1);
        } else if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("*") && o.has("flg") && o.get("flg").isJsonPrimitive()) {
                int flg;
                try {
                    flg = o.get("flg").getAsInt();
                } catch (RuntimeException ex) {
                    flg = 0;
                }
                String path = o.get("*").isJsonPrimitive() ? o.get("*").getAsString() : "?";
                if ((flg & 0x1) != 0) report.warn("RAP115", "choice " + path, "The choice has a condition; Rapport offers every reply "
                        + "every time (only moods can route). The import shows it as the runs met it.");
                if ((flg & 0x8) != 0) report.warn("RAP115", "choice " + path, "A fallback choice (taken when no other is left) "
                        + "has no Rapport equivalent; it was not offered as a reply.");
            }
            for (var m : o.entrySet()) scanChoiceFlags(m.getValue(), report, counts, depth + 1);
        }
    }

    private static final class Explorer {
        private final Story story;
        private final ImportReport report;
        private final Convention convention;
        private final Scenario s = new Scenario();
        private final Ids ids = new Ids();
        private final Map<String, String> idByKey = new HashMap<>();
        private final long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
        private boolean cut;

        Explorer(Story story, ImportReport report, Convention convention) {
            this.story = story;
            this.report = report;
            this.convention = convention;
        }

        private record Stop(String text, List<String> tags, List<Choice> choices, String path, String state, String error) {
        }

        private record Work(String nodeId, String state) {
        }

        Scenario explore(String fileBase) {
            try {
                globals();
            } catch (Exception e) {
                report.warn("RAP119", "global tags", "Could not be read: " + firstLine(String.valueOf(e.getMessage())) + ".");
            }
            s.id = Ids.slug(s.title != null ? s.title : fileBase);
            variables();
            ArrayDeque<Work> queue = new ArrayDeque<>();
            Stop first = play(null, -1, "the start");
            if (first == null || first.error() != null) {
                report.error("RAP101", "the start", "The story stopped before its first choice: "
                        + (first == null ? "no output" : first.error()) + ".");
                return null;
            }
            s.start = node(first, queue, "the start");
            int replies = 0;
            while (!queue.isEmpty()) {
                Work w = queue.poll();
                Scenario.Node n = s.nodes.get(w.nodeId());
                int count = n.choices.size();
                for (int i = 0; i < count; i++) {
                    if (++replies > MAX_REPLIES || System.currentTimeMillis() > deadline) {
                        cutOff();
                        break;
                    }
                    Stop next = play(w.state(), i, w.nodeId());
                    Scenario.Reply r = n.choices.get(i);
                    if (next == null || next.error() != null) {
                        report.warn("RAP120", "after " + w.nodeId() + " reply " + (i + 1), "The story stopped with an error: "
                                + (next == null ? "time ran out" : next.error()) + "; the reply leads nowhere yet.");
                        continue;
                    }
                    if (!next.text().isEmpty() && next.text().equals(r.say)) {
                        next = new Stop("", next.tags(), next.choices(), next.path(), next.state(), null);
                    }
                    r.next = node(next, queue, next.path());
                }
            }
            if (cut) {
                report.warn("RAP120", "the story", "Exploration stopped after " + s.nodes.size() + " nodes (the limits are " + MAX_NODES
                        + " nodes, " + MAX_REPLIES + " replies and " + BUDGET_MILLIS / 1000 + " s); the rest of the story was not imported.");
            }
            return s;
        }

        private void cutOff() {
            cut = true;
        }

        /** The node for a stop: an existing one with the same text and choices, or a new one queued for its choices. */
        private String node(Stop stop, ArrayDeque<Work> queue, String where) {
            StringBuilder key = new StringBuilder(stop.text()).append('\u0000').append(stop.tags());
            for (Choice c : stop.choices()) key.append('\u0000').append(c.getText()).append('\u0001').append(safePath(c));
            String k = key.toString();
            String known = idByKey.get(k);
            if (known != null) return known;
            if (s.nodes.size() >= MAX_NODES) {
                cutOff();
                return null;
            }
            String knot = knot(stop.path());
            Convention.Tags tags = convention.read(stop.tags());
            // an ending is named by its title tag when it has one (the runtime's path still points at the last choice)
            String id = ids.unique(stop.choices().isEmpty() && tags.title != null ? tags.title : knot);
            idByKey.put(k, id);
            for (String problem : tags.problems) report.warn("RAP119", pathOf(stop), problem + ".");
            Scenario.Node n = new Scenario.Node();
            n.say = stop.text().isEmpty() ? null : stop.text();
            n.emotion = tags.emotion;
            n.note = tags.note;
            s.nodes.put(id, n);
            if (stop.choices().isEmpty()) {
                n.outcome = tags.outcome;
                n.endingTitle = tags.title;
                n.endingSummary = tags.summary;
                return id;
            }
            if (!tags.steps.isEmpty()) n.tests = List.copyOf(tags.steps);
            int count = stop.choices().size();
            if (count == 1 || count > 4) {
                report.warn("RAP114", pathOf(stop), "This choice point has " + count + (count == 1 ? " choice" : " choices")
                        + "; a Rapport decision offers 2 to 4 replies. Add or remove replies (validate reports RAP032 until then).");
            }
            n.choices = new ArrayList<>();
            for (Choice c : stop.choices()) {
                Scenario.Reply r = new Scenario.Reply();
                r.say = c.getText() == null || c.getText().isBlank() ? null : c.getText().strip();
                Convention.Tags t = convention.read(c.getTags() == null ? List.of() : c.getTags());
                for (String problem : t.problems) report.warn("RAP119", "choice " + safePath(c), problem + ".");
                t.applyTo(r);
                r.why = t.why;
                n.choices.add(r);
            }
            queue.add(new Work(id, stop.state()));
            return id;
        }

        /** Plays from a saved state (null: the start), taking choice {@code choice} first (-1: none), to the next stop. */
        private Stop play(String state, int choice, String from) {
            try {
                if (state == null) story.resetState();
                else story.getState().loadJson(state);
                if (choice >= 0) story.chooseChoiceIndex(choice);
                StringBuilder text = new StringBuilder();
                List<String> tags = new ArrayList<>();
                int lines = 0;
                String lastPath = null;
                while (story.canContinue()) {
                    story.continueAsync(100);
                    while (!story.asyncContinueComplete()) {
                        if (System.currentTimeMillis() > deadline) {
                            cutOff();
                            return new Stop("", List.of(), List.of(), from, null, "it ran past the time limit without reaching a choice");
                        }
                        story.continueAsync(100);
                    }
                    String line = story.getCurrentText();
                    if (line != null && !line.isBlank()) {
                        if (!text.isEmpty()) text.append(' ');
                        text.append(line.strip());
                    }
                    String here = story.getState().previousPathString();
                    if (here != null) lastPath = here;
                    List<String> t = story.getCurrentTags();
                    if (t != null) tags.addAll(t);
                    if (++lines > MAX_LINES || text.length() > 100_000) {
                        cutOff();
                        return new Stop("", List.of(), List.of(), from, null, "it wrote more than " + MAX_LINES + " lines without reaching a choice");
                    }
                }
                List<Choice> choices = new ArrayList<>(story.getCurrentChoices());
                String path = choices.isEmpty() && lastPath != null ? lastPath : story.getState().previousPathString();
                String saved = choices.isEmpty() ? null : story.getState().toJson();
                return new Stop(text.toString(), List.copyOf(new LinkedHashSet<>(tags)), choices, path == null ? from : path, saved, null);
            } catch (Exception | StackOverflowError e) {
                return new Stop("", List.of(), List.of(), from, null, firstLine(String.valueOf(e.getMessage())));
            }
        }

        private void globals() throws Exception {
            List<String> tags = story.getGlobalTags();
            if (tags == null) return;
            for (String tag : tags) {
                int colon = tag.indexOf(':');
                if (colon <= 0) continue;
                String key = tag.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                String value = tag.substring(colon + 1).strip();
                if (key.equals("author")) {
                    if (!value.isEmpty() && !s.tags.contains("author: " + value)) s.tags.add("author: " + value);
                    continue;
                }
                for (String problem : convention.applyStory(s, key, value)) report.warn("RAP119", "global tag #" + tag.strip(), problem + ".");
            }
        }

        private void variables() {
            List<String> names = new ArrayList<>();
            try {
                for (String name : story.getVariablesState()) names.add(name);
            } catch (RuntimeException e) {
                return;
            }
            if (names.isEmpty()) return;
            java.util.Collections.sort(names);
            report.warn("RAP115", "VAR " + String.join(", ", names.size() > 8 ? names.subList(0, 8) : names)
                    + (names.size() > 8 ? " ..." : ""), "Rapport has no variables: the import follows the story as it plays from "
                    + "the start, and choice points that show the same text and choices became one node whatever the variables held.");
        }

        private String pathOf(Stop stop) {
            return "story path " + (stop.path() == null ? "?" : stop.path());
        }
    }

    private static String safePath(Choice c) {
        try {
            String p = c.getPathStringOnChoice();
            return p == null ? "?" : p;
        } catch (Exception e) {
            return "?";
        }
    }

    /** The knot of a story path ("opening.ask.0.c-1" gives "opening"); "start" for the top level. */
    static String knot(String path) {
        if (path == null || path.isBlank()) return "start";
        String k = path.split("\\.", 2)[0];
        return k.isEmpty() || Character.isDigit(k.charAt(0)) || k.startsWith("c-") || k.startsWith("g-") ? "start" : k;
    }

    /** The 1-based line and column of the first occurrence of {@code needle}, or 1:1. */
    static int[] position(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) return new int[] {1, 1};
        int line = 1;
        int col = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        String l = s.strip().split("\n", 2)[0];
        return l.length() > 200 ? l.substring(0, 197) + "..." : l;
    }
}
