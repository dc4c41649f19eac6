package org.rapport.ui;

import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;

/** Moves between screens. Screens ask it to go somewhere; they never build each other. */
public interface Navigator {
    void showLibrary();

    /** Plays a conversation; {@code compareWith} is an earlier debrief to compare against at the end, or null. */
    void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith);

    void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith);

    /** Opens the technique reference at a technique, step or pitfall id (or at the top for null). */
    void showTechniques(String id);

    /** Starts a drill: single decisions from the library for the trainee's weakest steps. */
    default void drill() {
    }

    /** The name of the trainee practising, for printouts; null when no one is signed in. */
    default String traineeName() {
        return null;
    }
}
