package org.rapport.importer;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.importer.ImportSupport.json;
import static org.rapport.importer.ImportSupport.lines;
import static org.rapport.importer.ImportSupport.node;
import static org.rapport.importer.ImportSupport.run;
import static org.rapport.importer.ImportSupport.withCode;

/** H5P Branching Scenario: packages built here from the fixtures, bare content.json, and hostile zips. */
class ImportH5pTest {
    static byte[] zip(Object... nameAndBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameAndBytes[i]));
                Object data = nameAndBytes[i + 1];
                z.write(data instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) data);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] wrongSizePackage() throws IOException {
        return zip("h5p.json", ImportSupport.bytes("h5p.json"), "content/content.json", ImportSupport.bytes("wrong-size.content.json"),
                "content/images/boots.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1});
    }

    @Test
    void questionsAlternativesFeedbackAndCustomEndingsMap() throws IOException {
        ImportResult r = ImportSupport.IMPORTER.importBytes("wrong-size.h5p", wrongSizePackage());
        assertEquals("h5p", r.kind());
        assertEquals("content-1", json(r).get("start").getAsString(), "content[0] is text: the start is the first question");
        assertEquals("Leila ordered walking boots in a 39 and received a 41. She leaves for the Dolomites on Saturday.",
                json(r).get("summary").getAsString());
        JsonObject q = node(r, "content-1");
        assertEquals("The boots you sent are a 41. I ordered a 39 & I fly on Saturday morning. What now?", q.get("say").getAsString());
        JsonObject owned = q.getAsJsonArray("choices").get(1).getAsJsonObject();
        assertEquals("Owned. Naming the mistake tells her you have understood it.", owned.get("why").getAsString(), "feedback is the why");
        assertFalse(owned.has("grade"), "a score is not a grade");
        JsonObject cancels = node(r, "content-1-end-2").getAsJsonObject("ending");
        assertEquals("She cancels the order", cancels.get("title").getAsString(), "an alternative's own end screen");
        assertFalse(cancels.has("outcome"), "no outcome made up");
        JsonObject again = node(r, "content-2").getAsJsonArray("choices").get(1).getAsJsonObject();
        assertEquals("content-1", again.get("next").getAsString(), "a loop back is kept");
        JsonObject warehouse = node(r, "content-2").getAsJsonArray("choices").get(2).getAsJsonObject();
        assertEquals("end-0", warehouse.get("next").getAsString(), "through the dropped video to the default end screen");
        assertEquals(List.of("content[0]: H5P.AdvancedText 1.1", "content[3]: H5P.Video 1.6"),
                withCode(r, "RAP116").stream().map(d -> d.message().substring(0, d.message().indexOf(" is not"))).toList());
        assertTrue(withCode(r, "RAP117").stream().anyMatch(d -> d.message().startsWith("content[1].alternatives[1]: Score 10")
                && d.message().contains("\"best\"")), lines(r.report()));
        assertTrue(withCode(r, "RAP117").stream().anyMatch(d -> d.message().startsWith("scoringOptionGroup")), "interaction scores");
    }

    @Test
    void aBareContentJsonGivesTheSameDialogueAsThePackageSaveItsTitle() throws IOException {
        ImportResult pkg = ImportSupport.IMPORTER.importBytes("wrong-size.h5p", wrongSizePackage());
        ImportResult bare = run("wrong-size.content.json");
        assertEquals("h5p-content", bare.kind());
        assertEquals(pkg.dialogueJson(), bare.dialogueJson(), "the package's title equals the scenario's here");
        assertEquals(pkg.dialogueJson(), ImportSupport.IMPORTER.importBytes("wrong-size.h5p", wrongSizePackage()).dialogueJson(),
                "twice, the same bytes");
    }

    @Test
    void staticEndScoresAreOutcomeHintsOnly() {
        ImportResult r = run("static-score.content.json");
        assertEquals(3, withCode(r, "RAP117").size(), lines(r.report()));
        assertTrue(withCode(r, "RAP117").get(0).message().startsWith("endScreens[0]: End score 0"), lines(r.report()));
        JsonObject unlocked = node(r, "content-1-end-0").getAsJsonObject("ending");
        assertEquals("Unlocked in time", unlocked.get("title").getAsString());
        assertFalse(unlocked.has("outcome"));
        assertEquals("end-0", node(r, "content-0").getAsJsonArray("choices").get(1).getAsJsonObject().get("next").getAsString(),
                "no feedback: the default end screen");
    }

    @Test
    void hostilePackagesAreRefused() throws IOException {
        String content = ImportSupport.text("wrong-size.content.json");
        String h5p = ImportSupport.text("h5p.json");
        for (String evil : List.of("../../evil.sh", "/etc/passwd", "content/../../x", "C:/Windows/x", "content\\..\\..\\x")) {
            ImportResult r = ImportSupport.IMPORTER.importBytes("evil.h5p", zip("h5p.json", h5p, evil, "x", "content/content.json", content));
            assertNull(r.dialogueJson(), evil);
            assertEquals("RAP103", r.report().get(0).code(), evil);
        }
        // a small entry that inflates past the cap: refused while inflating, whatever the header says
        byte[] zeros = new byte[(int) H5pImporter.MAX_JSON + 1];
        ImportResult bomb = ImportSupport.IMPORTER.importBytes("bomb.h5p", zip("h5p.json", h5p, "content/content.json", zeros));
        assertNull(bomb.dialogueJson());
        assertEquals("RAP103", bomb.report().get(0).code(), lines(bomb.report()));
        ImportResult other = ImportSupport.IMPORTER.importBytes("course.h5p",
                zip("h5p.json", h5p.replace("\"H5P.BranchingScenario\"", "\"H5P.CoursePresentation\""), "content/content.json", content));
        assertEquals("RAP104", other.report().get(0).code());
        byte[] cut = wrongSizePackage();
        ImportResult truncated = ImportSupport.IMPORTER.importBytes("cut.h5p", java.util.Arrays.copyOf(cut, cut.length / 2));
        assertNull(truncated.dialogueJson());
        assertTrue(truncated.errors() > 0, lines(truncated.report()));
    }
}
