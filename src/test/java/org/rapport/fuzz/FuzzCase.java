package org.rapport.fuzz;

import org.rapport.fuzz.JsonTree.J;
import org.rapport.fuzz.Mutator.Mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * One fuzz input, fully described by plain values so that jqwik can print and shrink it: where the dialogue comes
 * from, the mutations in order (tree mutations act before the file is written, byte mutations after), and the seed
 * of the writing style (indentation, CRLF, escapes, byte-order mark).
 */
record FuzzCase(String source, List<Mutation> mutations, long styleSeed) {
    /** The bundled dialogues, by file name; parsed once. */
    static final List<Path> BUNDLED = bundledFiles();

    private static List<Path> bundledFiles() {
        try (Stream<Path> s = Files.list(Path.of("dialogues"))) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Map<String, J> TREES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The unmutated tree of a source: a bundled file name, or "generated:SEED:NODES". */
    static J tree(String source) {
        if (source.startsWith("generated:")) {
            String[] p = source.split(":");
            return new DialogueGen(Invariants.CATALOG, Long.parseLong(p[1]), false).generate(Integer.parseInt(p[2])).tree();
        }
        return TREES.computeIfAbsent(source, s -> {
            try {
                return JsonTree.parse(Files.readString(Path.of("dialogues", s)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).copy();
    }

    /** The bytes of the mutated file. */
    byte[] bytes() {
        J root = tree(source);
        for (Mutation m : mutations) {
            if (!m.kind().onBytes()) Mutator.apply(m.kind(), root, new SplittableRandom(m.seed()));
        }
        SplittableRandom style = new SplittableRandom(styleSeed);
        String[] indents = {null, "", " ", "  ", "    ", "\t"};
        JsonTree.Style s = new JsonTree.Style(indents[style.nextInt(indents.length)],
                style.nextInt(4) == 0 ? "\r\n" : "\n", style.nextInt(5) == 0, style.nextBoolean());
        byte[] b = JsonTree.write(root, s).getBytes(StandardCharsets.UTF_8);
        if (style.nextInt(8) == 0) {
            byte[] withBom = new byte[b.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(b, 0, withBom, 3, b.length);
            b = withBom;
        }
        for (Mutation m : mutations) {
            if (m.kind().onBytes()) b = Mutator.apply(m.kind(), b, new SplittableRandom(m.seed()));
        }
        return b;
    }

    @Override
    public String toString() {
        return source + " " + mutations + " style#" + styleSeed;
    }
}
