package org.rapport.model;

/** The customer's last words and how the conversation ended. */
public record EndingNode(String id, String say, String emotion, String note, Ending ending) implements Node {
}
