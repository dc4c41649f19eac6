package org.rapport.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.importer.ImportSupport.json;
import static org.rapport.importer.ImportSupport.lines;
import static org.rapport.importer.ImportSupport.node;
import static org.rapport.importer.ImportSupport.run;
import static org.rapport.importer.ImportSupport.withCode;

/**
 * Yarn Spinner 2, on fixtures written from the Yarn spec (language version 2): missing-parcel.yarn (plain Yarn: option
 * blocks, nested options, jumps, a loop, an ending, a conditional option, a dynamic jump), kettle-trouble.yarn (the
 * located warnings) and no-show-installer.yarn (written with the tag convention).
 */
class ImportYarnTest {
    private static JsonObject reply(JsonObject node, int i) {
        return node.getAsJsonArray("choices").get(i).getAsJsonObject();
    }

    private static String next(JsonObject node, int i) {
        JsonObject r = reply(node, i);
        return r.has("next") ? r.get("next").getAsString() : null;
    }

    @Test
    void optionsWithBlocksNestedOptionsJumpsALoopAndAnEnding() {
        ImportResult r = run("missing-parcel.yarn");
        assertEquals("yarn", r.kind());
        JsonObject start = node(r, "start");
        assertEquals("Hi. The tracking says my parcel was delivered at ten, but it isn't here. I've asked both neighbours and checked "
                + "behind the bins.", start.get("say").getAsString(), "the customer's lines, without the speaker's name");
        assertEquals(3, start.getAsJsonArray("choices").size());
        assertEquals("When did you last look at the tracking?", reply(start, 0).get("say").getAsString());
        // the first option's block: the agent's echo is dropped, the customer's answer and the nested options are a node
        JsonObject nested = node(r, next(start, 0));
        assertEquals("About an hour ago. It just says left in a safe place.", nested.get("say").getAsString());
        assertEquals("Ask where the safe place is", reply(nested, 0).get("say").getAsString());
        // a jump straight to a node leads to that node; lines before the jump come first in what the customer says
        assertEquals("trace", next(nested, 1));
        assertEquals("Okay. How long does a trace take?", node(r, "trace").get("say").getAsString());
        assertEquals("That's the thing, it doesn't say where. Okay. How long does a trace take?",
                node(r, next(nested, 0)).get("say").getAsString());
        assertEquals("I don't want a refund. It's my nephew's birthday present. Okay. How long does a trace take?",
                node(r, next(start, 1)).get("say").getAsString());
        // the loop back to the start is kept
        assertEquals("start", next(node(r, "trace"), 0));
        // a node with no options and no jump (here <<stop>>) is an ending, named after its title
        JsonObject wait = node(r, next(start, 2));
        assertEquals("WaitADay", wait.getAsJsonObject("ending").get("title").getAsString());
        assertFalse(wait.getAsJsonObject("ending").has("outcome"), "no outcome is invented");
        // nothing the source does not carry
        JsonObject c = reply(start, 0);
        for (String field : List.of("grade", "mood", "uses", "pitfalls", "why")) assertFalse(c.has(field), field);
        assertFalse(start.has("tests"));
        assertEquals("Rosa", json(r).getAsJsonObject("customer").get("name").getAsString(), "the one speaker who is not the agent");
        assertEquals("[\"delivery\"]", json(r).get("tags").toString(), "a node's tags: header, not the convention's: free tags");
    }

    @Test
    void conditionsDynamicJumpsVariablesAndAgentLinesAreReportedWhereTheyAre() {
        ImportResult r = run("missing-parcel.yarn");
        String text = ImportSupport.text("missing-parcel.yarn");
        assertEquals(List.of(lineOf(text, "-> Ask her to wait") + ":33", lineOf(text, "<<jump {$trace") + ":5",
                lineOf(text, "<<set $waited") + ":1"), at(withCode(r, "RAP115")), lines(r.report()));
        assertNull(next(node(r, "trace"), 1), "a dynamic jump leads nowhere yet");
        assertEquals(List.of(lineOf(text, "Sam: I can refund") + ":5"), at(withCode(r, "RAP122")),
                "the agent's own line is left out; the echo of the option is not reported");
        assertEquals(List.of(lineOf(text, "#line:a01") + ":" + (text.lines().filter(l -> l.contains("#line:a01")).findFirst()
                .orElseThrow().indexOf("#line") + 1)), at(withCode(r, "RAP119").stream()
                .filter(d -> d.message().contains("#line")).toList()), "one line for the file's line ids, at the first");
        assertEquals(5, r.report().size(), lines(r.report()));
    }

