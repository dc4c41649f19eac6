package org.rapport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Start-up, process start to first frame: {@code java -jar target/rapport.jar} on the bundled library against a
 * minimal JavaFX window packed in a jar next to it and started the same way, both reporting their frames with
 * {@code -Drapport.reportFirstFrame=true -Drapport.exitAfterFirstFrame=true}. Runs alternate between the two so that
 * the machine's noise hits both alike. Needs a display: uses $DISPLAY, else starts its own Xvfb.
 */
final class StartupBench {
    record Run(long firstFrameMillis, long libraryShownMillis, long rssKb, long hwmKb, long clicks) {
    }

    /**
     * Resident memory after one dialogue played, one figure per start: the app as shipped (with the installed app's
     * JVM options), the same jar with the JVM's defaults, the minimal window with the JVM's defaults (the floor), and
     * the minimal window with the app's options.
     */
    record Memory(List<Run> rapport, List<Run> minimal, List<Run> rapportDefaults, List<Run> minimalWithOptions, List<Run> image) {
    }

    /** Start-up: the app as shipped, the minimal window, the app with AppCDS, and the app with the JVM's defaults. */
    record Result(List<Run> rapport, List<Run> minimal, List<Run> rapportCds, List<Run> rapportDefaults, List<Run> image) {
    }

    private final Path project;
    private final Path target;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The installed app's JVM options (pom.xml, app.jvm.options), passed in by the bench profile. */
    private final List<String> appOptions = List.of(System.getProperty("rapport.bench.appOptions", "").trim().split("\\s+"))
            .stream().filter(o -> !o.isEmpty()).toList();
    private String display;
    private Process xvfb;

    StartupBench(Path project, Path target) {
        this.project = project;
        this.target = target;
    }

