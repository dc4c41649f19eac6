package org.rapport.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.cli.CliTest.run;

/** The author's commands: paths, new and graph. */
class AuthorCommandsTest {

    private static Path minimal(Path dir) throws IOException {
        Path f = dir.resolve("late-parcel.json");
        Files.writeString(f, Fixtures.minimal());
        return f;
    }

    @Test
    void pathsCountsThePathsAndShowsTheBestWorstAndTypical(@TempDir Path dir) throws IOException {
        Path f = minimal(dir);
        CliTest.Run r = run("paths", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Paths: 4 distinct paths to an ending."), r.out());
        assertTrue(r.out().contains("Best path: 100% (6 of 6 points), 2 decisions, ends at \"kept\""), r.out());
        assertTrue(r.out().contains("Worst path: 0% (0 of 6 points)"), r.out());
        assertTrue(r.out().contains("mood:       -2 → 0 → +2"), r.out());
        assertTrue(r.out().contains("Typical path (the median of all 4)"), r.out());
        int line = Fixtures.lineOf(Fixtures.minimal(), "\"kept\": {");
        assertTrue(r.out().contains(f + ":" + line + ":5: warning: RAP060 The best-scoring path"), "warns, located like validate: " + r.out());
        assertTrue(r.out().strip().endsWith("3 warnings."), r.out());
    }

    @Test
    void pathsAsJsonGivesExactCountsAndEveryPath(@TempDir Path dir) throws IOException {
        CliTest.Run r = run("paths", minimal(dir).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(4, o.get("pathCount").getAsLong());
        JsonArray endings = o.getAsJsonArray("endings");
        assertEquals("won", endings.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(0, endings.get(0).getAsJsonObject().get("paths").getAsLong());
        JsonObject best = o.getAsJsonObject("best");
        assertEquals(100, best.get("percent").getAsInt());
        assertEquals("kept", best.get("ending").getAsString());
        assertEquals("still-cross", best.getAsJsonArray("steps").get(1).getAsJsonObject().get("node").getAsString());
        assertEquals(4, o.getAsJsonArray("paths").size());
        assertEquals("RAP061", o.getAsJsonArray("warnings").get(0).getAsJsonObject().get("code").getAsString());
    }

    @Test
    void pathsFromAnotherNodeAndMood(@TempDir Path dir) throws IOException {
        CliTest.Run r = run("paths", minimal(dir).toString(), "--from", "calmer", "--mood", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("From \"calmer\" at mood +3."), r.out());
        assertTrue(r.out().contains("Paths: 2 distinct paths"), r.out());
        assertTrue(r.out().contains("100%  won    calmer#1 → won"), r.out());
        assertEquals(2, run("paths", minimal(dir).toString(), "--from", "nowhere").code());
        assertEquals(2, run("paths", minimal(dir).toString(), "--mood", "9").code());
    }

    @Test
    void pathsRefusesAFileWithErrorsAndSaysWhy(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        CliTest.Run r = run("paths", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("error: RAP021"), r.err());
        assertTrue(r.err().contains("has errors; fix them first"), r.err());
    }

    @Test
    void newWritesAValidStartingFileAndNeverOverwrites(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("kettle-after-a-week.json");
        CliTest.Run r = run("new", f.toString(), "--title", "The kettle that died");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Wrote " + f + ": \"The kettle that died\" (id kettle-after-a-week)."), r.out());
        assertTrue(Files.exists(dir.resolve("dialogue.schema.json")), "the schema the $schema line points at");
        var v = new Validator(Catalog.bundled()).validate(f);
        assertEquals(List.of(), v.diagnostics());
        assertEquals("The kettle that died", v.dialogue().title());
        assertEquals(0, run("validate", f.toString()).code());

        Files.writeString(f, "{ \"my\": \"work\" }");
        CliTest.Run again = run("new", f.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("{ \"my\": \"work\" }", Files.readString(f));
    }

    @Test
    void newRejectsAnIdThatIsNotKebabCase(@TempDir Path dir) {
        CliTest.Run r = run("new", dir.resolve("x.json").toString(), "--id", "My Scenario");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a valid id"), r.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void graphWritesDotWithGradesOnEveryEdge(@TempDir Path dir) throws IOException {
        CliTest.Run r = run("graph", minimal(dir).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("digraph \"late-parcel\" {"), r.out());
        assertTrue(r.out().contains("\"calmer\" -> \"won\" [label=\"1 ✓ best +2\", style=bold];"), r.out());
        assertTrue(r.out().contains("\"opening\" -> \"calmer\" [label=\"1 ✓ best +2 · mood ≥ 1\", style=bold];"), r.out());
        assertTrue(r.out().contains("\"still-cross\" -> \"lost\" [label=\"2 ✗ harmful -3\", style=dotted];"), r.out());
    }

    @Test
    void graphWritesAnSvgWithEveryNodeAndReply(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("late-parcel.svg");
        CliTest.Run r = run("graph", minimal(dir).toString(), "--format", "svg", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(out)));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(6, svg.getElementsByTagName("rect").getLength(), "one box per node");
        assertEquals(7, svg.getElementsByTagName("polyline").getLength(), "one line per route of every reply");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("class=\"node ending won\""), "endings are marked by outcome");
        assertTrue(text.contains("✗ harmful"), "grades are written, not only coloured");
    }

    @Test
    void theLauncherRoutesTheNewCommandsToTheCommandLine() {
        for (String c : List.of("paths", "graph", "new")) assertTrue(org.rapport.Launcher.route(c) == org.rapport.Launcher.Route.CLI, c);
    }
}
