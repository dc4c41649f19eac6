package org.rapport.author.edit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The author view's changes, each as one small {@link Edit} with words for the undo button. New nodes and replies
 * start from templates that say what belongs in each field, so the validator's list is the author's to-do list.
 */
public final class Edits {
    private Edits() {
    }

    private static List<Object> node(String id) {
        return List.of("nodes", id);
    }

    private static List<Object> choice(String id, int index) {
        return List.of("nodes", id, "choices", index);
    }

    private static JsonElement text(String s) {
        return s == null ? null : new JsonPrimitive(s);
    }

    private static JsonArray list(Collection<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    /** What the customer says, their emotion or the facilitator's note; a blank optional field is removed. */
    public static Edit nodeText(String id, String field, String value) {
        boolean optional = field.equals("emotion") || field.equals("note");
        String v = optional && (value == null || value.isBlank()) ? null : value;
        return new SetField(node(id), field, text(v), "change what \"" + id + "\" " + switch (field) {
            case "say" -> "says";
            case "emotion" -> "feels";
            default -> "notes for the facilitator";
        });
    }

    /** The steps a decision tests, from the catalog. */
    public static Edit tests(String id, List<String> steps) {
        return new SetField(node(id), "tests", list(steps), "change the steps \"" + id + "\" tests");
    }

    /** A reply's words ({@code say}) or explanation ({@code why}). */
    public static Edit choiceText(String id, int index, String field, String value) {
        return new SetField(choice(id, index), field, text(value), "change the " + (field.equals("why") ? "explanation" : "words")
                + " of reply " + (index + 1) + " of \"" + id + "\"");
    }

    public static Edit grade(String id, int index, String grade) {
        return new SetField(choice(id, index), "grade", text(grade), "grade reply " + (index + 1) + " of \"" + id + "\" " + grade);
    }

    public static Edit mood(String id, int index, int mood) {
        return new SetField(choice(id, index), "mood", new JsonPrimitive(mood), "change the mood of reply " + (index + 1) + " of \"" + id + "\"");
    }

    /** The steps a reply uses, or the pitfalls it falls into ({@code field} "uses" or "pitfalls"), from the catalog. */
    public static Edit tags(String id, int index, String field, List<String> tags) {
        return new SetField(choice(id, index), field, list(tags), "change the " + (field.equals("uses") ? "steps" : "pitfalls")
                + " of reply " + (index + 1) + " of \"" + id + "\"");
    }

    /** Where a reply leads: one node for every mood. */
    public static Edit next(String id, int index, String to) {
        return new SetField(choice(id, index), "next", text(to), "connect reply " + (index + 1) + " of \"" + id + "\" to \"" + to + "\"");
    }

    /** Where a reply leads by mood: at or below {@code moodAtMost} to {@code low}, otherwise to {@code otherwise}. */
    public static Edit routeByMood(String id, int index, int moodAtMost, String low, String otherwise) {
        JsonArray routes = new JsonArray();
        JsonObject r = new JsonObject();
        r.addProperty("moodAtMost", moodAtMost);
        r.addProperty("to", low);
        routes.add(r);
        JsonObject rest = new JsonObject();
        rest.addProperty("to", otherwise);
        routes.add(rest);
        return new SetField(choice(id, index), "next", routes, "route reply " + (index + 1) + " of \"" + id + "\" by mood");
    }

    /** An ending's outcome ("won", "kept", "lost"), title or summary. */
    public static Edit ending(String id, String field, String value) {
        return new SetField(List.of("nodes", id, "ending"), field, text(value), "change the ending \"" + id + "\"");
    }

    /**
     * A field of the dialogue's header: {@code title}, {@code summary}, {@code setting}, {@code difficulty} at the top;
     * {@code name} and {@code persona} of the customer ({@code section} "customer"). A blank optional field is removed.
     */
    public static Edit header(String section, String field, String value) {
        List<Object> path = section == null ? List.of() : List.of(section);
        boolean optional = section == null && field.equals("setting");
        String v = optional && (value == null || value.isBlank()) ? null : value;
        return new SetField(path, field, text(v), "change the " + (section == null ? "" : section + "'s ") + field);
    }

    /** A number in the header: {@code minutes} at the top, or the customer's starting {@code mood}. */
    public static Edit headerNumber(String section, String field, int value) {
        return new SetField(section == null ? List.of() : List.of(section), field, new JsonPrimitive(value),
                "change the " + (section == null ? "" : section + "'s ") + (field.equals("mood") ? "starting mood" : field));
    }

    /** One of the pre-brief's lists ({@code objectives}, {@code mayDo}, {@code mayNotDo}), one item per non-blank line; an empty optional list is removed. */
    public static Edit prebrief(String field, List<String> lines) {
        List<String> items = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        JsonArray a = items.isEmpty() && field.equals("mayNotDo") ? null : list(items);
        return new SetField(List.of("prebrief"), field, a, "change the pre-brief's " + switch (field) {
            case "objectives" -> "objectives";
            case "mayDo" -> "\"may do\" list";
            default -> "\"may not do\" list";
        });
    }

    public static Edit start(String id) {
        return new SetField(List.of(), "start", text(id), "start the conversation at \"" + id + "\"");
    }

    /** A new reply at the end of a decision, leading to {@code to}. */
    public static Edit addChoice(DialogueDocument doc, String id, String to) {
        int size = doc.nodes().get(id).getAsJsonObject().getAsJsonArray("choices").size();
        return new ListItem(node(id), "choices", size, choiceTemplate(to), "add a reply to \"" + id + "\"");
    }

    public static Edit removeChoice(String id, int index) {
        return new ListItem(node(id), "choices", index, null, "remove reply " + (index + 1) + " of \"" + id + "\"");
    }

    /** A new decision (with two replies leading to {@code to}), placed after {@code after} in the file (null: at the end). */
    public static Edit addDecision(DialogueDocument doc, String newId, String to, String after) {
        JsonObject n = new JsonObject();
        n.addProperty("say", "What the customer says here.");
        n.addProperty("emotion", "upset");
        n.add("tests", new JsonArray());
        JsonArray choices = new JsonArray();
        choices.add(choiceTemplate(to));
        choices.add(choiceTemplate(to));
        n.add("choices", choices);
        return new SetField(List.of("nodes"), newId, n, after == null ? -1 : doc.nodeIds().indexOf(after) + 1, "add the decision \"" + newId + "\"");
    }

    public static Edit addEnding(DialogueDocument doc, String newId, String outcome) {
        JsonObject n = new JsonObject();
        n.addProperty("say", "The customer's last words.");
        JsonObject e = new JsonObject();
        e.addProperty("outcome", outcome);
        e.addProperty("title", "A short title for this ending");
        e.addProperty("summary", "What happened and why, in two or three sentences tied to the techniques.");
        n.add("ending", e);
        return new SetField(List.of("nodes"), newId, n, -1, "add the " + outcome + " ending \"" + newId + "\"");
    }

    /** Deletes a node. The replies that led to it stay, pointing nowhere, so the validator shows each one (RAP021). */
    public static Edit removeNode(String id) {
        return new SetField(List.of("nodes"), id, null, "delete \"" + id + "\"");
    }

    /** A copy of a node under a new id, right after it. */
    public static Edit duplicate(DialogueDocument doc, String id, String newId) {
        return new SetField(List.of("nodes"), newId, doc.nodes().get(id), doc.nodeIds().indexOf(id) + 1,
                "duplicate \"" + id + "\" as \"" + newId + "\"");
    }

    /** Replies to write: every field, with words that say what belongs there. */
    static JsonObject choiceTemplate(String to) {
        JsonObject c = new JsonObject();
        c.addProperty("say", "What the trainee could say.");
        c.addProperty("grade", "good");
        c.add("uses", new JsonArray());
        c.add("pitfalls", new JsonArray());
        c.addProperty("mood", 0);
        c.addProperty("why", "Which step this reply applies or which pitfall it falls into, what the customer hears, and what would work better.");
        c.addProperty("next", to);
        return c;
    }

    /** The tags of a list field of a reply or node as they are now. */
    public static List<String> current(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        JsonElement a = o.get(field);
        if (a != null && a.isJsonArray()) a.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
