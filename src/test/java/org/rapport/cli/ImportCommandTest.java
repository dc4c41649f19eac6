package org.rapport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `rapport import`: the report, the to-dos, the summary line, writing, and the exit codes. */
class ImportCommandTest {
    private static Path fixture(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/import/" + name)) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void importsWritesTheDraftAndItValidates(@TempDir Path dir) throws IOException {
        Path twee = fixture(dir, "charged-twice.twee");
        Path out = dir.resolve("draft.json");
        CliTest.Run r = CliTest.run("import", twee.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(twee + ": twee, 5 nodes, 8 replies, 3 endings, 0 warnings, 0 to-dos -> " + out, r.out().strip());
        assertEquals(0, CliTest.run("validate", out.toString()).code());
        byte[] first = Files.readAllBytes(out);
        assertEquals(1, CliTest.run("import", twee.toString(), "-o", out.toString()).code(), "no overwrite without --force");
        assertEquals(0, CliTest.run("import", twee.toString(), "-o", out.toString(), "--force").code());
        assertArrayEquals(first, Files.readAllBytes(out), "importing twice gives identical bytes");
    }

    @Test
    void theReportAndTheToDosAreLocatedAndNothingIsWrittenWithoutO(@TempDir Path dir) throws IOException {
        Path links = fixture(dir, "links.twee");
        CliTest.Run r = CliTest.run("import", links.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(links + ":15:1: warning: RAP112 "), r.out());
        assertTrue(r.out().contains("  to do: where-is-my-parcel.json:"), r.out());
        assertTrue(r.out().contains("error: RAP011 Missing required field \"grade\""), r.out());
        assertTrue(r.out().strip().endsWith("to-dos"), "the summary line comes last, and nothing was written");
        assertFalse(Files.exists(Path.of("where-is-my-parcel.json")));
    }

    @Test
    void severalFilesGoToAFolderAndAFailureExitsOne(@TempDir Path dir) throws IOException {
        Path a = fixture(dir, "charged-twice.twee");
        Path b = fixture(dir, "late-glasses.ink.json");
        Path bad = dir.resolve("story.ink");
        Files.writeString(bad, "Hello\n* [Hi] -> END\n");
        Path folder = dir.resolve("drafts");
        CliTest.Run r = CliTest.run("import", a.toString(), b.toString(), bad.toString(), "-o", folder.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(Files.exists(folder.resolve("charged-twice-for-the-gym.json")));
        assertTrue(Files.exists(folder.resolve("glasses-not-ready-for-the-interview.json")));
        assertTrue(r.out().contains(bad + ":1:1: error: RAP100 This is ink source."), r.out());
        assertTrue(r.out().contains(bad + ": not imported"), r.out());
        assertEquals(2, CliTest.run("import", dir.resolve("missing.twee").toString()).code());
        assertEquals(2, CliTest.run("import").code(), "no file: usage");
    }
}