    @Test
    void duplicateTitlesMissingDelimitersMixedIndentationAndOptionCounts() {
        ImportResult r = run("kettle-trouble.yarn");
        String text = ImportSupport.text("kettle-trouble.yarn");
        int secondReplace = text.indexOf("title: Replace", text.indexOf("title: Replace") + 1);
        assertEquals(List.of((1 + text.substring(0, secondReplace).chars().filter(c -> c == '\n').count()) + ":1"),
                at(withCode(r, "RAP118")));
        assertEquals(List.of(lineOf(text, "title: Receipt") + ":1", lineOf(text, "Mel: Thanks. That's all") + ":1"),
                at(withCode(r, "RAP121").stream().filter(d -> d.message().contains("===")).toList()), lines(r.report()));
        assertEquals(List.of(lineOf(text, "    <<wait 2>>") + ":1"),
                at(withCode(r, "RAP121").stream().filter(d -> d.message().contains("Tabs and spaces")).toList()));
        assertEquals(List.of(lineOf(text, "-> Process the refund") + ":1", lineOf(text, "-> Wait while she") + ":1"),
                at(withCode(r, "RAP114")));
        assertEquals(List.of(lineOf(text, "<<jump StockRoom>>") + ":2"), at(withCode(r, "RAP113")));
        assertEquals(List.of(lineOf(text, "<<wait 2>>") + ":5"), at(withCode(r, "RAP110")));
        assertEquals(List.of(lineOf(text, "<<if $second") + ":1", lineOf(text, "<<else>>") + ":1"), at(withCode(r, "RAP115")));
        assertTrue(withCode(r, "RAP119").stream().anyMatch(d -> d.message().contains("#urgent")), lines(r.report()));
        // the first branch of the <<if>> is kept; the node without === still imports; the second Replace is left out
        assertEquals("The kettle I bought on Saturday stopped working this morning. And it's the second one this month.",
                node(r, "start").get("say").getAsString());
        assertEquals(1, node(r, "refund").getAsJsonArray("choices").size());
        assertEquals(5, node(r, "receipt").getAsJsonArray("choices").size());
        assertEquals("A replacement is fine, if you have one in stock.", node(r, "replace").get("say").getAsString());
        assertEquals("Thanks. That's all I needed.", node(r, "done").get("say").getAsString());
        assertTrue(node(r, "done").has("ending"));
        assertFalse(json(r).getAsJsonObject("nodes").has("replace-2"));
    }

    @Test
    void aStoryWrittenWithTheConventionImportsClean() {
        ImportResult r = run("no-show-installer.yarn");
        assertEquals(List.of(), r.report(), lines(r.report()));
        Validated v = ImportSupport.validate(r);
        assertEquals(List.of(), v.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList());
        assertTrue(v.playable());
        JsonObject start = node(r, "start");
        assertEquals("angry", start.get("emotion").getAsString());
        assertEquals("[\"lead.empathize\",\"lead.listen\"]", start.get("tests").toString());
        JsonObject best = reply(start, 2);
        assertEquals("best", best.get("grade").getAsString());
        assertEquals(2, best.get("mood").getAsInt());
        assertEquals("[\"lead.empathize\"]", best.get("uses").toString());
        assertEquals("[]", best.get("pitfalls").toString());
        assertTrue(best.get("why").getAsString().startsWith("Playing back the slot"));
        assertEquals("rebook", best.get("next").getAsString());
        JsonArray harmful = reply(start, 3).getAsJsonArray("pitfalls");
        assertEquals("[\"pitfall.minimize\",\"pitfall.rush-to-remedy\"]", harmful.toString());
        JsonObject won = node(r, "won").getAsJsonObject("ending");
        assertEquals("won", won.get("outcome").getAsString());
        assertEquals("A morning she can plan", won.get("title").getAsString());
        assertTrue(won.get("summary").getAsString().startsWith("Naming what the missed visit"));
        JsonObject top = json(r);
        assertEquals("Aisha Karim", top.getAsJsonObject("customer").get("name").getAsString());
        assertEquals(-3, top.getAsJsonObject("customer").get("mood").getAsInt());
        assertEquals("the-installer-who-never-came", top.get("id").getAsString());
    }

