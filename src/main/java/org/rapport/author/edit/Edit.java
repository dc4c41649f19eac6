package org.rapport.author.edit;

import com.google.gson.JsonObject;

/**
 * One small change to a dialogue document. Applying it returns the edit that takes it back, so undo and redo are just
 * more edits (no snapshots of the file). Plain Java: the view only triggers and renders.
 */
public interface Edit {
    /** What the change does, in words for the undo and redo buttons ("change the grade of reply 2 of "opening""). */
    String describe();

    /** Makes the change on the document and returns the edit that undoes it. */
    Edit apply(JsonObject root);
}
