package org.rapport.bench;

import org.rapport.catalog.Catalog;
import org.rapport.fuzz.DialogueGen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark inputs, generated with fixed seeds so that every run measures the same bytes: one dialogue of
 * 10,000 nodes, acyclic ones of 2,500 and 5,000 nodes for path analysis, one of 2,000 nodes for the graph layout
 * (and a 500-decision transcript played on it for the debrief), and a library of 300 dialogue files of 20 to
 * 60 nodes each (the bundled ones have 25 to 45). All validate clean: they come from the fuzzers' generator of valid dialogues, in its plain-English
 * mode.
 */
public final class BenchFixtures {
    public static final int BIG_NODES = 10_000;
    public static final int PATHS_NODES = 5_000;
    public static final int LIBRARY_FILES = 300;
    public static final int LAYOUT_NODES = 2_000;
    public static final int DEBRIEF_DECISIONS = 500;
    /** Raised whenever the generator changes, so that a build folder never measures fixtures of an older generator. */
    public static final int VERSION = 3;

    private BenchFixtures() {
    }

    /** The folder given with {@code -Drapport.bench.dir}, or a new temporary one; the fixtures are written once. */
    public static Path dir() {
        try {
            String d = System.getProperty("rapport.bench.dir");
            Path dir = d != null ? Path.of(d) : Files.createTempDirectory("rapport-bench");
            ensure(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path big(Path dir) {
        return dir.resolve("dialogue-" + BIG_NODES + ".json");
    }

    /**
     * A dialogue of {@code nodes} nodes made like the 10,000-node one (seed = the number of nodes, so
     * {@code sized(dir, 10_000)} is {@link #big}), written on first use: 1,000 and 100,000 nodes show whether loading
     * and validating grows linearly. The 100,000-node file is about 150 MB, over the reader's 16 MB limit for a
     * dialogue, so it is read with a larger limit.
     */
    public static synchronized Path sized(Path dir, int nodes) {
        Path file = dir.resolve("dialogue-" + nodes + ".json");
        try {
            if (!Files.exists(file)) write(file, new DialogueGen(Catalog.bundled(), nodes, true).generate(nodes).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** An acyclic dialogue of {@code nodes} nodes, for path analysis. */
    public static Path forPaths(Path dir, int nodes) {
        return dir.resolve("paths-" + nodes + ".json");
    }

    /** A dialogue of 2,000 nodes with loops, as generated dialogues have, for the graph layout. */
    public static Path forLayout(Path dir) {
        return dir.resolve("layout-" + LAYOUT_NODES + ".json");
    }

    /**
     * A transcript of exactly 500 decisions on {@code d} (the layout fixture): a seeded walk that takes, at each
     * decision, a reply that leads on to another decision (half the time the one leading furthest back in the file),
     * so that play goes round the dialogue's loops instead of ending; the last reply ends the conversation when one can.
     */
    public static org.rapport.engine.Transcript longTranscript(org.rapport.model.Dialogue d, int decisions) {
        // A walk can reach a decision whose every reply ends the conversation; the next seed walks another way. The
        // seeds are tried in order, so every run gets the same transcript.
        IllegalStateException last = null;
        for (long seed = 500L; seed < 600L; seed++) {
            try {
                return walk(d, decisions, seed);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static org.rapport.engine.Transcript walk(org.rapport.model.Dialogue d, int decisions, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        org.rapport.engine.Playthrough p = org.rapport.engine.Playthrough.start(d, seed);
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (String id : d.nodes().keySet()) order.put(id, order.size());
        for (int i = 0; i < decisions; i++) {
            if (p.ended()) throw new IllegalStateException("the walk ended after " + i + " decisions");
            boolean last = i == decisions - 1;
            java.util.List<Integer> onward = new java.util.ArrayList<>();
            int back = -1;
            int backPos = Integer.MAX_VALUE;
            java.util.List<Integer> ending = new java.util.ArrayList<>();
            for (org.rapport.model.Choice c : p.offered()) {
                String next = c.nextFor(org.rapport.model.Mood.clamp(p.mood() + c.mood()));
                if (d.node(next) instanceof org.rapport.model.EndingNode) ending.add(c.index());
                else onward.add(c.index());
                if (!(d.node(next) instanceof org.rapport.model.EndingNode) && order.get(next) < backPos) {
                    backPos = order.get(next);
                    back = c.index();
                }
            }
            if (!last && back >= 0 && r.nextBoolean()) {
                p.chooseIndex(back, 1_000 + r.nextInt(20_000));
                continue;
            }
            java.util.List<Integer> pick = last && !ending.isEmpty() ? ending : onward.isEmpty() ? ending : onward;
            p.chooseIndex(pick.get(r.nextInt(pick.size())), 1_000 + r.nextInt(20_000));
        }
        return p.transcript();
    }

    public static Path library(Path dir) {
        return dir.resolve("library-" + LIBRARY_FILES);
    }

    static synchronized void ensure(Path dir) throws IOException {
        Catalog catalog = Catalog.bundled();
        Files.createDirectories(dir);
        if (!Files.exists(big(dir))) write(big(dir), new DialogueGen(catalog, 10_000L, true).generate(BIG_NODES).bytes());
        for (int nodes : new int[]{PATHS_NODES / 2, PATHS_NODES}) {
            if (!Files.exists(forPaths(dir, nodes))) {
                write(forPaths(dir, nodes), new DialogueGen(catalog, nodes, true, true).generate(nodes).bytes());
            }
        }
        if (!Files.exists(forLayout(dir))) {
            write(forLayout(dir), new DialogueGen(catalog, 2_000L, true).generate(LAYOUT_NODES).bytes());
        }
        Path lib = library(dir);
        if (!Files.exists(lib.resolve("done"))) {
            Files.createDirectories(lib);
            for (int i = 0; i < LIBRARY_FILES; i++) {
                DialogueGen gen = new DialogueGen(catalog, 300_000L + i, true);
                write(lib.resolve(String.format("dialogue-%03d.json", i)), gen.generate(20 + i % 41).bytes());
            }
            Files.writeString(lib.resolve("done"), "");
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
