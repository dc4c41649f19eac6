package org.rapport.author;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watcher follows what editors do to a file on save. Each test waits (up to 10 s, so a slow machine does not fail
 * it) for the change to be reported, and checks what an author would then see: the file as it now is.
 */
class DialogueWatcherTest {
    private static final Validator VALIDATOR = new Validator(Catalog.bundled());

    @TempDir
    Path dir;

    private DialogueWatcher watcher;
    private final List<Set<Path>> reports = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
    }

    private void follow(Path target) throws IOException {
        watcher = DialogueWatcher.start(target, Duration.ofMillis(100), reports::add);
    }

    private static void waitUntil(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    private boolean reported(Path p) {
        return reports.stream().anyMatch(s -> s.contains(p.toAbsolutePath().normalize()));
    }

    private void waitForReportOf(Path p) throws InterruptedException {
        waitUntil(p + " is reported", () -> reported(p));
    }

    private static String title(Path p) {
        Validated v = VALIDATOR.validate(p);
        return v.playable() ? v.dialogue().title() : null;
    }

    private static String retitled(String title) {
        return Fixtures.replaceOnce(Fixtures.minimal(), "The parcel that missed the birthday", title);
    }

    @Test
    void aFileRewrittenInPlaceIsReportedAndReadsAsItsNewVersion() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        Files.writeString(f, retitled("Second draft"));
        waitForReportOf(f);
        assertEquals("Second draft", title(f));
    }

    @Test
    void anAtomicSaveByRenamingATemporaryFileOverTheOldOneIsReported() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        Path tmp = dir.resolve(".late-parcel.json.swp");
        Files.writeString(tmp, retitled("Saved atomically"));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        waitForReportOf(f);
        assertEquals("Saved atomically", title(f));
        assertTrue(reports.stream().flatMap(Set::stream).noneMatch(p -> p.getFileName().toString().endsWith(".swp")),
                "temporary files are not dialogues: " + reports);
    }

    @Test
    void aFileRenamedAwayAndBackIsReportedBothTimes() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        Path elsewhere = dir.resolve("late-parcel.bak");
        Files.move(f, elsewhere);
        waitForReportOf(f);
        assertEquals(null, title(f), "renamed away: nothing to read under the old name");
        reports.clear();
        Files.writeString(elsewhere, retitled("Renamed back"));
        Files.move(elsewhere, f);
        waitForReportOf(f);
        assertEquals("Renamed back", title(f));
    }

    @Test
    void aDeletedFileIsReportedAndSoIsItsReturn() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        Files.delete(f);
        waitForReportOf(f);
        assertFalse(Files.exists(f));
        reports.clear();
        Files.writeString(f, retitled("Written again"));
        waitForReportOf(f);
        assertEquals("Written again", title(f));
    }

    @Test
    void aHalfWrittenFileIsReportedAgainOnceItIsComplete() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        byte[] all = retitled("Finished at last").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(all, 0, all.length / 2);
            out.flush();
            waitForReportOf(f);
            assertEquals(null, title(f), "half a file does not read as a dialogue");
            reports.clear();
            out.write(all, all.length / 2, all.length - all.length / 2);
        }
        waitForReportOf(f);
        assertEquals("Finished at last", title(f));
    }

    @Test
    void aBurstOfWritesIsReportedOnceItIsQuietNotOncePerWrite() throws Exception {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(f);
        for (int i = 0; i < 20; i++) Files.writeString(f, retitled("Draft " + i));
        waitForReportOf(f);
        Thread.sleep(400);
        assertTrue(reports.size() < 20, "a save in many writes is one change, not " + reports.size());
        assertEquals("Draft 19", title(f));
    }

    @Test
    void aFolderReportsNewAndChangedDialoguesButNotSchemasOrOtherFiles() throws Exception {
        Path a = dir.resolve("a.json");
        Files.writeString(a, Fixtures.minimal());
        follow(dir);
        Path b = dir.resolve("b.json");
        Files.writeString(dir.resolve("dialogue.schema.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "draft ideas");
        Files.writeString(b, retitled("A new one"));
        waitForReportOf(b);
        Files.writeString(a, retitled("Changed"));
        waitForReportOf(a);
        assertTrue(reports.stream().flatMap(Set::stream).allMatch(p -> p.equals(a.toAbsolutePath()) || p.equals(b.toAbsolutePath())), reports.toString());
    }

    @Test
    void aFolderThatDisappearsAndReturnsIsFollowedAgain() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("drafts"));
        Path f = sub.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        follow(sub);
        Files.delete(f);
        Files.delete(sub);
        waitForReportOf(f);
        reports.clear();
        Files.createDirectory(sub);
        Files.writeString(f, retitled("Back in its folder"));
        waitForReportOf(f);
        assertEquals("Back in its folder", title(f));
    }
}
