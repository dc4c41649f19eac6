package org.rapport.model;

import java.util.Locale;

/** How a conversation ends for the customer. */
public enum Outcome {
    /** The customer is won over. */
    WON,
    /** The customer stays, but unhappy. */
    KEPT,
    /** The customer is lost. */
    LOST;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