    Result run(int warmups, int runs) throws IOException, InterruptedException {
        Path jar = target.resolve("rapport.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: mvn package (" + jar + ")");
        Path minimal = minimalJar(target.resolve("bench").resolve("minimal-window.jar"));
        Path data = Files.createDirectories(target.resolve("bench").resolve("startup-data"));
        Path cds = target.resolve("bench").resolve("rapport.jsa");
        startDisplay();
        try {
            List<String> defaults = List.of(java, "-Drapport.reportFirstFrame=true", "-Drapport.exitAfterFirstFrame=true",
                    "-jar", jar.toString(), "--data", data.toString());
            List<String> app = withOptions(defaults);
            List<String> base = List.of(java, "-Drapport.reportFirstFrame=true", "-Drapport.exitAfterFirstFrame=true",
                    "-jar", minimal.toString());
            // Class-data sharing: one run records the classes the app loads, later runs map them in.
            List<String> appCds = new ArrayList<>(app);
            appCds.add(1, "-XX:SharedArchiveFile=" + cds);
            Files.deleteIfExists(cds);
            List<String> record = new ArrayList<>(app);
            record.add(1, "-XX:ArchiveClassesAtExit=" + cds);
            once(record);
            boolean withCds = Files.exists(cds);
            boolean compare = !appOptions.isEmpty();
            List<String> image = image("-Drapport.reportFirstFrame=true -Drapport.exitAfterFirstFrame=true", data);
            for (int i = 0; i < warmups; i++) {
                once(app);
                once(base);
                if (withCds) once(appCds);
                if (compare) once(defaults);
                if (image != null) once(image);
            }
            List<Run> a = new ArrayList<>();
            List<Run> b = new ArrayList<>();
            List<Run> c = new ArrayList<>();
            List<Run> d = new ArrayList<>();
            List<Run> e = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                b.add(once(base));
                a.add(once(app));
                if (withCds) c.add(once(appCds));
                if (compare) d.add(once(defaults));
                if (image != null) e.add(once(image));
            }
            return new Result(a, b, withCds ? c : null, compare ? d : null, image != null ? e : null);
        } finally {
            stopDisplay();
        }
    }

    /**
     * Resident memory: {@code runs} alternating starts of each kind with {@code -Drapport.reportMemory=true}; the app
     * opens the bundled library, plays its first dialogue through to the debrief and reports its resident set
     * (VmRSS) after a short wait; the minimal window reports after the same wait (see FirstFrameReport).
     */
    Memory memory(int runs) throws IOException, InterruptedException {
        Path jar = target.resolve("rapport.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: mvn package (" + jar + ")");
        Path minimal = minimalJar(target.resolve("bench").resolve("minimal-window.jar"));
        Path data = Files.createDirectories(target.resolve("bench").resolve("memory-data"));
        startDisplay();
        try {
            List<String> defaults = List.of(java, "-Drapport.reportFirstFrame=true", "-Drapport.exitAfterFirstFrame=true",
                    "-Drapport.reportMemory=true", "-jar", jar.toString(), "--data", data.toString());
            List<String> app = withOptions(defaults);
            List<String> base = List.of(java, "-Drapport.reportFirstFrame=true", "-Drapport.exitAfterFirstFrame=true",
                    "-Drapport.reportMemory=true", "-jar", minimal.toString());
            List<String> baseWithOptions = withOptions(base);
            boolean compare = !appOptions.isEmpty();
            List<String> image = image("-Drapport.reportFirstFrame=true -Drapport.exitAfterFirstFrame=true -Drapport.reportMemory=true", data);
            List<Run> a = new ArrayList<>();
            List<Run> b = new ArrayList<>();
            List<Run> c = new ArrayList<>();
            List<Run> d = new ArrayList<>();
            List<Run> e = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                b.add(once(base));
                a.add(once(app));
                if (compare) {
                    c.add(once(defaults));
                    d.add(once(baseWithOptions));
                }
                if (image != null) e.add(once(image));
            }
            List<Run> played = new ArrayList<>(a);
            played.addAll(e);
            for (Run r : played) {
                if (r.rssKb() < 0 || r.clicks() < 3) throw new IllegalStateException("the app did not play a dialogue and report its memory: " + r);
            }
            return new Memory(a, b, compare ? c : null, compare ? d : null, image != null ? e : null);
        } finally {
            stopDisplay();
        }
    }

    /**
     * The installed app's own launcher ({@link #installedApp}) on {@code data}, with {@code properties} for its JVM (the
     * launcher takes only the app's arguments, so they go in JAVA_TOOL_OPTIONS); null when no image has been built.
     */
    private List<String> image(String properties, Path data) {
        Path launcher = installedApp(target);
        if (launcher == null) return null;
        return List.of("env", "JAVA_TOOL_OPTIONS=" + properties, launcher.toString(), "--data", data.toString());
    }

    /**
     * The launcher of the app image that {@code mvn -Ppackage package} built (target/dist/Rapport/bin/Rapport), on Linux,
     * where it is the script that uses the image's class-data-sharing archive (docs/packaging.md); else null. The
     * bench measures it too when it is there: {@code mvn -B -Ppackage,bench verify}.
     */
    static Path installedApp(Path target) {
        Path launcher = target.resolve("dist").resolve("Rapport").resolve("bin").resolve("Rapport");
        return System.getProperty("os.name", "").startsWith("Linux") && Files.isExecutable(launcher) ? launcher : null;
    }

    /** The command with the installed app's JVM options after {@code java}. */
    private List<String> withOptions(List<String> command) {
        List<String> out = new ArrayList<>(command);
        out.addAll(1, appOptions);
        return out;
    }

    /** One start: the time from just before the process starts to each reported frame. */
    private Run once(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        long first = -1;
        long shown = -1;
        long rss = -1;
        long hwm = -1;
        long clicks = -1;
        List<String> other = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (line.startsWith("rapport.firstFrame epochMillis=")) {
                    first = Long.parseLong(line.substring(line.indexOf('=') + 1).trim()) - t0;
                } else if (line.startsWith("rapport.libraryShown epochMillis=")) {
                    shown = Long.parseLong(line.substring(line.indexOf('=') + 1).trim()) - t0;
                } else if (line.startsWith("rapport.memory ")) {
                    for (String part : line.substring("rapport.memory ".length()).trim().split(" ")) {
                        String[] kv = part.split("=");
                        if (kv.length == 2 && kv[1].matches("\\d+")) {
                            if (kv[0].equals("rssKb")) rss = Long.parseLong(kv[1]);
                            if (kv[0].equals("hwmKb")) hwm = Long.parseLong(kv[1]);
                            if (kv[0].equals("clicks")) clicks = Long.parseLong(kv[1]);
                        }
                    }
                } else if (other.size() < 20) {
                    other.add(line);
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not exit: " + command);
        }
        if (first < 0 || shown < 0) {
            throw new IllegalStateException("no frame reported by " + command + " (exit " + p.exitValue() + "): " + other);
        }
        return new Run(first, shown, rss, hwm, clicks);
    }

    /** minimal-window.jar: MinimalWindow, with rapport.jar (for JavaFX and FirstFrameReport) on its Class-Path. */
    private Path minimalJar(Path out) throws IOException {
        Files.createDirectories(out.getParent());
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MinimalWindow.Main.class.getName());
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, out.getParent().relativize(target.resolve("rapport.jar")).toString());
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(os, mf)) {
            for (Class<?> c : List.of(MinimalWindow.class, MinimalWindow.Main.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(name));
                try (var in = c.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) throw new IllegalStateException("missing " + name);
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return out;
    }

    private void startDisplay() throws IOException, InterruptedException {
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            display = env;
            return;
        }
        for (int n = 91; n < 120; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) continue;
            xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) Thread.sleep(50);
            if (!xvfb.isAlive()) continue;
            display = ":" + n;
            return;
        }
        throw new IllegalStateException("no display: set DISPLAY, or install Xvfb");
    }

    private void stopDisplay() {
        if (xvfb != null) xvfb.destroy();
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
