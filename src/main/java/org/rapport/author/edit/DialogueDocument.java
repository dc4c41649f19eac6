package org.rapport.author.edit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.rapport.format.DialogueWriter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dialogue file open for editing: its JSON tree (keys in their order, unknown fields and {@code $schema} kept) and the
 * history of edits made to it. Every change is an {@link Edit}; undo applies the edit's inverse, redo the edit again.
 * {@link #text()} is the canonical text ({@link DialogueWriter}) of the tree as it is now, what saving writes.
 */
public final class DialogueDocument {
    private record Step(Edit done, Edit inverse) {
    }

    private final JsonObject root;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private Object savedAt;
    private final Object pristine = new Object();

    private DialogueDocument(JsonObject root) {
        this.root = root;
        this.savedAt = pristine;
    }

    /** Opens the text of a dialogue file; throws IllegalArgumentException when it is not one JSON object. */
    public static DialogueDocument parse(String text) {
        JsonElement e;
        try {
            e = JsonParser.parseString(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("the file is not valid JSON, so it can't be edited here; fix it in a text editor first");
        }
        if (!e.isJsonObject()) throw new IllegalArgumentException("the file is not a dialogue (one JSON object)");
        return new DialogueDocument(e.getAsJsonObject());
    }

    /**
     * A document for an empty file: the header's fields present and blank (so the validator lists each one to fill in),
     * the customer's starting mood and the length at their usual values, no nodes yet. {@code id} comes from the file name.
     */
    public static DialogueDocument blank(String id) {
        JsonObject root = new JsonObject();
        root.addProperty("format", 1);
        root.addProperty("id", id);
        root.addProperty("title", "");
        root.addProperty("summary", "");
        root.addProperty("difficulty", "beginner");
        root.addProperty("minutes", 3);
        JsonObject customer = new JsonObject();
        customer.addProperty("name", "");
        customer.addProperty("persona", "");
        customer.addProperty("mood", 0);
        root.add("customer", customer);
        root.addProperty("setting", "");
        JsonObject prebrief = new JsonObject();
        prebrief.add("objectives", new com.google.gson.JsonArray());
        prebrief.add("mayDo", new com.google.gson.JsonArray());
        root.add("prebrief", prebrief);
        root.addProperty("start", "");
        root.add("nodes", new JsonObject());
        return new DialogueDocument(root);
    }

    /** The canonical text of the document as it is now. */
    public String text() {
        return DialogueWriter.write(root);
    }

    /** A copy of the tree, to read from. */
    public JsonObject tree() {
        return root.deepCopy();
    }

    /** Makes the change; one that changes nothing (the same value again) leaves no step to undo. Returns whether it changed. */
    public boolean apply(Edit e) {
        JsonObject before = root.deepCopy();
        Edit inverse = e.apply(root);
        if (root.equals(before)) return false;
        undo.push(new Step(e, inverse));
        redo.clear();
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** "Undo: change the grade of reply 2 of "opening"", or empty. */
    public Optional<String> undoLabel() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().done().describe());
    }

    public Optional<String> redoLabel() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().describe());
    }

    public void undo() {
        if (undo.isEmpty()) return;
        Step s = undo.pop();
        redo.push(s.inverse().apply(root));
    }

    public void redo() {
        if (redo.isEmpty()) return;
        Edit e = redo.pop();
        undo.push(new Step(e, e.apply(root)));
    }

    /** True when the document differs from what was last saved (or opened). */
    public boolean dirty() {
        return (undo.isEmpty() ? pristine : undo.peek()) != savedAt;
    }

    public void markSaved() {
        savedAt = undo.isEmpty() ? pristine : undo.peek();
    }

    // == reading the tree ==

    public JsonObject nodes() {
        JsonElement n = root.get("nodes");
        return n != null && n.isJsonObject() ? n.getAsJsonObject() : new JsonObject();
    }

    public List<String> nodeIds() {
        return new ArrayList<>(nodes().keySet());
    }

    public boolean isEnding(String id) {
        JsonElement n = nodes().get(id);
        return n != null && n.isJsonObject() && n.getAsJsonObject().has("ending");
    }

    /** Every reply that leads to {@code id}, by any route: "reply 2 of "opening"". */
    public List<String> referencesTo(String id) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> n : nodes().entrySet()) {
            if (!n.getValue().isJsonObject()) continue;
            JsonElement cs = n.getValue().getAsJsonObject().get("choices");
            if (cs == null || !cs.isJsonArray()) continue;
            int i = 0;
            for (JsonElement c : cs.getAsJsonArray()) {
                i++;
                if (c.isJsonObject() && leadsTo(c.getAsJsonObject().get("next"), id)) out.add("reply " + i + " of \"" + n.getKey() + "\"");
            }
        }
        return out;
    }

    private static boolean leadsTo(JsonElement next, String id) {
        if (next == null) return false;
        if (next.isJsonPrimitive()) return next.getAsString().equals(id);
        if (next.isJsonArray()) {
            for (JsonElement r : next.getAsJsonArray()) {
                if (r.isJsonObject() && r.getAsJsonObject().has("to") && r.getAsJsonObject().get("to").getAsString().equals(id)) return true;
            }
        }
        return false;
    }

    /** A node id not yet used: {@code base}, else base-2, base-3 ... */
    public String freshId(String base) {
        String id = base;
        for (int n = 2; nodes().has(id); n++) id = base + "-" + n;
        return id;
    }
}
