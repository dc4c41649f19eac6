package org.rapport.classroom;

import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassRoster.Assigned;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;
import org.rapport.store.HistoryFile;
import org.rapport.store.Store;
import org.rapport.store.Trainee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A fixture class built the way a real one is: trainees play in a Store and export their history with
 * {@link HistoryFile#export}; then the folder gets the files a shared drive collects (a copy, a re-export, a stranger's
 * file, a broken one, a huge one, odd names).
 *
 * <p>The class "Tuesday group" has Ana, Ben, Caro, Dee and Eve and is assigned "late-parcel" and "swim-classes".
 * Everyone starts the customer at mood 0:
 * <ul>
 *   <li>Ana: (older) listen best, accept weak → kept; (newer) listen best, accept best → won; and one "other-parcel";</li>
 *   <li>Ben: listen harmful, then empathize best → kept;</li>
 *   <li>Caro: listen best, accept weak → kept;</li>
 *   <li>Dee: no file; Eve: only "other-parcel", which the class is not assigned.</li>
 * </ul>
 */
public final class ClassFixtures {
    public static final String LISTEN_BEST = "That must have been a let-down";
    public static final String LISTEN_HARMFUL = "Sorry for any inconvenience";
    public static final String ACCEPT_BEST = "It was late, and that's on us";
    public static final String ACCEPT_WEAK = "The courier had a backlog";
    public static final String EMPATHIZE_BEST = "You planned ahead";
    public static final long HUGE_LIMIT = 256 * 1024;

    private ClassFixtures() {
    }

    public static ClassRoster roster() {
        return new ClassRoster("tuesday-group", "Tuesday group", List.of("Ana", "Ben", "Caro", "Dee", "Eve"),
                List.of(new Assigned("late-parcel", "The parcel that missed the birthday"), new Assigned("swim-classes", "Missed swim classes")), 1);
    }

    public static String otherDialogue() {
        String t = Fixtures.replaceOnce(Fixtures.minimal(), "\"id\": \"late-parcel\"", "\"id\": \"other-parcel\"");
        return Fixtures.replaceOnce(t, "\"title\": \"The parcel that missed the birthday\"", "\"title\": \"Another parcel\"");
    }

    /** The class's own copies of its dialogues, as a facilitator's library folder: the late parcel and the other parcel. */
    public static Path writeLibrary(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("late-parcel.json"), Fixtures.minimal());
        Files.writeString(dir.resolve("other-parcel.json"), otherDialogue());
        return dir;
    }

    /** A clock that moves one second each time it is read. */
    public static Clock ticking() {
        return new Clock() {
            private long now = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public synchronized Instant instant() {
                now += 1000;
                return Instant.ofEpochMilli(now);
            }
        };
    }

    /** Plays a dialogue from "opening" at mood 0, taking the replies whose words start as given, and saves it. */
    public static void play(Store s, Trainee t, String dialogueText, Catalog catalog, String... replies) {
        byte[] bytes = dialogueText.getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(dialogueText).dialogue();
        Playthrough p = Playthrough.startAt(d, "opening", 0, 7);
        String id = s.startAttempt(t.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
        int seq = 0;
        for (String words : replies) {
            int pos = -1;
            for (int i = 0; i < p.offered().size(); i++) if (p.offered().get(i).say().startsWith(words)) pos = i;
            if (pos < 0) throw new IllegalArgumentException("no reply " + words + " at " + p.current().id());
            s.saveDecision(id, ++seq, p.choose(pos, 2000).decision());
        }
        if (!p.ended()) throw new IllegalStateException("the fixture path does not end");
        s.finishAttempt(id, Debrief.of(d, p.transcript(), catalog));
    }

    /**
     * The class's trainees playing in one store, as on laptops sharing a database: Ana, "ben " (spelled differently from
     * the class list), Caro, Eve, and Zed, who is not in the class.
     */
    public static void populate(Store s, Catalog catalog) {
        String late = Fixtures.minimal();
        String other = otherDialogue();
        Trainee ana = s.createTrainee("Ana");
        play(s, ana, late, catalog, LISTEN_BEST, ACCEPT_WEAK);
        play(s, ana, late, catalog, LISTEN_BEST, ACCEPT_BEST);
        play(s, ana, other, catalog, LISTEN_BEST, ACCEPT_BEST);
        Trainee ben = s.createTrainee("ben "); // spelled differently from the class list: still Ben
        play(s, ben, late, catalog, LISTEN_HARMFUL, EMPATHIZE_BEST);
        Trainee caro = s.createTrainee("Caro");
        play(s, caro, late, catalog, LISTEN_BEST, ACCEPT_WEAK);
        Trainee eve = s.createTrainee("Eve");
        play(s, eve, other, catalog, LISTEN_BEST, ACCEPT_BEST);
        Trainee zed = s.createTrainee("Zed");
        play(s, zed, late, catalog, LISTEN_BEST, ACCEPT_BEST);
    }

    public static Trainee trainee(Store s, String name) {
        return s.trainees().stream().filter(t -> t.name().strip().equalsIgnoreCase(name.strip())).findFirst().orElseThrow();
    }

    /** Writes the whole fixture folder into {@code folder}, using {@code work} for the stores. */
    public static Path writeFolder(Path work, Path folder) throws IOException {
        Catalog catalog = Catalog.bundled();
        Files.createDirectories(folder);
        Clock clock = ticking();
        try (Store s = Store.openSqlite(work.resolve("laptops"), clock)) {
            populate(s, catalog);
            Trainee ana = trainee(s, "Ana");
            Trainee ben = trainee(s, "ben ");
            Trainee caro = trainee(s, "Caro");
            Trainee eve = trainee(s, "Eve");
            Trainee zed = trainee(s, "Zed");

            HistoryFile.export(s, ana, catalog, folder.resolve("ana.rapport-history.json"), clock.millis());
            Files.copy(folder.resolve("ana.rapport-history.json"), folder.resolve("ana-copy.json"));
            HistoryFile.export(s, ben, catalog, folder.resolve("ben.json"), clock.millis());
            HistoryFile.export(s, ben, catalog, folder.resolve("ben2.json"), clock.millis());
            HistoryFile.export(s, caro, catalog, folder.resolve("caro.json"), clock.millis());
            HistoryFile.export(s, eve, catalog, folder.resolve("eve.json"), clock.millis());
            HistoryFile.export(s, zed, catalog, folder.resolve("zed.json"), clock.millis());
        }
        Files.writeString(folder.resolve("broken.json"), "{ \"kind\": \"rapport-history\", \"format\": 1, nope");
        Files.writeString(folder.resolve("newer.json"), "{ \"kind\": \"rapport-history\", \"format\": 2, \"attempts\": [] }");
        Files.writeString(folder.resolve("huge.json"), " ".repeat((int) HUGE_LIMIT + 10));
        Files.writeString(folder.resolve(".hidden.json"), "{}");
        Files.writeString(folder.resolve("notes.txt"), "bring biscuits");
        Files.writeString(folder.resolve("bell\u0007.json"), "{}");
        Files.createDirectories(folder.resolve("old"));
        return folder;
    }
}
