package org.rapport.bench;

import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassReport;
import org.rapport.classroom.ClassRoster;
import org.rapport.classroom.ResultsCollector;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;
import org.rapport.store.Store;
import org.rapport.store.Trainee;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The class report read live from the department's server ({@code class-report --db}) for 20, 200 and 2,000 trainees,
 * two finished attempts each, on a real PostgreSQL: the time to collect and build the report, and the peak heap
 * while doing it; then the command itself in a process of its own, its wall time and peak resident memory. {@code mvn -B -Pbench verify -Dbench.mode=classreport} with RAPPORT_TEST_PG_URL set. A figure, not a
 * test: nothing fails on a slow run.
 */
final class ClassReportBench {
    private ClassReportBench() {
    }

    static String run(String url) throws Exception {
        StringBuilder out = new StringBuilder("| Trainees | Attempts | Collect and report (in this JVM) | Peak heap during it |"
                + " `class-report --db` as its own process: wall time | its peak resident memory (VmHWM) | the same with -Xmx384m: wall time | peak resident |"
                + " with the installed app's JVM options for a command: wall time | peak resident |"
                + "\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        String[] appOptions = BenchMain.commandOptions().toArray(String[]::new);
        Catalog catalog = Catalog.bundled();
        for (int n : new int[]{20, 200, 2000}) {
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            String shared = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try {
                Store.initShared(shared, null, null);
                List<String> names = new ArrayList<>();
                try (Store s = Store.openShared(shared, null, null, Clock.systemUTC())) {
                    Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
                    byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < n; i++) {
                        Trainee t = s.createTrainee("Trainee " + i);
                        names.add(t.name());
                        for (int k = 0; k < 2; k++) {
                            Playthrough p = Playthrough.start(d, i * 7L + k);
                            String id = s.startAttempt(t.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
                            int seq = 0;
                            while (!p.ended()) s.saveDecision(id, ++seq, p.chooseIndex(k, 1500).decision());
                            s.finishAttempt(id, Debrief.of(d, p.transcript(), catalog));
                        }
                    }
                }
                ClassRoster roster = new ClassRoster("bench", "Bench class", names,
                        List.of(new ClassRoster.Assigned("late-parcel", "The parcel that missed the birthday")), 0);
                System.gc();
                resetPeaks();
                long t0 = System.nanoTime();
                ClassReport report;
                try (Store s = Store.openShared(shared, null, null, Clock.systemUTC())) {
                    report = ClassReport.of(new ResultsCollector(catalog).collect(s, roster, System.currentTimeMillis()), catalog);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long attempts = report.results().all().size();
                long heap = peakHeap() >> 20;
                long[] process = wholeProcess(shared, roster);
                long[] capped = wholeProcess(shared, roster, "-Xmx384m");
                long[] shipped = wholeProcess(shared, roster, appOptions);
                out.append(String.format("| %,d | %,d | %,d ms | %,d MB | %,d ms | %,d MB | %,d ms | %,d MB | %,d ms | %,d MB |%n", n, attempts,
                        ms, heap, process[0], process[1] >> 10, capped[0], capped[1] >> 10, shipped[0], shipped[1] >> 10));
            } finally {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return out.toString();
    }

    /**
     * {@code java -jar target/rapport.jar class-report --db URL --class FILE --csv OUT} in a process of its own, as a
     * facilitator runs it, under /usr/bin/time: its wall time in ms and its peak resident set in KB.
     */
    private static long[] wholeProcess(String url, ClassRoster roster, String... jvm) throws Exception {
        Path work = java.nio.file.Files.createTempDirectory("class-report-bench");
        Path classFile = work.resolve("class.json");
        org.rapport.classroom.ClassBook.write(roster, classFile);
        Path library = java.nio.file.Files.createDirectories(work.resolve("dialogues"));
        java.nio.file.Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        Path times = work.resolve("time.txt");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.toString(), javaBin));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-jar", Path.of("target", "rapport.jar").toAbsolutePath().toString(), "class-report", "--db", url,
                "--class", classFile.toString(), "--library", library.toString(), "--csv", work.resolve("report.csv").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("class-report --db took over 5 minutes");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("class-report --db failed with exit " + p.exitValue());
        String[] f = java.nio.file.Files.readString(times).strip().split("\\s+");
        return new long[]{Math.round(Double.parseDouble(f[f.length - 2]) * 1000), Long.parseLong(f[f.length - 1])};
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }
}
