package org.rapport.diag;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a dialogue file is: a path such as {@code nodes/opening/choices/1/next} to its line and column.
 * Filled by the reader, used by checks so that a diagnostic about the model still points into the file.
 */
public final class SourceMap {
    private final Map<String, Position> positions = new HashMap<>();

    public void put(String path, Position pos) {
        positions.put(path, pos);
    }

    /** The position of {@code path}, or of its nearest recorded parent, or the start of the file. */
    public Position find(String path) {
        String p = path;
        while (true) {
            Position pos = positions.get(p);
            if (pos != null) return pos;
            int cut = p.lastIndexOf('/');
            if (cut < 0) return positions.getOrDefault("", Position.START);
            p = p.substring(0, cut);
        }
    }

    public static String path(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (!sb.isEmpty()) sb.append('/');
            sb.append(part);
        }
        return sb.toString();
    }
}
