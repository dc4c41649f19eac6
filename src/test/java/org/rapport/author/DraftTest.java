package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the author view shows after each save: the newest good version, and every problem of the file as it is. */
class DraftTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Validator VALIDATOR = new Validator(CATALOG);

    @TempDir
    Path dir;

    private Draft load(Path f, Draft previous) {
        return Draft.load(VALIDATOR, CATALOG, f, previous, GraphLayout.Options.DEFAULT);
    }

    @Test
    void aBrokenSaveKeepsTheLastGoodVersionOnScreenWithTheNewErrors() throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        Draft good = load(f, null);
        assertFalse(good.stale());
        assertNotNull(good.layout());
        assertNotNull(good.paths());

        Files.writeString(f, Fixtures.minimal().replace("\"minutes\": 3,", "\"minutes\": 3,,"));
        Draft broken = load(f, good);
        assertTrue(broken.stale(), "the graph stays on the last version that loaded");
        assertSame(good.shown(), broken.shown());
        assertSame(good.layout(), broken.layout());
        assertEquals(1, broken.errors());
        Diagnostic d = broken.diagnostics().get(0);
        assertEquals("RAP001", d.code(), "the list shows the file as it is now");

        Files.writeString(f, Fixtures.minimal().replace("The parcel that missed the birthday", "Fixed again"));
        Draft fixed = load(f, broken);
        assertFalse(fixed.stale());
        assertEquals("Fixed again", fixed.dialogue().title());
    }

    @Test
    void aDeletedFileKeepsTheLastGoodVersionAndSaysItCannotBeRead() throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        Draft good = load(f, null);
        Files.delete(f);
        Draft gone = load(f, good);
        assertTrue(gone.stale());
        assertEquals("The parcel that missed the birthday", gone.dialogue().title());
        assertEquals("RAP007", gone.diagnostics().get(0).code());
    }

    @Test
    void aFileBrokenFromTheStartIsDrawnAsFarAsItCanBeRead() throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        Draft d = load(f, null);
        assertFalse(d.stale());
        assertNotNull(d.layout(), "the nodes that could be read are drawn");
        assertEquals(6, d.layout().boxes().size());
        assertNull(d.paths(), "no path report for a file with errors");
        assertEquals("RAP021", d.diagnostics().get(0).code());
    }

    @Test
    void thePathReportsWarningsAreListedWithTheChecks() throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        Draft d = load(f, null);
        assertEquals(3, d.warnings(), d.diagnostics().toString());
        assertTrue(d.diagnostics().stream().anyMatch(x -> x.code().equals("RAP060") && x.nodeId().equals("kept")));
    }

    @Test
    void aSaveThatChangesNothingReusesTheWork() throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        Draft first = load(f, null);
        Files.writeString(f, Fixtures.minimal());
        Draft again = load(f, first);
        assertSame(first.layout(), again.layout());
        assertSame(first.paths(), again.paths());
    }
}
