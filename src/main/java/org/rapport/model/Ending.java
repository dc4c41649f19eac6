package org.rapport.model;

/** How a conversation ended and what it means. */
public record Ending(Outcome outcome, String title, String summary) {
}
