package org.rapport.store;

/** A trainee and their settings. {@code theme} is "light" or "dark"; {@code defaultMode} "assessment" or "practice". */
public record Trainee(String id, String name, long created, String theme, double fontSize, String defaultMode) {
}
