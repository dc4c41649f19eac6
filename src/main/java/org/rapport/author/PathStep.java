package org.rapport.author;

import org.rapport.model.Grade;

/**
 * One decision on a path: reply {@code choice} (0-based, in file order) of {@code nodeId}, its grade, the customer's
 * mood before and after it, and the node it led to.
 */
public record PathStep(String nodeId, int choice, Grade grade, int moodBefore, int moodAfter, String next) {
}
