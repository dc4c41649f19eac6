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
import org.rapport.engine.StepResult;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {
    /** The store under test; PostgresStoreTest runs every test here against a shared PostgreSQL store instead. */
    protected Store newStore(Path folder) {
        return Store.openSqlite(folder, clock);
    }

    @TempDir
    protected Path dir;

    private final Catalog catalog = Catalog.bundled();
    /** A clock that moves one second each time it is read, so attempts have a definite order. */
    protected final Clock clock = new Clock() {
        private long now = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public synchronized Instant instant() {
            now += 1000;
            return Instant.ofEpochMilli(now);
        }
    };
    private final byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
    private final Dialogue dialogue = Fixtures.validate(Fixtures.minimal()).dialogue();
    protected Store store;

    @BeforeEach
    void open() {
        store = newStore(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Plays the fixture's calm path (listen, then own it), saving like the app does, and returns the attempt id. */
    private String playAndSave(Store s, Trainee t, int firstReply, int secondReply) {
        Playthrough p = Playthrough.startAt(dialogue, "opening", 0, 7);
        String id = s.startAttempt(t.id(), dialogue, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
        StepResult r1 = p.chooseIndex(firstReply, 1500);
        s.saveDecision(id, 1, r1.decision());
        StepResult r2 = p.chooseIndex(secondReply, 2500);
        s.saveDecision(id, 2, r2.decision());
        s.finishAttempt(id, Debrief.of(dialogue, p.transcript(), catalog));
        return id;
    }

    @Test
    void traineesAreCreatedRenamedAndDeletedWithTheirAttempts() {
        Trainee ana = store.createTrainee("  Ana  ");
        Trainee ben = store.createTrainee("Ben");
        assertEquals(List.of("Ana", "Ben"), store.trainees().stream().map(Trainee::name).toList());
        store.renameTrainee(ana.id(), "Ana Lima");
        assertEquals("Ana Lima", store.trainees().get(0).name());
        playAndSave(store, ana, 0, 0);
        store.deleteTrainee(ana.id());
        assertEquals(List.of("Ben"), store.trainees().stream().map(Trainee::name).toList());
        assertTrue(store.history(ana.id()).isEmpty(), "their attempts went with them");
        assertThrows(StoreException.class, () -> store.createTrainee("   "));
    }

    @Test
    void settingsAreKept() {
        Trainee t = store.createTrainee("Ana");
        store.saveSettings(new Trainee(t.id(), t.name(), t.created(), "dark", 20, "practice"));
        Trainee back = store.trainees().get(0);
        assertEquals("dark", back.theme());
        assertEquals(20, back.fontSize());
        assertEquals("practice", back.defaultMode());
    }

    @Test
    void aFinishedAttemptShowsItsDebriefAgainExactly() {
        Trainee t = store.createTrainee("Ana");
        Playthrough p = Playthrough.startAt(dialogue, "opening", 0, 7);
        String id = store.startAttempt(t.id(), dialogue, bytes, DialogueReader.sha256(bytes), Mode.PRACTICE, p.transcript());
        store.saveDecision(id, 1, p.chooseIndex(0, 1500).decision());
        store.saveDecision(id, 2, p.chooseIndex(1, 2500).decision());
        Debrief original = Debrief.of(dialogue, p.transcript(), catalog);
        store.finishAttempt(id, original);

        AttemptSummary s = store.history(t.id()).get(0);
        assertEquals("kept", s.outcome());
        assertEquals(original.percent(), s.percent());
        assertEquals(2, s.decisions());
        assertEquals("practice", s.mode());
        Debrief again = store.load(id).debrief(catalog);
        assertEquals(original, again);
        assertEquals(Set.of(), Set.copyOf(store.unfinished(t.id()).stream().toList()));
    }

    @Test
    void anOldDebriefSurvivesTheDialogueFileChanging() {
        Trainee t = store.createTrainee("Ana");
        String id = playAndSave(store, t, 0, 0);
        // The file on disk is edited afterwards: the stored copy is what the debrief uses.
        StoredAttempt a = store.load(id);
        assertEquals(Fixtures.minimal(), new String(a.dialogueBytes(), StandardCharsets.UTF_8));
        assertTrue(a.debrief(catalog).decisions().get(0).chosen().say().startsWith("That must have been"));
    }

    @Test
    void anUnfinishedAttemptIsOfferedForResumeWithEveryDecisionSaved() {
        Trainee t = store.createTrainee("Ana");
        Playthrough p = Playthrough.startAt(dialogue, "opening", 0, 7);
        String id = store.startAttempt(t.id(), dialogue, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
        store.saveDecision(id, 1, p.chooseIndex(0, 1500).decision());
        store.close();

        store = newStore(dir);
        AttemptSummary open = store.unfinished(t.id()).orElseThrow();
        assertEquals(id, open.id());
        StoredAttempt a = store.load(id);
        Playthrough resumed = Playthrough.replay(a.dialogue(), a.transcript(), a.transcript().decisions().size());
        assertEquals("calmer", resumed.current().id(), "the trainee is back where they left off");
        assertEquals(p.offered(), resumed.offered(), "with the replies in the same order");
        store.abandon(id);
        assertTrue(store.unfinished(t.id()).isEmpty());
    }

    @Test
    void bestResultsArePerDialogue() {
        Trainee t = store.createTrainee("Ana");
        playAndSave(store, t, 0, 1);
        playAndSave(store, t, 0, 0);
        assertEquals(java.util.Map.of("late-parcel", 100), store.bestPercent(t.id()));
        assertEquals(2, store.history(t.id()).size());
    }

    @Test
    void sayItFirstKeepsTheTraineesOwnWordsAndConfidenceThroughSaveLoadExportAndImport() throws IOException {
        Trainee bo = store.createTrainee("Bo");
        Playthrough p = Playthrough.startAt(dialogue, "opening", 0, 7);
        String id = store.startAttempt(bo.id(), dialogue, bytes, DialogueReader.sha256(bytes), Mode.SAY_FIRST, p.transcript());
        var typed = new org.rapport.engine.Answer("I'm so sorry it came late \u2014 tell me what happened?", false, org.rapport.engine.Confidence.GUESSING);
        store.saveDecision(id, 1, p.chooseIndex(0, 1500, typed).decision());
        var aloud = new org.rapport.engine.Answer(null, true, org.rapport.engine.Confidence.SURE);
        store.saveDecision(id, 2, p.chooseIndex(1, 2500, aloud).decision());
        store.finishAttempt(id, Debrief.of(dialogue, p.transcript(), catalog));

        StoredAttempt loaded = store.load(id);
        assertEquals("say-first", store.history(bo.id()).get(0).mode());
        assertEquals(List.of(typed, aloud), loaded.transcript().decisions().stream().map(org.rapport.engine.Decision::answer).toList());
        Debrief d = loaded.debrief(catalog);
        assertEquals(typed.ownWords(), d.decisions().get(0).answer().ownWords(), "the debrief has their own words");
        assertEquals(1, d.calibration().rated(org.rapport.engine.Confidence.SURE));

        Path file = dir.resolve("bo.rapport-history.json");
        HistoryFile.export(store, bo, catalog, file, clock.millis());
        try (Store other = Store.openSqlite(dir.resolve("laptop3"), clock)) {
            Trainee there = other.createTrainee("Bo");
            assertEquals(1, HistoryFile.importInto(other, there, catalog, file, Set.of("late-parcel")).imported());
            StoredAttempt back = other.load(other.history(there.id()).get(0).id());
            assertEquals(List.of(typed, aloud), back.transcript().decisions().stream().map(org.rapport.engine.Decision::answer).toList());
            assertEquals("say-first", other.history(there.id()).get(0).mode());
        }
    }

    @Test
    void exportThenImportElsewhereGivesTheSameHistoryAndTwiceAddsNothing() throws IOException {
        Trainee ana = store.createTrainee("Ana");
        playAndSave(store, ana, 0, 1);
        playAndSave(store, ana, 0, 0);
        Path file = dir.resolve("ana.rapport-history.json");
        HistoryFile.export(store, ana, catalog, file, clock.millis());
        String json = Files.readString(file);
        assertTrue(json.contains("\"reply\": \"That must have been a let-down"), "the file carries the words, not just ids");

        try (Store other = Store.openSqlite(dir.resolve("laptop2"), clock)) {
            Trainee there = other.createTrainee("Ana");
            HistoryFile.ImportReport r = HistoryFile.importInto(other, there, catalog, file, Set.of("late-parcel"));
            assertEquals(2, r.imported());
            assertEquals(List.of(), r.notImported());
            assertEquals(store.history(ana.id()).stream().map(AttemptSummary::percent).toList(),
                    other.history(there.id()).stream().map(AttemptSummary::percent).toList());
            HistoryFile.ImportReport again = HistoryFile.importInto(other, there, catalog, file, Set.of("late-parcel"));
            assertEquals(0, again.imported());
            assertEquals(2, again.alreadyThere());
            assertEquals(2, other.history(there.id()).size());
            assertTrue(HistoryFile.importInto(other, there, catalog, file, Set.of()).describe().isEmpty() == false);
        }
    }

    @Test
    void anImportForADialogueTheLibraryLacksIsKeptAndSaidSo() throws IOException {
        Trainee ana = store.createTrainee("Ana");
        playAndSave(store, ana, 0, 0);
        Path file = dir.resolve("h.json");
        HistoryFile.export(store, ana, catalog, file, clock.millis());
        try (Store other = Store.openSqlite(dir.resolve("x"), clock)) {
            HistoryFile.ImportReport r = HistoryFile.importInto(other, other.createTrainee("Ana"), catalog, file, Set.of());
            assertEquals(1, r.imported());
            assertTrue(r.describe().contains("Your library has no dialogue \"The parcel that missed the birthday\""), r.describe());
        }
    }

    @Test
    void badImportFilesAreRefusedWithAClearMessage() throws IOException {
        Trainee t = store.createTrainee("Ana");
        Path notJson = dir.resolve("a.json");
        Files.writeString(notJson, "{ nope");
        assertTrue(assertThrows(StoreException.class, () -> HistoryFile.importInto(store, t, catalog, notJson, Set.of()))
                .getMessage().contains("was not imported: it is not valid JSON"));
        Path other = dir.resolve("b.json");
        Files.writeString(other, "{\"format\": 1, \"id\": \"late-parcel\"}");
        assertTrue(assertThrows(StoreException.class, () -> HistoryFile.importInto(store, t, catalog, other, Set.of()))
                .getMessage().contains("not a Rapport history file"));
        Path newer = dir.resolve("c.json");
        Files.writeString(newer, "{\"format\": 7, \"kind\": \"rapport-history\", \"attempts\": []}");
        assertTrue(assertThrows(StoreException.class, () -> HistoryFile.importInto(store, t, catalog, newer, Set.of()))
                .getMessage().contains("update Rapport to read it"));
    }

    @Test
    void aTamperedAttemptStopsTheWholeImportAndNamesTheAttemptAndTheField() throws IOException {
        Trainee ana = store.createTrainee("Ana");
        playAndSave(store, ana, 0, 1);
        playAndSave(store, ana, 0, 0);
        Path file = dir.resolve("h.json");
        HistoryFile.export(store, ana, catalog, file, clock.millis());
        String json = Files.readString(file).replaceFirst("\"chosenPosition\": 0", "\"chosenPosition\": 9");
        Files.writeString(file, json);
        try (Store other = Store.openSqlite(dir.resolve("y"), clock)) {
            Trainee there = other.createTrainee("Ana");
            StoreException e = assertThrows(StoreException.class, () -> HistoryFile.importInto(other, there, catalog, file, Set.of("late-parcel")));
            assertTrue(e.getMessage().startsWith("h.json was not imported, so nothing in it was added: attempt"), e.getMessage());
            assertTrue(e.getMessage().contains("\"chosenPosition\" is 9"), e.getMessage());
            assertEquals(0, other.history(there.id()).size(), "nothing partial: the good attempt did not come in alone");
        }
    }

    @Test
    void progressWeighsRecentAttemptsMore() {
        Trainee t = store.createTrainee("Ana");
        playAndSave(store, t, 0, 1); // weak at "accept"
        playAndSave(store, t, 0, 0); // best at "accept", newer
        List<Progress.Scored> scored = store.history(t.id()).stream()
                .map(s -> new Progress.Scored(s, store.load(s.id()).debrief(catalog))).toList();
        Progress p = Progress.of(scored, catalog);
        double accept = p.stepMastery().get("lead.accept");
        assertEquals((1.0 * 1 + Progress.DECAY * (1 / 3.0)) / (1 + Progress.DECAY), accept, 1e-9);
        assertEquals(1.0, p.stepMastery().get("lead.listen"), 1e-9);
        assertEquals("pitfall.policy-speak", p.pitfalls().get(0).pitfallId());
        assertEquals("The courier had a backlog, it happens this time of year.", p.pitfalls().get(0).examples().get(0).reply());
        assertEquals(List.of("lead.accept", "lead.listen"), p.weakestSteps(2));
        assertEquals(2, p.techniqueOverTime().get("lead").size());
    }
}
