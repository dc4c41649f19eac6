package org.rapport.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RapportCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aCleanFileExitsZeroWithASummary(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ok.json");
        Files.writeString(f, Fixtures.minimal());
        Run r = run("validate", f.toString());
        assertEquals(0, r.code());
        assertEquals("Checked 1 file: 0 errors, 0 warnings.", r.out().strip());
    }

    @Test
    void warningsAloneStillExitZero(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("warn.json");
        String text = Fixtures.replaceOnce(Fixtures.minimal(), "\"emotion\": \"annoyed\",", "\"emotoin\": \"annoyed\",");
        Files.writeString(f, text);
        Run r = run("validate", f.toString());
        assertEquals(0, r.code());
        int line = Fixtures.lineOf(text, "\"emotoin\"");
        assertTrue(r.out().startsWith(f + ":" + line + ":7: warning: RAP012 Unknown field \"emotoin\""), r.out());
        assertTrue(r.out().contains("0 errors, 1 warning."), r.out());
    }

    @Test
    void anErrorAnywhereInAFolderExitsOneAndTheGoodFilesAreStillChecked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.json"), Fixtures.minimal());
        Files.writeString(dir.resolve("b-bad.json"), "{ \"format\": 1, }");
        Files.writeString(dir.resolve("dialogue.schema.json"), "{}");
        Run r = run("validate", dir.toString());
        assertEquals(1, r.code());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].matches(".*b-bad\\.json:1:16: error: RAP001 .*"), lines[0]);
        assertEquals("Checked 2 files: 1 error, 0 warnings (1 file cannot be played).", lines[1]);
    }

    @Test
    void aShellGlobThatIncludesTheSchemaChecksOnlyTheDialogues(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("late-parcel.json"), Fixtures.minimal());
        Files.writeString(dir.resolve("dialogue.schema.json"), "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}");
        Run r = run("validate", dir.resolve("dialogue.schema.json").toString(), dir.resolve("late-parcel.json").toString());
        assertEquals(0, r.code(), r.out());
        assertEquals("Checked 1 file: 0 errors, 0 warnings.", r.out().strip());
    }

    @Test
    void twoFilesWithOneIdAreBothReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.json"), Fixtures.minimal());
        Files.writeString(dir.resolve("two.json"), Fixtures.minimal());
        Run r = run("validate", dir.toString());
        assertEquals(1, r.code());
        assertEquals(2, r.out().lines().filter(l -> l.contains("RAP040")).count(), r.out());
    }

    @Test
    void jsonOutputIsMachineReadable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        Run r = run("validate", "--json", f.toString());
        assertEquals(1, r.code());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, root.get("errors").getAsInt());
        JsonObject d = root.getAsJsonArray("files").get(0).getAsJsonObject().getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("RAP021", d.get("code").getAsString());
        assertEquals("calmer", d.get("node").getAsString());
        assertEquals(Fixtures.lineOf(Files.readString(f), "\"wonn\""), d.get("line").getAsInt());
    }

    @Test
    void badUsageExitsTwo(@TempDir Path dir) {
        assertEquals(2, run("validate").code());
        assertEquals(2, run("validate", dir.resolve("missing.json").toString()).code());
        assertEquals(2, run("validate", "--bogus", "x").code());
    }

    @Test
    void helpExplainsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("validate"));
        Run h = run("help", "validate");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("FILE:LINE:COLUMN") && h.out().contains("--json"), h.out());
    }

    private static Path minimalFile(Path dir) throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        return f;
    }

    @Test
    void playPrintsTheTranscriptAndTheDebrief(@TempDir Path dir) throws IOException {
        Run r = run("play", minimalFile(dir).toString(), "--choices", "2,2");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("1. Ruth Okafor (annoyed): \"I paid extra"), out);
        assertTrue(out.contains("You (reply 2): \"Sorry for any inconvenience."), out);
        assertTrue(out.contains("Grade: harmful   mood -2 -> -4"), out);
        assertTrue(out.contains("Pitfalls: The non-apology"), out);
        assertTrue(out.contains("Order: LEAD works in order"), out);
        assertTrue(out.contains("Better (reply 1, best): \"That must have been a let-down"), out);
        assertTrue(out.contains("Ending: Customer lost (lost)"), out);
        assertTrue(out.contains("Score: 0/6 (0%)"), out);
        assertTrue(out.contains("Mood: -2 -> -4 -> -5"), out);
    }

    @Test
    void playTakesAStartingMood(@TempDir Path dir) throws IOException {
        Run r = run("play", minimalFile(dir).toString(), "--choices", "1,1", "--mood", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Ending: Trust restored (won)"), r.out());
        assertTrue(r.out().contains("Score: 6/6 (100%)"), r.out());
    }

    @Test
    void playAsJsonCarriesTheTextNotJustIds(@TempDir Path dir) throws IOException {
        Run r = run("play", minimalFile(dir).toString(), "--choices", "1,1", "--mood", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("won", root.getAsJsonObject("ending").get("outcome").getAsString());
        JsonObject first = root.getAsJsonArray("decisions").get(0).getAsJsonObject();
        assertTrue(first.getAsJsonObject("chosen").get("say").getAsString().startsWith("That must have been"));
        assertEquals(100, root.getAsJsonObject("score").get("percent").getAsInt());
        assertEquals(3, root.getAsJsonArray("moodCurve").size());
    }

    @Test
    void playRefusesAWrongPositionOrAPathThatStopsEarly(@TempDir Path dir) throws IOException {
        Path f = minimalFile(dir);
        Run wrong = run("play", f.toString(), "--choices", "3");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("decision 1 (node \"opening\") has 2 replies, so position 3 does not exist"), wrong.err());
        Run early = run("play", f.toString(), "--choices", "1");
        assertEquals(1, early.code());
        assertTrue(early.err().contains("before an ending"), early.err());
        Run tooMany = run("play", f.toString(), "--choices", "2,2,1");
        assertEquals(1, tooMany.code());
        assertTrue(tooMany.err().contains("reached the ending"), tooMany.err());
    }

    @Test
    void playRefusesABrokenFileWithItsDiagnostics(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        Run r = run("play", f.toString(), "--choices", "1,1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("RAP021"), r.err());
    }

    @Test
    void playSavesThePrintableDebriefAndGuideWritesAFacilitatorGuide(@TempDir Path dir) throws Exception {
        Path f = minimalFile(dir);
        Path html = dir.resolve("out/debrief.html");
        Run r = run("play", f.toString(), "--choices", "2,2", "--output", html.toString(), "--trainee", "Priya Shah");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("Wrote " + html + "\n"), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<h1>Debrief: The parcel that missed the birthday</h1>") && page.contains("Priya Shah · "), page);

        Path pdf = dir.resolve("guide.pdf");
        Run g = run("guide", f.toString(), "-o", pdf.toString());
        assertEquals(0, g.code(), g.err());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Facilitator guide: The parcel that missed the birthday"), text);
        }
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"format\": 1, }");
        Run bad = run("guide", broken.toString(), "-o", dir.resolve("x.pdf").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("line 1, column") || bad.err().contains(":1:"), bad.err());
        assertTrue(!Files.exists(dir.resolve("x.pdf")), "nothing is written for a broken file");
    }

    @Test
    void aCommandGetsItsCheckingCodeWarmedButHelpAndTyposDoNot() {
        org.junit.jupiter.api.Assertions.assertTrue(RapportCli.preloads("validate", "dialogues"));
        org.junit.jupiter.api.Assertions.assertTrue(RapportCli.preloads("play", "x.json", "1"));
        for (String[] quick : new String[][]{{}, {"--help"}, {"-V"}, {"validate", "--help"}, {"play", "-h"}, {"help", "validate"},
                {"valdate", "x.json"}}) {
            org.junit.jupiter.api.Assertions.assertFalse(RapportCli.preloads(quick), String.join(" ", quick)
                    + ": ends before a head start could help, and would only share the cores with it");
        }
    }
}
