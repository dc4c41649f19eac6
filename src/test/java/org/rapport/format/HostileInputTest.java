package org.rapport.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken and hostile files never throw and never hang: each gives one clear, located diagnostic. */
class HostileInputTest {
    private final Validator validator = new Validator(Catalog.bundled());

    private Diagnostic only(Validated v) {
        assertFalse(v.playable());
        assertEquals(1, v.diagnostics().size(), v.diagnostics().toString());
        Diagnostic d = v.diagnostics().get(0);
        assertTrue(d.message().length() < 300, "messages stay readable: " + d.message());
        return d;
    }

    @Test
    void anEmptyFileSaysItIsEmpty() {
        Diagnostic d = only(validator.validate("empty.json", new byte[0]));
        assertEquals("RAP006", d.code());
        assertTrue(d.message().contains("empty"));
    }

    @Test
    void aFileOfOnlyWhitespaceIsEmptyToo() {
        assertEquals("RAP006", only(validator.validate("blank.json", "  \n\n ".getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void binaryGarbageIsNotUtf8() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Diagnostic d = only(validator.validate("photo.json", junk));
        assertEquals("RAP003", d.code());
    }

    @Test
    void invalidUtf8IsLocated() {
        byte[] bytes = "{\n  \"title\": \"caf\u00e9\"\n}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u00c3'); // first byte of é
        broken[at] = (byte) 0xff;
        Diagnostic d = only(validator.validate("latin.json", broken));
        assertEquals("RAP003", d.code());
        assertEquals(2, d.line());
        assertEquals(16, d.column());
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] body = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Validated v = validator.validate("bom.json", withBom);
        assertTrue(v.playable(), v.diagnostics().toString());
    }

    @Test
    void aHundredThousandLevelsOfNestingAreRefusedQuickly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Diagnostic d = only(validator.validate("deep.json", deep.getBytes(StandardCharsets.UTF_8)));
        assertEquals("RAP004", d.code());
        assertEquals(1, d.line());
    }

    @Test
    void deepObjectsInsideADialogueAreRefusedToo() {
        String deep = Fixtures.replaceOnce(Fixtures.minimal(), "\"tags\": [\"delivery\"]", "\"tags\": " + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        assertEquals("RAP004", only(validator.validate("deep.json", deep.getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void aFiftyMegabyteStringIsReadWhenTheLimitAllowsIt() {
        String huge = "x".repeat(50 * 1024 * 1024);
        String text = Fixtures.replaceOnce(Fixtures.minimal(), "\"summary\": \"A customer's gift arrived a day after her niece's party.\"", "\"summary\": \"" + huge + "\"");
        Validator roomy = new Validator(new DialogueReader(64L * 1024 * 1024), Catalog.bundled());
        Validated v = roomy.validate("huge.json", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(v.playable(), v.diagnostics().toString());
        assertEquals(huge.length(), v.dialogue().summary().length());
    }

    @Test
    void aFiftyMegabyteStringIsRefusedByTheDefaultLimit() {
        String text = "{\"title\": \"" + "x".repeat(50 * 1024 * 1024) + "\"}";
        Diagnostic d = only(validator.validate("huge.json", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("RAP002", d.code());
        assertTrue(d.message().contains("16.0 MB"), d.message());
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(DialogueReader.DEFAULT_MAX_BYTES + 1); // sparse: nothing to read, size alone decides
        }
        Diagnostic d = only(validator.validate(big));
        assertEquals("RAP002", d.code());
        assertEquals(0, d.line());
    }

    @Test
    void anUnclosedStringPointsAtWhereItOpened() {
        String text = "{\n  \"title\": \"never closed\n}";
        Diagnostic d = only(validator.validate("t.json", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("RAP001", d.code());
        assertEquals(2, d.line());
        assertEquals(12, d.column());
    }

    @Test
    void aTruncatedFileSaysWhatIsNotClosed() {
        String text = Fixtures.minimal().substring(0, 400);
        Diagnostic d = only(validator.validate("t.json", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("RAP001", d.code());
    }

    @Test
    void hugeNumbersAreReportedNotRounded() {
        String text = Fixtures.replaceOnce(Fixtures.minimal(), "\"minutes\": 3", "\"minutes\": 1e999999999");
        Validated v = validator.validate("n.json", text.getBytes(StandardCharsets.UTF_8));
        assertFalse(v.playable());
        assertTrue(v.diagnostics().stream().anyMatch(d -> d.code().equals("RAP010")), v.diagnostics().toString());
    }

    @Test
    void aTopLevelListIsNotADialogue() {
        assertEquals("RAP010", only(validator.validate("l.json", "[1, 2]".getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void aMissingFileIsADiagnosticNotAnException(@TempDir Path dir) {
        assertEquals("RAP007", only(validator.validate(dir.resolve("gone.json"))).code());
    }

    @Test
    void randomMutationsOfAGoodFileNeverThrow() {
        byte[] good = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] b = good.clone();
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            if (r.nextBoolean()) b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            Validated v = validator.validate("m.json", b);
            for (Diagnostic d : v.diagnostics()) {
                assertTrue(d.line() >= 0 && d.column() >= 0, d.toLine());
                assertFalse(d.message().isBlank());
            }
        }
    }

    @Test
    void fileLevelProblemsAreNamedWithTheRealPath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{ \"format\": 1, }");
        Diagnostic d = only(validator.validate(f));
        assertEquals(f.toString(), d.file());
        assertEquals(1, d.line());
        assertEquals(16, d.column());
    }
}
