package org.rapport.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17, item 2, as a user meets it: the whole process of {@code validate FILE} on the 10,000-node dialogue, against
 * the whole process of the bare Gson token pass over the same file ({@link GsonTokenPass#main}), started in turns so
 * that the machine's noise hits both alike. Rapport runs as the installed app runs (its JVM options, pom.xml
 * app.jvm.options) and with the JVM's defaults (as {@code java -jar} runs it); the Gson pass with the JVM's defaults.
 */
final class ValidateProcessBench {
    /** {@code image}: the installed app's own launcher (StartupBench.installedApp), null when none was built. */
    record Result(List<Long> gson, List<Long> shipped, List<Long> defaults, List<Long> image) {
    }

    private ValidateProcessBench() {
    }

    static Result run(Path project, Path jar, Path file, List<String> appOptions, Path launcher, int rounds)
            throws IOException, InterruptedException, URISyntaxException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String gsonPath = Path.of(GsonTokenPass.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + System.getProperty("path.separator")
                + Path.of(com.google.gson.stream.JsonReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> gson = List.of(javaBin, "-cp", gsonPath, GsonTokenPass.class.getName(), file.toString());
        List<String> defaults = List.of(javaBin, "-jar", jar.toString(), "validate", file.toString());
        List<String> shipped = new ArrayList<>(defaults);
        shipped.addAll(1, appOptions);
        List<String> image = launcher == null ? null : List.of(launcher.toString(), "validate", file.toString());
        for (List<String> c : List.of(gson, shipped, defaults)) once(project, c); // warm the file cache
        if (image != null) once(project, image);
        List<Long> g = new ArrayList<>();
        List<Long> s = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        List<Long> m = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            g.add(once(project, gson));
            s.add(once(project, shipped));
            d.add(once(project, defaults));
            if (image != null) m.add(once(project, image));
        }
        return new Result(g, s, d, image == null ? null : m);
    }

    /** Wall time of one process, start to exit, in ms; it must exit 0 (the fixture validates clean). */
    private static long once(Path project, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish: " + command);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) throw new IllegalStateException("exit " + p.exitValue() + ": " + command);
        return ms;
    }

    static String describe(List<Long> xs) {
        long min = xs.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = xs.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.ROOT, "%d ms (%d to %d)", StartupBench.median(xs), min, max);
    }
}
