package org.rapport.author.edit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * Sets one field of one object (a node's words, a reply's grade, the start, a whole node under "nodes"...), or removes
 * it when {@code value} is null. {@code index} is where a new key goes among the others (-1: where it is, or at the
 * end), so undoing a removal puts the key back where it was and the file's diff stays small.
 */
public record SetField(List<Object> path, String key, JsonElement value, int index, String describe) implements Edit {
    public SetField {
        path = List.copyOf(path);
        value = value == null ? null : value.deepCopy();
    }

    public SetField(List<Object> path, String key, JsonElement value, String describe) {
        this(path, key, value, -1, describe);
    }

    @Override
    public Edit apply(JsonObject root) {
        JsonObject o = Json.at(root, path);
        int was = Json.indexOf(o, key);
        JsonElement old = o.has(key) ? o.get(key).deepCopy() : null;
        if (value == null) {
            o.remove(key);
        } else {
            Json.putAt(o, was >= 0 ? was : index, key, value.deepCopy());
        }
        return new SetField(path, key, old, was, describe);
    }
}
