package org.rapport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.format.DialogueWriter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `rapport format` and `rapport format --check`. */
class FormatCommandTest {
    @Test
    void theFormatCommandChecksWritesAndLeavesBrokenFilesAlone(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("late-parcel.json");
        Files.writeString(ok, Fixtures.minimal().replace("\n  ", "\n    "));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"format\": 1, ");
        CliTest.Run check = CliTest.run("format", "--check", ok.toString());
        assertEquals(1, check.code());
        assertTrue(check.out().contains("would reformat " + ok), check.out());
        String before = Files.readString(ok);
        assertEquals(before, Files.readString(ok), "--check changes nothing");
        CliTest.Run write = CliTest.run("format", ok.toString());
        assertEquals(0, write.code(), write.err());
        assertEquals(DialogueWriter.format(before), Files.readString(ok));
        assertEquals(0, CliTest.run("format", "--check", ok.toString()).code(), "now canonical");
        CliTest.Run bad = CliTest.run("format", broken.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("not formatted, it has errors"), bad.err());
        assertEquals("{ \"format\": 1, ", Files.readString(broken), "a broken file is left as it was");
    }
}
