package org.rapport.model;

/** Who the trainee is talking to, and how they feel at the start. */
public record Customer(String name, String persona, int mood) {
}
