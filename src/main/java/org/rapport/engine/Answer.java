package org.rapport.engine;

/**
 * What the trainee did at a decision besides picking a reply: in say-it-first mode, their own words (typed) or that
 * they said it aloud; in practice and say-it-first, how sure they were before seeing the grade.
 *
 * @param ownWords   the reply the trainee typed before seeing the options, or null
 * @param saidAloud  true when the trainee said their reply aloud instead of typing it
 * @param confidence how sure they were of the reply they picked, or null when not asked
 */
public record Answer(String ownWords, boolean saidAloud, Confidence confidence) {
    /** Nothing besides the pick (assessment mode, and every attempt from before these existed). */
    public static final Answer NONE = new Answer(null, false, null);

    public Answer {
        if (ownWords != null) ownWords = ownWords.isBlank() ? null : ownWords.strip();
        if (ownWords != null && ownWords.length() > MAX_WORDS) ownWords = ownWords.substring(0, MAX_WORDS);
    }

    /** The longest reply kept: a few paragraphs, more than anyone says at one turn of a call. */
    public static final int MAX_WORDS = 2000;
}
