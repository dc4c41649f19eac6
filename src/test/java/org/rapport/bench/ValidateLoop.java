package org.rapport.bench;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.format.DialogueReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads and validates one generated dialogue over and over, in turns with the bare Gson token pass over the same
 * bytes, and prints the medians (and that of reading alone, timed after each round): the loop to run under a profiler, and the linearity figures.
 * {@code java -cp ... org.rapport.bench.ValidateLoop FOLDER NODES ROUNDS} (FOLDER holds the fixtures; each dialogue
 * is generated there on first use, see {@link BenchFixtures#sized}).
 */
public final class ValidateLoop {
    private ValidateLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Medians m = medians(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(m);
        if (args.length > 3 && args[3].equals("--figures")) {
            System.out.println(String.format(Locale.ROOT, "%s %d %f %d %f %f %f", FIGURES, m.nodes(), m.megabytes(), m.rounds(),
                    m.validate(), m.gson(), m.read()));
        }
    }

    private static final String FIGURES = "validate-loop-figures";

    /**
     * One size, in a JVM of its own started with {@code jvmOptions} (the installed app's, as the whole-process rows
     * use): the collector and compiler the app ships with, rather than the bench JVM's.
     */
    static Medians forked(Path dir, int nodes, int rounds, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ValidateLoop.class.getName(), dir.toString(),
                Integer.toString(nodes), Integer.toString(rounds), "--figures"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("ValidateLoop failed:\n" + out);
        for (String line : out.split("\n")) {
            if (!line.startsWith(FIGURES + " ")) continue;
            String[] f = line.split(" ");
            return new Medians(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        }
        throw new IllegalStateException("ValidateLoop printed no figures:\n" + out);
    }

    /** One size's medians over the rounds, in ms. */
    record Medians(int nodes, double megabytes, int rounds, double validate, double gson, double read) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d nodes, %.1f MB, %d rounds: load + validate %.1f ms, Gson token pass %.1f ms, %.2fx;"
                    + " of which reading (decode, parse, map) %.1f ms, %.2fx", nodes, megabytes, rounds, validate, gson,
                    validate / gson, read, read / gson);
        }
    }

    /** One size: medians over the rounds, as a line of text. */
    static String run(Path dir, int nodes, int rounds) throws Exception {
        return medians(dir, nodes, rounds).toString();
    }

    /** The first round's result is not kept: a 100,000-node model held through the loop doubled what every full collection had to walk. */
    private static void checkClean(Validated first) {
        if (!first.diagnostics().isEmpty()) throw new IllegalStateException("the fixture must validate clean: " + first.diagnostics().get(0));
    }

    /** One size: medians over the rounds. */
    static Medians medians(Path dir, int nodes, int rounds) throws Exception {
        byte[] bytes = Files.readAllBytes(BenchFixtures.sized(dir, nodes));
        Validator validator = new Validator(new DialogueReader(Math.max(DialogueReader.DEFAULT_MAX_BYTES, bytes.length)),
                Catalog.bundled());
        checkClean(validator.validate("dialogue.json", bytes));
        List<Double> gson = new ArrayList<>();
        List<Double> validate = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        DialogueReader reader = new DialogueReader(Math.max(DialogueReader.DEFAULT_MAX_BYTES, bytes.length));
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            int n = GsonTokenPass.tokens(bytes);
            long t1 = System.nanoTime();
            Validated v = validator.validate("dialogue.json", bytes);
            long t2 = System.nanoTime();
            if (n == 0 || v.dialogue() == null) throw new IllegalStateException("nothing read");
            v = null;
            long t3 = System.nanoTime();
            if (reader.read("dialogue.json", bytes).dialogue() == null) throw new IllegalStateException("nothing read");
            read.add((System.nanoTime() - t3) / 1e6);
            gson.add((t1 - t0) / 1e6);
            validate.add((t2 - t1) / 1e6);
        }
        return new Medians(nodes, bytes.length / (1024.0 * 1024.0), rounds, Interleaved.median(validate), Interleaved.median(gson),
                Interleaved.median(read));
    }
}
