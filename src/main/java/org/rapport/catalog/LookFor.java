package org.rapport.catalog;

import java.util.List;

/**
 * What the phrase coach looks for in a typed reply to say it can see a step. Every part must be found somewhere in the
 * reply. {@code found} and {@code missing} are the sentences the coach shows; {@code {words}} in them stands for the
 * words it matched, quoted as typed.
 */
public record LookFor(List<CuePart> parts, String found, String missing) {
    public LookFor {
        parts = parts == null ? List.of() : List.copyOf(parts);
        found = found == null ? "" : found;
        missing = missing == null ? "" : missing;
    }
}
