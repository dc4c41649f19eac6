package org.rapport.engine;

/** Practice shows each reply's grade and explanation at once; assessment keeps them for the debrief. */
public enum Mode {
    ASSESSMENT, PRACTICE
}
