package org.rapport.catalog;

import java.util.List;

/** A named customer-conversation technique and its ordered steps. */
public record Technique(String id, String name, String description, String source, List<Step> steps) {
    public Technique {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
