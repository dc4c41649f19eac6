package org.rapport.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A Twine story as both of its files hold it (Twee 3 text, Twine 2 published or archive HTML): the story's name, its
 * start, and the passages in file order. Both readers build one, so a Twee file and its published HTML import to the
 * same dialogue.
 */
final class TwineStory {
    String title;
    /** The start passage's name, or null when the file names none. */
    String start;
    String format;
    final List<Passage> passages = new ArrayList<>();

    /**
     * One passage. {@code line}/{@code column} locate its header (Twee) or its element (HTML); {@code textLine} is the
     * line its text starts on (Twee; 0 for HTML, whose warnings name the passage instead); {@code where} is null for
     * Twee and "passage "NAME" (pid N)" for HTML.
     */
    record Passage(String name, List<String> tags, String text, int line, int column, int textLine, String where) {
    }
}
