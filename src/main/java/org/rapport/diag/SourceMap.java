package org.rapport.diag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each part of a dialogue file is: a path such as {@code nodes/opening/choices/1/next} to its line and column.
 * Filled by the reader, used by checks so that a diagnostic about the model still points into the file.
 *
 * <p>A file of 10,000 nodes records some 400,000 paths, and a clean file looks none of them up. So {@link #put} only
 * appends to arrays (the path as given or as a parent and a child, the line and column packed in a long), and the
 * lookup table is built on the first {@link #find}, replaying the puts in order (a later put of the same path wins,
 * as in a map). Building a hash map of strings and positions eagerly took half the time of reading such a file,
 * most of it in the garbage collector copying the large, growing map.
 */
public final class SourceMap {
    private String[] parents = new String[64];
    private String[] children = new String[64];
    private long[] packed = new long[64];
    private int size;
    private Map<String, Position> index;
    /** Set on a map that records nothing while the file is read and is filled on its first {@link #find}. */
    private Supplier<SourceMap> rebuild;

    /** A map that records as it is filled (see {@link #put}). */
    public SourceMap() {
    }

    private SourceMap(Supplier<SourceMap> rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * A map that records nothing as the file is read ({@link #put} does nothing) and asks {@code rebuild} for the
     * recorded map on its first {@link #find}, which then answers from it. A clean file, the usual case, never needs a
     * position, so reading it need not keep one for every value (about 400,000 for a 10,000-node file, live until the
     * read ends); a file with problems is read a second time, recording, when the first problem is located.
     */
    public static SourceMap onDemand(Supplier<SourceMap> rebuild) {
        return new SourceMap(rebuild);
    }

    /** Records where {@code path} is. Called by the one thread that reads the file, before the map is shared. */
    public void put(String path, Position pos) {
        add(path, null, pos);
    }

    /**
     * Records where {@code parent/child} is ({@code child} alone when {@code parent} is empty), without building the
     * path now.
     */
    public void put(String parent, String child, Position pos) {
        add(parent, child, pos);
    }

    /** False while a map made by {@link #onDemand} records nothing: a caller may skip building the paths it would put. */
    public boolean recording() {
        return rebuild == null;
    }

    /** As {@link #put(String, Position)}, with the place packed as {@code JsonValue.at()} packs it. */
    public void put(String path, long at) {
        add(path, null, at);
    }

    /** As {@link #put(String, String, Position)}, with the place packed as {@code JsonValue.at()} packs it. */
    public void put(String parent, String child, long at) {
        add(parent, child, at);
    }

    private void add(String parent, String child, Position pos) {
        add(parent, child, ((long) pos.line() << 32) | (pos.column() & 0xFFFFFFFFL));
    }

    private void add(String parent, String child, long at) {
        if (rebuild != null) return;
        if (size == packed.length) {
            parents = Arrays.copyOf(parents, size * 2);
            children = Arrays.copyOf(children, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
        }
        parents[size] = parent;
        children[size] = child;
        packed[size] = at;
        size++;
        if (index != null) index.put(path(size - 1), new Position((int) (at >> 32), (int) at));
    }

    private String path(int i) {
        String parent = parents[i];
        String child = children[i];
        if (child == null) return parent;
        return parent.isEmpty() ? child : parent + "/" + child;
    }

    /** The position of {@code path}, or of its nearest recorded parent, or the start of the file. */
    public synchronized Position find(String path) {
        if (rebuild != null) {
            SourceMap recorded = rebuild.get();
            rebuild = null;
            parents = recorded.parents;
            children = recorded.children;
            packed = recorded.packed;
            size = recorded.size;
        }
        if (index == null) {
            Map<String, Position> m = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
            for (int i = 0; i < size; i++) m.put(path(i), new Position((int) (packed[i] >> 32), (int) packed[i]));
            index = m;
        }
        String p = path;
        while (true) {
            Position pos = index.get(p);
            if (pos != null) return pos;
            int cut = p.lastIndexOf('/');
            if (cut < 0) return index.getOrDefault("", Position.START);
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
