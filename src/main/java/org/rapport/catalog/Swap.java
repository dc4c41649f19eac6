package org.rapport.catalog;

/**
 * An active-listening swap: a passive reply people give on autopilot ({@code instead}, e.g. "I get it."), what to say
 * in its place ({@code say}), the step that replacement applies, and why it works better.
 */
public record Swap(String instead, String say, String step, String why) {
}
