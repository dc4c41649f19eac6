package org.rapport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `rapport package`: what it writes, what it says, its exit codes. */
class PackageCommandTest {
    static final String BASE = "https://learning.example.org/rapport/";

    @Test
    void itWritesTheZipAndSaysWhat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("course.zip");
        CliTest.Run r = CliTest.run("package", "dialogues/wedding-catering.json", "dialogues/chewed-moccasins.json", "--as", "scorm2004",
                "--mastery", "0.8", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out.toAbsolutePath() + ": "), r.out());
        assertTrue(r.out().contains("2 SCOs (SCORM 2004 4th edition)"), r.out());
        assertTrue(r.out().contains("SCO wedding-catering: "), r.out());
        try (ZipFile z = new ZipFile(out.toFile())) {
            assertTrue(z.getEntry("imsmanifest.xml") != null && z.getEntry("dialogues/chewed-moccasins.json") != null);
        }
        CliTest.Run cmi5 = CliTest.run("package", "dialogues", "--as", "cmi5", "--base", BASE, "-o", dir.resolve("all.zip").toString());
        assertEquals(0, cmi5.code(), cmi5.err());
        assertTrue(cmi5.out().contains(" AUs (cmi5)"), cmi5.out());
    }

    @Test
    void problemsAreSaidPlainlyWithTheirExitCodeAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.zip");
        CliTest.Run noBase = CliTest.run("package", "dialogues/wedding-catering.json", "--as", "cmi5", "-o", out.toString());
        assertEquals(2, noBase.code());
        assertTrue(noBase.err().contains("--base"), noBase.err());
        CliTest.Run mastery = CliTest.run("package", "dialogues/wedding-catering.json", "--as", "scorm12", "--mastery", "80", "-o", out.toString());
        assertEquals(2, mastery.code());
        assertTrue(mastery.err().contains("from 0 to 1"), mastery.err());
        CliTest.Run standard = CliTest.run("package", "dialogues/wedding-catering.json", "--as", "aicc", "-o", out.toString());
        assertEquals(2, standard.code());
        assertTrue(standard.err().contains("scorm12, scorm2004 or cmi5"), standard.err());
        CliTest.Run mode = CliTest.run("package", "dialogues/wedding-catering.json", "--as", "scorm12", "--mode", "drill", "-o", out.toString());
        assertEquals(2, mode.code());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"format\": 1, ");
        CliTest.Run bad = CliTest.run("package", broken.toString(), "dialogues/wedding-catering.json", "--as", "scorm12", "-o", out.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(broken + ":") && bad.err().contains("nothing was written"), bad.err());
        CliTest.Run missing = CliTest.run("package", dir.resolve("nope.json").toString(), "--as", "scorm12", "-o", out.toString());
        assertEquals(2, missing.code());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(0, Files.list(dir).filter(p -> p.toString().endsWith(".part")).count());
    }

    @Test
    void theDefaultNameIsTheFirstDialoguesIdAndTheStandard() throws Exception {
        // -o names the folder here, to keep the working folder clean; the default name itself is LmsPackageTest's.
        CliTest.Run r = CliTest.run("package", "dialogues/wedding-catering.json", "--as", "scorm12", "-o", "target");
        assertEquals(2, r.code(), "a folder is not a zip");
        assertTrue(r.err().contains("is a folder"), r.err());
    }
}
