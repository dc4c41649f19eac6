package org.rapport.author.edit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/** Inserts an item into a list (a reply into "choices", a route into "next"), or removes one when {@code value} is null. */
public record ListItem(List<Object> path, String key, int index, JsonElement value, String describe) implements Edit {
    public ListItem {
        path = List.copyOf(path);
        value = value == null ? null : value.deepCopy();
    }

    @Override
    public Edit apply(JsonObject root) {
        JsonArray a = Json.arrayAt(root, path, key);
        if (value == null) {
            JsonElement removed = a.remove(index);
            return new ListItem(path, key, index, removed, describe);
        }
        insert(a, index, value.deepCopy());
        return new ListItem(path, key, index, null, describe);
    }

    /** Gson's list has no insert: rebuild the tail. */
    static void insert(JsonArray a, int index, JsonElement value) {
        int at = Math.max(0, Math.min(index, a.size()));
        java.util.List<JsonElement> tail = new java.util.ArrayList<>();
        while (a.size() > at) tail.add(a.remove(at));
        a.add(value);
        tail.forEach(a::add);
    }
}
