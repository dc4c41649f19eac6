package org.rapport.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmarks, in one command: {@code mvn -B -Pbench verify} (builds target/rapport.jar, skips the tests, then runs
 * this). Every figure is printed as a ratio against a baseline measured in the same run, so the figures hold on a
 * noisy machine; the table is also written to {@code target/bench/results.md}. Nothing here fails on a slow figure:
 * the "met" column says whether each target holds.
 *
 * <p>Arguments: the build folder (target), then {@code full}, {@code quick} (a short smoke run with few iterations) or
 * {@code growth} (50 dialogues played in a row through the core, the heap after each) or
 * {@code interleaved} (only the in-process comparisons, a minute or two) or {@code startup} (only the start-up and
 * memory harness: 9 alternating starts of each kind, then 5 memory runs of each) or {@code linear} (load + validate of
 * 1,000, 10,000 and 100,000 nodes against the Gson pass, see {@link ValidateLoop}; the 100,000-node file is 150 MB and
 * is written on first use) or {@code process} (the whole process of {@code validate} on the 10,000-node dialogue
 * against the whole Gson process, 11 rounds in turns, see {@link ValidateProcessBench}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    record Score(double ms, double error) {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        boolean quick = args.length > 1 && args[1].equals("quick");
        boolean onlyInterleaved = args.length > 1 && args[1].equals("interleaved");
        boolean onlyStartup = args.length > 1 && args[1].equals("startup");
        if (args.length > 1 && args[1].equals("linear")) {
            // Load + validate at 1,000, 10,000 and 100,000 nodes, each in turns with the Gson pass over the same bytes.
            Path dir = target.resolve("bench").resolve("fixtures-" + BenchFixtures.VERSION);
            Files.createDirectories(dir);
            System.out.println();
            System.out.println("In a JVM of their own, with the installed app's options for a command (" + String.join(" ", commandOptions()) + "):");
            ValidateLoop.Medians[] app = {ValidateLoop.forked(dir, 1_000, 101, commandOptions()),
                    ValidateLoop.forked(dir, 10_000, 21, commandOptions()), ValidateLoop.forked(dir, 100_000, 5, commandOptions())};
            for (ValidateLoop.Medians m : app) System.out.println(m);
            System.out.println(growth(app[1], app[2]));
            System.out.println("In a JVM of their own, with the window's options (" + String.join(" ", appOptions()) + "):");
            ValidateLoop.Medians[] window = {ValidateLoop.forked(dir, 10_000, 21, appOptions()), ValidateLoop.forked(dir, 100_000, 5, appOptions())};
            for (ValidateLoop.Medians m : window) System.out.println(m);
            System.out.println(growth(window[0], window[1]));
            System.out.println("In the bench's JVM (" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() + " collector):");
            ValidateLoop.Medians[] here = {ValidateLoop.medians(dir, 1_000, 101), ValidateLoop.medians(dir, 10_000, 21),
                    ValidateLoop.medians(dir, 100_000, 5)};
            for (ValidateLoop.Medians m : here) System.out.println(m);
            System.out.println(growth(here[1], here[2]));
            return;
        }
        if (args.length > 1 && args[1].equals("growth")) {
            // Issue 17, item 3: 50 dialogues played in a row through the core; the heap after each, after a full GC.
            System.out.println();
            System.out.println(PlayGrowth.run(target.getParent(), target.resolve("bench"), 50));
            return;
        }
        if (args.length > 1 && args[1].equals("classreport")) {
            String url = System.getenv("RAPPORT_TEST_PG_URL");
            if (url == null) throw new IllegalStateException("Set RAPPORT_TEST_PG_URL to a PostgreSQL database the bench may create schemas in.");
            System.out.println();
            System.out.println(ClassReportBench.run(url));
            return;
        }
        Path project = target.getParent();
        Path fixtures = target.resolve("bench").resolve("fixtures-" + BenchFixtures.VERSION);
        System.setProperty("rapport.bench.dir", fixtures.toString());
        BenchFixtures.dir();
        long bigBytes = Files.size(BenchFixtures.big(fixtures));
        long libBytes = 0;
        for (Path f : org.rapport.library.DialogueLibrary.dialogueFiles(BenchFixtures.library(fixtures))) libBytes += Files.size(f);

        if (args.length > 1 && args[1].equals("process")) {
            StringBuilder out = new StringBuilder("| Figure | Measured | Baseline, same run | Ratio | Target | Met |\n|---|---:|---:|---:|---|---|\n");
            processRows(out, project, target, fixtures, 11);
            System.out.println();
            System.out.println(out);
            return;
        }
        if (onlyStartup) {
            StartupBench bench = new StartupBench(project, target);
            StartupBench.Result startup = bench.run(2, 9);
            StartupBench.Memory memory = bench.memory(5);
            StringBuilder out = new StringBuilder("| Figure | Measured | Baseline, same run | Ratio | Target | Met |\n|---|---:|---:|---:|---|---|\n");
            startupRows(out, startup);
            memoryRows(out, memory);
            System.out.println();
            System.out.println(out);
            return;
        }
        // The same comparisons in turns in this JVM: medians over rounds, wall and CPU time (see Interleaved).
        byte[] big = Files.readAllBytes(BenchFixtures.big(fixtures));
        org.rapport.check.Validator validator = new org.rapport.check.Validator(org.rapport.catalog.Catalog.bundled());
        Interleaved.Result bigRun = Interleaved.run(quick ? 2 : 5, quick ? 5 : 31, () -> GsonTokenPass.tokens(big),
                () -> validator.validate("big.json", big));
        Path lib = BenchFixtures.library(fixtures);
        Interleaved.Result libRun = Interleaved.run(quick ? 2 : 5, quick ? 5 : 31, () -> {
            int n = 0;
            for (Path f : org.rapport.library.DialogueLibrary.dialogueFiles(lib)) n += GsonTokenPass.tokens(Files.readAllBytes(f));
            return n;
        }, () -> org.rapport.library.DialogueLibrary.load(validator, List.of(lib)));
        DebriefLayoutBenchmark dl = new DebriefLayoutBenchmark();
        dl.setUp();
        Interleaved.Result debriefRun = Interleaved.run(quick ? 20 : 200, quick ? 31 : 101, dl::transcriptPass, dl::debrief);
        Interleaved.Result layoutRun = Interleaved.run(quick ? 3 : 10, quick ? 7 : 31, dl::graphFacts, dl::layout);

        if (onlyInterleaved) {
            StringBuilder out = new StringBuilder();
            interleavedTable(out, bigRun, libRun, debriefRun, layoutRun);
            System.out.println();
            System.out.println(out);
            return;
        }
        // Warm: average time per operation after warm-up, in two fresh JVMs with default settings (as the app runs).
        Map<String, Score> warm = jmh(o -> warm(o, quick).include(LoadValidateBenchmark.class.getName() + "\\.")
                .include(LibraryBenchmark.class.getName() + "\\.").include(PathBenchmark.class.getName() + "\\.")
                .include(DebriefLayoutBenchmark.class.getName() + "\\."), fixtures);
        // The same load and validate with the parallel collector instead of G1: shows how much is garbage collection.
        Map<String, Score> parallelGc = jmh(o -> warm(o, quick).include(LoadValidateBenchmark.class.getName() + "\\."),
                fixtures, "-XX:+UseParallelGC");
        // Cold: the first and only call in each of many fresh JVMs, as when the app opens its library.
        Map<String, Score> cold = jmh(o -> o.include(LibraryBenchmark.class.getName() + "\\.").mode(Mode.SingleShotTime)
                .forks(quick ? 2 : 10).warmupIterations(0).measurementIterations(1), fixtures);

        StartupBench startupBench = new StartupBench(project, target);
        StartupBench.Result startup = startupBench.run(quick ? 1 : 2, quick ? 3 : 15);
        StartupBench.Memory memory = startupBench.memory(quick ? 2 : 5);

        StringBuilder out = new StringBuilder();
        out.append("Rapport benchmarks: Java ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("os.name"))
                .append(quick ? " (QUICK smoke run: too few iterations to quote)" : "").append("\n\n");
        out.append("| Figure | Measured | Baseline, same run | Ratio | Target | Met |\n|---|---:|---:|---:|---|---|\n");
        Score gson = warm.get("LoadValidateBenchmark.gsonTokenPass");
        Score validate = warm.get("LoadValidateBenchmark.validate");
        // Warm, in this JVM: not issue 17's target, which is the whole process of `validate FILE` (the rows below).
        row(out, "Load + validate a " + BenchFixtures.BIG_NODES + "-node dialogue (" + mb(bigBytes) + "), warm, in one JVM (JMH)", validate,
                "bare Gson token pass", gson, "(the target is the whole process, below)", null);
        row(out, "  of which decoding + strict parse", warm.get("LoadValidateBenchmark.parse"), "bare Gson token pass", gson, "", null);
        row(out, "  of which decoding + parse + mapping to the model", warm.get("LoadValidateBenchmark.read"), "bare Gson token pass", gson, "", null);
        Score pgGson = parallelGc.get("LoadValidateBenchmark.gsonTokenPass");
        Score pgValidate = parallelGc.get("LoadValidateBenchmark.validate");
        row(out, "  the same with the parallel collector (-XX:+UseParallelGC) instead of G1", pgValidate,
                "bare Gson token pass, same flags", pgGson, "", null);
        row(out, "  of which decoding + strict parse, parallel collector", parallelGc.get("LoadValidateBenchmark.parse"),
                "bare Gson token pass, same flags", pgGson, "", null);
        Score libWarm = warm.get("LibraryBenchmark.load");
        row(out, "Library of " + BenchFixtures.LIBRARY_FILES + " files (" + mb(libBytes) + ") opened and listed, warm", libWarm,
                "Gson token pass over the same files", warm.get("LibraryBenchmark.gsonTokenPass"), "under 1 s", libWarm.ms() < 1000);
        Score libCold = cold.get("LibraryBenchmark.load");
        row(out, "Library of " + BenchFixtures.LIBRARY_FILES + " files, cold (first call in a fresh JVM)", libCold,
                "the same pass, cold", cold.get("LibraryBenchmark.gsonTokenPass"), "under 1 s", libCold.ms() < 1000);
        Score paths = warm.get("PathBenchmark.analyze:" + BenchFixtures.PATHS_NODES);
        Score half = warm.get("PathBenchmark.analyze:" + BenchFixtures.PATHS_NODES / 2);
        row(out, "Path analysis (count, best, worst) of an acyclic " + BenchFixtures.PATHS_NODES + "-node dialogue with "
                        + pathCount(fixtures) + " paths", paths, "one pass over its node x mood states",
                warm.get("PathBenchmark.statePass:" + BenchFixtures.PATHS_NODES), "under 100 ms", paths.ms() < 100);
        row(out, "  the same, " + BenchFixtures.PATHS_NODES + " against " + BenchFixtures.PATHS_NODES / 2 + " nodes (2.00x is linear)",
                paths, "path analysis of " + BenchFixtures.PATHS_NODES / 2 + " nodes", half, "linear", paths.ms() / half.ms() < 2.5);
        Score debrief = warm.get("DebriefLayoutBenchmark.debrief");
        row(out, "Debrief of a " + BenchFixtures.DEBRIEF_DECISIONS + "-decision transcript", debrief,
                "one pass over the transcript (node, reply, points)", warm.get("DebriefLayoutBenchmark.transcriptPass"),
                "under 200 ms", debrief.ms() < 200);
        Score layout = warm.get("DebriefLayoutBenchmark.layout");
        row(out, "Layout of a " + BenchFixtures.LAYOUT_NODES + "-node graph with loops (GraphLayout)", layout,
                "GraphFacts of the same dialogue (one pass over nodes and replies)", warm.get("DebriefLayoutBenchmark.graphFacts"),
                "under 200 ms", layout.ms() < 200);
        processRows(out, project, target, fixtures, quick ? 3 : 11);
        scalingRow(out, fixtures, quick);
        startupRows(out, startup);
        memoryRows(out, memory);
        out.append("\n");
        interleavedTable(out, bigRun, libRun, debriefRun, layoutRun);
        out.append("\nTimes are means in ms with JMH's 99.9% error (load, library) or medians of ").append(startup.rapport().size())
                .append(" alternating starts under X with the range (start-up).\n");
        System.out.println();
        System.out.println(out);
        Files.writeString(target.resolve("bench").resolve("results.md"), out.toString());
    }

    /** The whole process of {@code validate FILE} on the 10,000-node fixture against the Gson process (issue 17, item 2). */
    private static void processRows(StringBuilder out, Path project, Path target, Path fixtures, int rounds) throws Exception {
        List<String> options = commandOptions();
        ValidateProcessBench.Result r = ValidateProcessBench.run(project, target.resolve("rapport.jar"), BenchFixtures.big(fixtures),
                options, StartupBench.installedApp(target), rounds);
        long gson = StartupBench.median(r.gson());
        long shipped = StartupBench.median(r.shipped());
        long defaults = StartupBench.median(r.defaults());
        out.append(String.format(Locale.ROOT, "| Whole process: `validate` of the %d-node dialogue, the jar with the installed app's JVM options for a command | %s |"
                        + " Gson token pass, whole process: %s | %.2fx | at most 3x | %s |%n", BenchFixtures.BIG_NODES,
                ValidateProcessBench.describe(r.shipped()), ValidateProcessBench.describe(r.gson()), (double) shipped / gson,
                shipped <= 3 * gson ? "yes" : "**no**"));
        out.append(String.format(Locale.ROOT, "|   the same with the JVM's defaults (`java -jar`) | %s | %s | %.2fx |  |  |%n",
                ValidateProcessBench.describe(r.defaults()), ValidateProcessBench.describe(r.gson()), (double) defaults / gson));
        if (r.image() != null) {
            long image = StartupBench.median(r.image());
            out.append(String.format(Locale.ROOT, "| Whole process: `validate` of the %d-node dialogue by the installed app (target/dist/Rapport/bin/Rapport,"
                            + " with its class-data-sharing archive) | %s | Gson token pass, whole process: %s | %.2fx | at most 3x | %s |%n",
                    BenchFixtures.BIG_NODES, ValidateProcessBench.describe(r.image()), ValidateProcessBench.describe(r.gson()),
                    (double) image / gson, image <= 3 * gson ? "yes" : "**no**"));
        }
    }

    /** The installed app's JVM options for the window, as the pom passes them to the bench (app.jvm.options). */
    static List<String> appOptions() {
        return options("rapport.bench.appOptions");
    }

    /** The installed app's JVM options for a command such as {@code validate} (app.command.jvm.options). */
    static List<String> commandOptions() {
        return options("rapport.bench.commandOptions");
    }

    private static List<String> options(String property) {
        return java.util.Arrays.stream(System.getProperty(property, "").trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    private static String growth(ValidateLoop.Medians ten, ValidateLoop.Medians hundred) {
        double ours = hundred.validate() / ten.validate();
        double floor = hundred.gson() / ten.gson();
        return String.format(Locale.ROOT, "100,000 against 10,000 nodes: load + validate %.1fx, Gson token pass %.1fx: %.2fx its growth (target: within 1.5x)",
                ours, floor, ours / floor);
    }

    /** Load + validate at 10,000 and 100,000 nodes, in a JVM of its own with a command's options, against the Gson pass at both sizes. */
    private static void scalingRow(StringBuilder out, Path fixtures, boolean quick) throws Exception {
        ValidateLoop.Medians ten = ValidateLoop.forked(fixtures, 10_000, quick ? 5 : 21, commandOptions());
        ValidateLoop.Medians hundred = ValidateLoop.forked(fixtures, 100_000, quick ? 2 : 5, commandOptions());
        double ours = hundred.validate() / ten.validate();
        double floor = hundred.gson() / ten.gson();
        out.append(String.format(Locale.ROOT, "| Load + validate, 100,000 against 10,000 nodes, in a JVM with the installed app's options for a command | %.0f ms / %.0f ms = %.1fx |"
                        + " Gson token pass: %.0f ms / %.1f ms = %.1fx | %.2fx | linear: grows as the baseline does (within 1.5x of its growth) | %s |%n",
                hundred.validate(), ten.validate(), ours, hundred.gson(), ten.gson(), floor, ours / floor,
                ours <= floor * 1.5 ? "yes" : "**no**"));
    }

    private static void startupRows(StringBuilder out, StartupBench.Result startup) {
        Score minimal = startupScore(startup.minimal(), StartupBench.Run::firstFrameMillis);
        Score first = startupScore(startup.rapport(), StartupBench.Run::firstFrameMillis);
        Score shown = startupScore(startup.rapport(), StartupBench.Run::libraryShownMillis);
        row(out, "Start-up: process start to Rapport's first frame (the installed app's JVM options)", first, "minimal JavaFX window", minimal,
                "at most 1.3x", first.ms() / minimal.ms() <= 1.3);
        row(out, "Start-up: process start to the bundled library listed", shown, "minimal JavaFX window", minimal,
                "(not a target)", null);
        if (startup.rapportDefaults() != null) {
            Score dFirst = startupScore(startup.rapportDefaults(), StartupBench.Run::firstFrameMillis);
            Score dShown = startupScore(startup.rapportDefaults(), StartupBench.Run::libraryShownMillis);
            row(out, "  the same jar with the JVM's defaults: first frame", dFirst, "minimal JavaFX window", minimal,
                    "at most 1.3x", dFirst.ms() / minimal.ms() <= 1.3);
            row(out, "  the same jar with the JVM's defaults: library listed", dShown, "minimal JavaFX window", minimal, "", null);
        }
        if (startup.image() != null) {
            Score iFirst = startupScore(startup.image(), StartupBench.Run::firstFrameMillis);
            Score iShown = startupScore(startup.image(), StartupBench.Run::libraryShownMillis);
            row(out, "Start-up of the installed app (target/dist/Rapport/bin/Rapport, with its class-data-sharing archive): first frame",
                    iFirst, "minimal JavaFX window", minimal, "at most 1.3x", iFirst.ms() / minimal.ms() <= 1.3);
            row(out, "  the installed app: library listed", iShown, "minimal JavaFX window", minimal, "", null);
        }
        if (startup.rapportCds() != null) {
            Score cdsShown = startupScore(startup.rapportCds(), StartupBench.Run::libraryShownMillis);
            row(out, "Start-up to the library listed, with AppCDS (-XX:SharedArchiveFile)", cdsShown, "minimal JavaFX window", minimal,
                    "", null);
        }
    }

    private static void memoryRows(StringBuilder out, StartupBench.Memory memory) {
        Score minimalRss = memoryScore(memory.minimal(), StartupBench.Run::rssKb);
        Score rss = memoryScore(memory.rapport(), StartupBench.Run::rssKb);
        memoryRow(out, "Resident memory (VmRSS) after the bundled library and one dialogue played to its debrief, the installed"
                + " app's JVM options", rss, "minimal JavaFX window", minimalRss, "at most 1.5x");
        memoryRow(out, "  its peak (VmHWM)", memoryScore(memory.rapport(), StartupBench.Run::hwmKb), "minimal JavaFX window",
                memoryScore(memory.minimal(), StartupBench.Run::hwmKb), "");
        if (memory.minimalWithOptions() != null) {
            memoryRow(out, "  the same", rss, "minimal JavaFX window with the same options",
                    memoryScore(memory.minimalWithOptions(), StartupBench.Run::rssKb), "at most 1.5x");
            memoryRow(out, "  the same jar with the JVM's defaults", memoryScore(memory.rapportDefaults(), StartupBench.Run::rssKb),
                    "minimal JavaFX window", minimalRss, "");
        }
        if (memory.image() != null) {
            memoryRow(out, "Resident memory of the installed app (target/dist/Rapport/bin/Rapport, with its class-data-sharing archive),"
                    + " the same play", memoryScore(memory.image(), StartupBench.Run::rssKb), "minimal JavaFX window", minimalRss, "at most 1.5x");
        }
    }

    private static void memoryRow(StringBuilder out, String what, Score m, String baselineName, Score b, String target) {
        double ratio = m.ms() / b.ms();
        out.append("| ").append(what).append(" | ").append(fmtMb(m)).append(" | ").append(baselineName).append(": ")
                .append(fmtMb(b)).append(" | ").append(String.format(Locale.ROOT, "%.2fx", ratio)).append(" | ").append(target)
                .append(" | ").append(target.isEmpty() ? "" : ratio <= 1.5 ? "yes" : "**no**").append(" |\n");
    }

    /** Median and half the range, in MB (held in Score's ms field). */
    private static Score memoryScore(List<StartupBench.Run> runs, java.util.function.ToLongFunction<StartupBench.Run> f) {
        Score kb = startupScore(runs, f);
        return new Score(kb.ms() / 1024.0, kb.error() / 1024.0);
    }

    private static String fmtMb(Score s) {
        return String.format(Locale.ROOT, "%.0f ± %.0f MB", s.ms(), s.error());
    }

    private static ChainedOptionsBuilder warm(ChainedOptionsBuilder o, boolean quick) {
        return o.mode(Mode.AverageTime).forks(quick ? 1 : 2).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1));
    }

    /** How many paths the 5,000-node fixture has, as a power of ten. */
    private static String pathCount(Path fixtures) {
        var v = new org.rapport.check.Validator(org.rapport.catalog.Catalog.bundled())
                .validate(BenchFixtures.forPaths(fixtures, BenchFixtures.PATHS_NODES));
        var count = org.rapport.author.PathAnalysis.analyze(v.dialogue(), org.rapport.catalog.Catalog.bundled()).pathCount();
        String digits = count.toString();
        return String.format(Locale.ROOT, "%.1f x 10^%d", Double.parseDouble(digits.substring(0, 2)) / 10, digits.length() - 1);
    }

    private static Map<String, Score> jmh(Function<ChainedOptionsBuilder, ChainedOptionsBuilder> config, Path fixtures,
                                          String... jvmArgs) throws RunnerException {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("-Drapport.bench.dir=" + fixtures),
                java.util.Arrays.stream(jvmArgs)).toArray(String[]::new);
        ChainedOptionsBuilder o = new OptionsBuilder().jvmArgsAppend(args).shouldFailOnError(true);
        Collection<RunResult> results = new Runner(config.apply(o).build()).run();
        Map<String, Score> scores = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            String nodes = r.getParams().getParam("nodes");
            if (nodes != null) shortName += ":" + nodes;
            double err = r.getPrimaryResult().getScoreError();
            scores.put(shortName, new Score(r.getPrimaryResult().getScore(), Double.isNaN(err) ? 0 : err));
        }
        return scores;
    }

    private static Score startupScore(List<StartupBench.Run> runs, java.util.function.ToLongFunction<StartupBench.Run> f) {
        List<Long> xs = runs.stream().map(f::applyAsLong).toList();
        long min = xs.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = xs.stream().mapToLong(Long::longValue).max().orElse(0);
        return new Score(StartupBench.median(xs), (max - min) / 2.0);
    }

    private static void row(StringBuilder out, String what, Score m, String baselineName, Score b, String target, Boolean met) {
        out.append("| ").append(what).append(" | ").append(fmt(m)).append(" | ").append(baselineName).append(": ").append(fmt(b))
                .append(" | ").append(String.format(Locale.ROOT, "%.2fx", m.ms() / b.ms())).append(" | ").append(target)
                .append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
    }

    private static void interleavedTable(StringBuilder out, Interleaved.Result bigRun, Interleaved.Result libRun,
                                         Interleaved.Result debriefRun, Interleaved.Result layoutRun) {
        out.append("The same, in turns in one JVM, ").append(bigRun.rounds())
                .append(" rounds: wall times are medians; CPU times are means per round and the ratio of the totals, counting"
                        + " every thread of the process, the garbage collector's included:\n\n")
                .append("| Figure | Wall | Baseline wall | Ratio | CPU | Baseline CPU | CPU ratio |\n|---|---:|---:|---:|---:|---:|---:|\n");
        interleavedRow(out, "Load + validate the " + BenchFixtures.BIG_NODES + "-node dialogue vs a bare Gson token pass", bigRun);
        interleavedRow(out, "Library of " + BenchFixtures.LIBRARY_FILES + " files vs a Gson pass over the same files", libRun);
        interleavedRow(out, "Debrief of a " + BenchFixtures.DEBRIEF_DECISIONS + "-decision transcript vs one pass over it ("
                + debriefRun.rounds() + " rounds)", debriefRun);
        interleavedRow(out, "Layout of a " + BenchFixtures.LAYOUT_NODES + "-node graph vs GraphFacts of it ("
                + layoutRun.rounds() + " rounds)", layoutRun);
    }

    private static void interleavedRow(StringBuilder out, String what, Interleaved.Result r) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2fx | %.2f ms | %.2f ms | %.2fx |%n", what,
                r.wallMs(), r.baseWallMs(), r.wallRatio(), r.cpuMs(), r.baseCpuMs(), r.cpuRatio()));
    }

    private static String fmt(Score s) {
        return String.format(Locale.ROOT, s.ms() < 10 ? "%.2f ± %.2f ms" : "%.0f ± %.0f ms", s.ms(), s.error());
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
