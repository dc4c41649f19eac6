package org.rapport.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk, a read-only store and a database locked by another program: the trainee is told, nothing is lost. */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private final byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
    private final Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
    private Store store;
    private Trainee trainee;

    @BeforeEach
    void open() {
        store = Store.openSqlite(dir, Clock.systemUTC());
        trainee = store.createTrainee("Ana");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AttemptRecorder recorderFor(Playthrough p) {
        return new AttemptRecorder(store, trainee.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript(), null, 0);
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aFullDiskKeepsTheRepliesInMemoryAndSavesThemWhenThereIsRoom() throws Exception {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 1);
        AttemptRecorder rec = recorderFor(p);
        assertTrue(rec.allSaved());
        Connection c = store.connectionForTests();
        String ballast = store.startAttempt(trainee.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT,
                Playthrough.startAt(d, "opening", 0, 2).transcript());
        long pages;
        try (Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA page_count")) {
            r.next();
            pages = r.getLong(1);
        }
        exec(c, "PRAGMA max_page_count = " + pages); // the disk is now full: no page can be added
        for (int i = 1; i < 100_000; i++) { // and the free space left in the decision table's pages is used up
            try {
                exec(c, "INSERT INTO decision VALUES ('" + ballast + "', " + i + ", 'ballast', '0', 0, 0, 0, 0, 'x', NULL, 0, NULL)");
            } catch (Exception full) {
                break;
            }
        }
        rec.decision(p.chooseIndex(0, 100).decision());
        rec.decision(p.chooseIndex(0, 100).decision());
        rec.finish(Debrief.of(d, p.transcript(), Catalog.bundled()));
        assertFalse(rec.allSaved());
        assertEquals("The disk is full, so your progress could not be saved.", rec.problem().orElseThrow());
        assertEquals(3, rec.pendingCount(), "two replies and the finish wait in memory");

        exec(c, "PRAGMA max_page_count = 1073741823"); // room again
        store.abandon(ballast);
        assertTrue(rec.retry());
        AttemptSummary saved = store.history(trainee.id()).get(0);
        assertEquals(2, saved.decisions());
        assertEquals("won", saved.outcome());
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsWaitedOutThenSaved() throws Exception {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 1);
        AttemptRecorder rec = recorderFor(p);
        exec(store.connectionForTests(), "PRAGMA busy_timeout = 100");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME))) {
            exec(other, "BEGIN EXCLUSIVE");
            exec(other, "INSERT INTO meta (key, value) VALUES ('lock', 'held')");
            rec.decision(p.chooseIndex(0, 100).decision());
            assertTrue(rec.problem().orElseThrow().contains("Another program is holding the progress store"), rec.problem().toString());
            exec(other, "ROLLBACK");
        }
        assertTrue(rec.retry());
        assertEquals(1, store.unfinished(trainee.id()).orElseThrow().decisions());
    }

    @Test
    void aReadOnlyStoreSaysSoAndLosesNothing() throws Exception {
        Playthrough p = Playthrough.startAt(d, "opening", 0, 1);
        AttemptRecorder rec = recorderFor(p);
        exec(store.connectionForTests(), "PRAGMA query_only = ON"); // every write now fails as on a read-only folder
        rec.decision(p.chooseIndex(0, 100).decision());
        assertTrue(rec.problem().orElseThrow().startsWith("Your progress could not be saved") || rec.problem().get().contains("read-only"),
                rec.problem().toString());
        assertEquals(1, rec.pendingCount());
        exec(store.connectionForTests(), "PRAGMA query_only = OFF");
        assertTrue(rec.retry());
        assertEquals(1, store.unfinished(trainee.id()).orElseThrow().decisions());
    }

    @Test
    void anUnwritableDataFolderIsAPlainMessage() throws Exception {
        Path file = dir.resolve("not-a-folder");
        java.nio.file.Files.writeString(file, "x");
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> Store.openSqlite(file.resolve("data"), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("Rapport cannot create its data folder"), e.getMessage());
    }
}
