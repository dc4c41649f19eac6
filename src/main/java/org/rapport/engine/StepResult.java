package org.rapport.engine;

import org.rapport.model.Choice;
import org.rapport.model.Node;

/**
 * What one reply did: the decision recorded, the reply itself, and where the conversation is now (the customer's
 * next line, or an ending).
 */
public record StepResult(Decision decision, Choice choice, Node now, boolean ended) {
}
