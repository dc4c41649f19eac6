package org.rapport.model;

/** A point in a dialogue: the customer says something, then either the trainee decides or the dialogue ends. */
public sealed interface Node permits CustomerNode, EndingNode {
    String id();

    String say();

    /** Optional one-word emotion, may be null. */
    String emotion();

    /** Optional facilitator note, may be null. */
    String note();
}
