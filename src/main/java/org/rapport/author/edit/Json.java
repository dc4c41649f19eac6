package org.rapport.author.edit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers over Gson's ordered tree: reach an object by a path, put a key at a given place. */
final class Json {
    private Json() {
    }

    /** The object at {@code path} from the root: keys for objects, indexes for lists. */
    static JsonObject at(JsonObject root, List<Object> path) {
        JsonElement e = root;
        for (Object step : path) {
            e = step instanceof Integer i ? e.getAsJsonArray().get(i) : e.getAsJsonObject().get((String) step);
            if (e == null) throw new IllegalArgumentException("nothing at " + path);
        }
        return e.getAsJsonObject();
    }

    static JsonArray arrayAt(JsonObject root, List<Object> path, String key) {
        JsonObject o = at(root, path);
        JsonElement a = o.get(key);
        if (a == null || !a.isJsonArray()) throw new IllegalArgumentException("no list \"" + key + "\" at " + path);
        return a.getAsJsonArray();
    }

    /** The place of {@code key} among the object's keys, or -1. */
    static int indexOf(JsonObject o, String key) {
        int i = 0;
        for (String k : o.keySet()) {
            if (k.equals(key)) return i;
            i++;
        }
        return -1;
    }

    /** Puts {@code key} at {@code index} among the keys (or at the end when index is -1 or past it), keeping the others' order. */
    static void putAt(JsonObject o, int index, String key, JsonElement value) {
        if (o.has(key) || index < 0 || index >= o.size()) {
            o.add(key, value); // an existing key keeps its place
            return;
        }
        List<Map.Entry<String, JsonElement>> after = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (i++ >= index) after.add(Map.entry(e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, JsonElement> e : after) o.remove(e.getKey());
        o.add(key, value);
        for (Map.Entry<String, JsonElement> e : after) o.add(e.getKey(), e.getValue());
    }
}