    @Test
    void crlfAndABomImportToTheSameBytes() {
        String text = ImportSupport.text("missing-parcel.yarn");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        ImportResult crlf = ImportSupport.IMPORTER.importBytes("missing-parcel.yarn", b.toByteArray());
        ImportResult lf = run("missing-parcel.yarn");
        assertEquals(lf.dialogueJson(), crlf.dialogueJson());
        assertEquals(at(lf.report()), at(crlf.report()), "the same lines and columns");
    }

    @Test
    void importingTwiceGivesIdenticalBytes() {
        for (String f : List.of("missing-parcel.yarn", "kettle-trouble.yarn", "no-show-installer.yarn")) {
            assertEquals(run(f).dialogueJson(), run(f).dialogueJson(), f);
        }
    }

    @Test
    void toldFromItsContentAndNothingIsAnException() {
        ImportResult r = run("scenario.txt", "title: Start\n---\nJo: Hello?\n-> Hi\n-> Hello\n===\n");
        assertEquals("yarn", r.kind());
        assertEquals(2, r.replies());
        assertEquals("RAP101", run("x.yarn", "just some words\n").report().stream().filter(Diagnostic::isError)
                .findFirst().orElseThrow().code());
        assertEquals("RAP121", run("x.yarn", "title: A\n").report().get(0).code(), "a header with no ---");
        StringBuilder deep = new StringBuilder("title: Start\n---\n");
        for (int i = 0; i < 3000; i++) deep.append(" ".repeat(i)).append("-> o").append(i).append('\n');
        ImportResult tooDeep = run("deep.yarn", deep + "===\n");
        assertNull(tooDeep.dialogueJson());
        assertEquals(List.of("104:102"), at(tooDeep.report().stream().filter(Diagnostic::isError).toList()),
                "a located error, kept even when the report is full");
        ImportResult loop = run("x.yarn", "title: A\n---\n<<jump B>>\n===\ntitle: B\n---\n<<jump A>>\n===\n");
        assertTrue(loop.ok(), lines(loop.report()));
        assertEquals(1, withCode(loop, "RAP121").size(), lines(loop.report()));
    }

    @Test
    void severalSpeakersAndNoCustomerNamedKeepTheNames() {
        ImportResult r = run("x.yarn", "title: Start\n---\nJo: Hello?\nSam: Hi Jo.\n-> Hi\n-> Hello\n===\n");
        assertEquals("Jo: Hello? Sam: Hi Jo.", node(r, "start").get("say").getAsString());
        assertEquals(List.of("4:1"), at(withCode(r, "RAP122")));
        ImportResult named = run("x.yarn", "#customer: Jo Park\ntitle: Start\n---\nJo: Hello?\nSam: Hi Jo.\n-> Hi\n-> Hello\n===\n");
        assertEquals("Hello?", node(named, "start").get("say").getAsString());
        assertEquals("Jo Park", json(named).getAsJsonObject("customer").get("name").getAsString());
    }

    private static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        if (i < 0) throw new AssertionError("no " + needle);
        return 1 + (int) text.substring(0, i).chars().filter(c -> c == '\n').count();
    }

    private static List<String> at(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.line() + ":" + d.column()).toList();
    }
}
