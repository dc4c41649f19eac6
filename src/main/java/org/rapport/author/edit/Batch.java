package org.rapport.author.edit;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Several edits as one step (deleting a node and the routes that led to it): undone together, in reverse. */
public record Batch(String describe, List<Edit> edits) implements Edit {
    public Batch {
        edits = List.copyOf(edits);
    }

    @Override
    public Edit apply(JsonObject root) {
        List<Edit> inverse = new ArrayList<>();
        for (Edit e : edits) inverse.add(e.apply(root));
        Collections.reverse(inverse);
        return new Batch(describe, inverse);
    }
}
