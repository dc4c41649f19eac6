package org.rapport.bench;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.store.AttemptRecorder;
import org.rapport.store.Store;
import org.rapport.store.Trainee;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Issue 17, item 3, second half: does memory grow as a trainee plays dialogue after dialogue? Plays {@code plays}
 * bundled dialogues in a row through the core as the app does (read the file, play with replies picked at random,
 * save every reply and the debrief in a SQLite store, build the debrief), and after each one measures the heap in
 * use after a full collection. Prints the heap after plays 10 and {@code plays}, the growth between them, and the
 * process's resident set (VmRSS) at both points.
 */
final class PlayGrowth {
    private PlayGrowth() {
    }

    static String run(Path project, Path work, int plays) throws Exception {
        List<Path> files;
        try (var s = Files.list(project.resolve("dialogues"))) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).sorted().toList();
        }
        Catalog catalog = Catalog.bundled();
        Path data = Files.createDirectories(work.resolve("growth-data-" + System.nanoTime()));
        List<long[]> rows = new ArrayList<>();
        SplittableRandom pick = new SplittableRandom(17);
        try (Store store = Store.openSqlite(data, Clock.systemUTC())) {
            Trainee t = store.createTrainee("Bench");
            for (int i = 1; i <= plays; i++) {
                Path f = files.get((i - 1) % files.size());
                byte[] bytes = Files.readAllBytes(f);
                ReadResult r = new DialogueReader().read(f.toString(), bytes);
                Playthrough p = Playthrough.start(r.dialogue(), i);
                AttemptRecorder rec = new AttemptRecorder(store, t.id(), r.dialogue(), bytes, r.contentHash(), Mode.PRACTICE,
                        p.transcript(), null, 0);
                while (!p.ended()) {
                    List<Choice> choices = ((CustomerNode) p.current()).choices();
                    rec.decision(p.chooseIndex(pick.nextInt(choices.size()), 1000 + pick.nextInt(9000)).decision());
                }
                rec.finish(Debrief.of(r.dialogue(), p.transcript(), catalog));
                if (!rec.allSaved()) throw new IllegalStateException("a reply was not saved in play " + i);
                rows.add(new long[]{i, heapAfterGc(), rssKb()});
            }
        }
        long[] at10 = rows.get(Math.min(9, rows.size() - 1));
        long[] last = rows.get(rows.size() - 1);
        StringBuilder out = new StringBuilder("| Dialogues played in a row | Heap in use after a full GC | Resident (VmRSS) |\n|---:|---:|---:|\n");
        for (long[] row : rows) {
            if (row[0] == 1 || row[0] % 10 == 0) {
                out.append("| ").append(row[0]).append(" | ").append(kb(row[1] / 1024)).append(" | ").append(kb(row[2])).append(" |\n");
            }
        }
        out.append("\nHeap growth from play ").append(at10[0]).append(" to play ").append(last[0]).append(": ")
                .append(String.format("%+.1f MB", (last[1] - at10[1]) / (1024.0 * 1024.0)))
                .append(" (target: no growth; the store's page cache and the JIT settle in the first plays)\n");
        return out.toString();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (Exception ignored) {
            // not on Linux
        }
        return -1;
    }

    private static String kb(long kb) {
        return kb < 0 ? "n/a" : String.format("%.1f MB", kb / 1024.0);
    }
}
