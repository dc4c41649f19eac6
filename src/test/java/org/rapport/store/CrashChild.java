package org.rapport.store;

import org.rapport.Fixtures;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.StepResult;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs in a child JVM for {@link CrashSafetyTest}: plays attempts in a loop, saving like the app does, and prints a
 * line after each save has committed. The parent kills it with SIGKILL at a random moment.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Dialogue d = new DialogueReader().read("late-parcel.json", bytes).dialogue();
        String hash = DialogueReader.sha256(bytes);
        try (Store store = Store.openSqlite(data, Clock.systemUTC())) {
            Trainee t = store.trainees().isEmpty() ? store.createTrainee("Crash") : store.trainees().get(0);
            System.out.println("ready");
            System.out.flush();
            for (long round = 0; ; round++) {
                Playthrough p = Playthrough.startAt(d, "opening", 0, round);
                String id = store.startAttempt(t.id(), d, bytes, hash, Mode.ASSESSMENT, p.transcript());
                int seq = 0;
                while (!p.ended()) {
                    StepResult r = p.chooseIndex((int) (round % 2), 10);
                    store.saveDecision(id, ++seq, r.decision());
                    System.out.println("saved " + id + " " + seq);
                    System.out.flush();
                }
                store.finishAttempt(id, Debrief.of(d, p.transcript(), org.rapport.catalog.Catalog.bundled()));
                System.out.println("finished " + id);
                System.out.flush();
            }
        }
    }
}
