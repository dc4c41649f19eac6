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
 * while doing it. {@code mvn -B -Pbench verify -Dbench.mode=classreport} with RAPPORT_TEST_PG_URL set. A figure, not a
 * test: nothing fails on a slow run.
 */
final class ClassReportBench {
    private ClassReportBench() {
    }

    static String run(String url) throws Exception {
        StringBuilder out = new StringBuilder("| Trainees | Attempts | Collect and report | Peak heap during it |\n|---:|---:|---:|---:|\n");
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
                out.append(String.format("| %,d | %,d | %,d ms | %,d MB |%n", n, attempts, ms, peakHeap() >> 20));
            } finally {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
        return out.toString();
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
