package org.rapport.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/** Twee 3, Twee2 and Twine 2 HTML, on fixtures written from the specifications. */
class ImportTwineTest {
    private static List<String[]> replies(JsonObject node) {
        List<String[]> out = new ArrayList<>();
        for (var c : node.getAsJsonArray("choices")) {
            JsonObject o = c.getAsJsonObject();
            out.add(new String[] {o.has("say") ? o.get("say").getAsString() : null, o.has("next") ? o.get("next").getAsString() : null});
        }
        return out;
    }

    @Test
    void theFourLinkFormsFollowTwinesOwnRule() {
        ImportResult r = run("links.twee");
        List<String[]> start = replies(node(r, "start"));
        assertEquals(5, start.size(), "the external link and the missing passage are not replies");
        assertEquals(List.of("Put her on hold", "tracking"), List.of(start.get(4)));
        assertEquals(List.of("Ask for the tracking number", "ask-for-the-tracking-number"), List.of(start.get(0)));
        assertEquals(List.of("Check the address", "address"), List.of(start.get(1)));
        assertEquals(List.of("Offer to trace it", "tracking"), List.of(start.get(2)));
        assertEquals(List.of("Transfer her", "transfer"), List.of(start.get(3)));
        // rightmost ->, leftmost <-, last |, and a setter dropped
        List<String[]> tricky = replies(node(r, "tricky-links"));
        assertEquals(List.of("A->B", "address"), List.of(tricky.get(0)));
        assertEquals(List.of("C<-D", "tracking"), List.of(tricky.get(1)));
        assertEquals(List.of("a|b", "transfer"), List.of(tricky.get(2)));
        assertEquals(List.of("Keep calm", "address"), List.of(tricky.get(3)));
    }

    @Test
    void lossesAreReportedWhereTheyAreInTheTweeFile() {
        ImportResult r = run("links.twee");
        String text = ImportSupport.text("links.twee");
        assertEquals(List.of(lineOf(text, "[[The carrier's page") + ":1"), at(withCode(r, "RAP112")), lines(r.report()));
        assertEquals(List.of(lineOf(text, "[[Promise a refund") + ":1"), at(withCode(r, "RAP113")), lines(r.report()));
        assertEquals(List.of(lineOf(text, ":: Transfer") + ":1"), at(withCode(r, "RAP111")), "macro choices, no static links");
        assertTrue(at(withCode(r, "RAP115")).contains(lineOf(text, "<<set $transferred") + ":1"), lines(r.report()));
        assertTrue(at(withCode(r, "RAP115")).contains(lineOf(text, "[[Keep calm") + ":1"), "the setter is reported");
        assertEquals(List.of(lineOf(text, ":: Start") + ":1"), at(withCode(r, "RAP114")), "more than four replies");
        JsonObject transfer = node(r, "transfer");
        assertEquals("Oh great, another queue.", transfer.get("say").getAsString(), "macros are gone from the text");
        assertTrue(transfer.has("ending"), "a passage with no links is an ending");
    }

    @Test
    void tagsWithAndWithoutASpaceEscapedNamesAndDuplicates() {
        ImportResult r = run("names.twee");
        String text = ImportSupport.text("names.twee");
        JsonObject start = node(r, "start");
        assertEquals("tense", start.get("emotion").getAsString());
        assertEquals("[\"apology.own\"]", start.get("tests").toString(), "tags right after the name: Start[apology.own ...]");
        assertEquals("[\"grey\",\"yellow\"]", json(r).get("tags").toString(), "tags after a space (two spaces between)");
        JsonObject smith = node(r, "mr-smith-vip");
        assertEquals("Mr [Smith] {VIP}", smith.getAsJsonObject("ending").get("title").getAsString(), "\\[ \\] \\{ \\} unescaped");
        assertEquals("lost", smith.getAsJsonObject("ending").get("outcome").getAsString());
        assertEquals("mr-smith-vip", replies(start).get(0)[1], "a link by the unescaped name finds the passage");
        List<Diagnostic> dup = withCode(r, "RAP118");
        assertEquals(1, dup.size(), lines(r.report()));
        assertEquals(lineOf(text, ":: Start\n"), dup.get(0).line(), "the second Start");
        assertEquals("You sent me someone else's invoice.", start.get("say").getAsString(), "links go to the first Start");
        assertEquals(List.of(lineOf(text, ":: Broken meta") + ":16", lineOf(text, "::Twee2") + ":14"), at(withCode(r, "RAP119")),
                "a bad metadata block and a Twee2 position block");
        assertTrue(json(r).getAsJsonObject("nodes").has("twee2-style"), "a Twee2 header without a space");
    }

    @Test
    void crlfAndAByteOrderMarkChangeNothing() {
        String text = ImportSupport.text("charged-twice.twee");
        String crlf = "\uFEFF" + text.replace("\n", "\r\n");
        ImportResult plain = run("charged-twice.twee");
        ImportResult windows = run("charged-twice.twee", crlf);
        assertEquals(plain.dialogueJson(), windows.dialogueJson());
        assertEquals(at(plain.report()), at(windows.report()));
    }

    @Test
    void aTweeFileAndItsPublishedHtmlImportToTheSameDialogue() {
        ImportResult twee = run("charged-twice.twee");
        ImportResult html = run("charged-twice.html");
        assertEquals("twine-html", html.kind());
        assertEquals(twee.dialogueJson(), html.dialogueJson());
    }

    @Test
    void aStoryWrittenWithTheConventionImportsWithNothingLeftToDo() {
        ImportResult r = run("charged-twice.twee");
        assertTrue(r.report().isEmpty(), lines(r.report()));
        Validated v = ImportSupport.validate(r);
        assertEquals(List.of(), v.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList());
        assertTrue(v.playable());
        JsonObject best = node(r, "opening").getAsJsonArray("choices").get(1).getAsJsonObject();
        assertEquals("best", best.get("grade").getAsString());
        assertEquals(2, best.get("mood").getAsInt());
        assertEquals("[\"apology.specific\",\"apology.own\"]", best.get("uses").toString());
        assertTrue(best.get("why").getAsString().startsWith("Naming exactly what went wrong"), "the reply passage's text is the why");
        assertEquals("money-back", best.get("next").getAsString(), "the reply passage's link is the next");
        assertEquals("Marcus Bell", json(r).getAsJsonObject("customer").get("name").getAsString());
        assertFalse(json(r).getAsJsonObject("nodes").has("opening-best"), "reply passages are not nodes");
    }

    @Test
    void withoutTheConventionNothingIsInventedAndValidateListsTheToDos() {
        String plain = ":: StoryTitle\nA refund\n\n:: Start\nWhere's my refund?\n[[Say sorry->Sorry]]\n[[Explain->Explain]]\n\n"
                + ":: Sorry\nThanks.\n\n:: Explain\nFine.\n";
        ImportResult r = run("plain.twee", plain);
        JsonObject reply = node(r, "start").getAsJsonArray("choices").get(0).getAsJsonObject();
        assertEquals(List.of("say", "next"), List.copyOf(reply.keySet()), "no grade, mood, uses, pitfalls or why made up");
        JsonObject root = json(r);
        for (String field : List.of("summary", "difficulty", "minutes", "customer", "setting")) assertFalse(root.has(field), field);
        Validated v = ImportSupport.validate(r);
        List<String> missing = v.diagnostics().stream().filter(d -> d.code().equals("RAP011")).map(Diagnostic::message).toList();
        for (String field : List.of("\"summary\"", "\"difficulty\"", "\"minutes\"", "\"customer\"", "\"setting\"", "\"grade\"", "\"mood\"",
                "\"tests\"", "\"outcome\"")) {
            assertTrue(missing.stream().anyMatch(m -> m.contains(field)), field + " is a to-do: " + missing);
        }
        assertTrue(v.diagnostics().stream().filter(d -> d.code().equals("RAP011")).allMatch(d -> d.line() > 0), "to-dos are located");
    }

    @Test
    void htmlWarningsNameThePassageAndItsPid() {
        String html = "<tw-storydata name=\"Short\" startnode=\"1\" format=\"Harlowe\">"
                + "<tw-passagedata pid=\"1\" name=\"Start\" tags=\"\">Hello &amp; welcome. (set: $x to 1)[[Go-&gt;Gone]]</tw-passagedata>"
                + "<tw-passagedata pid=\"2\" name=\"Start\" tags=\"\">Again</tw-passagedata></tw-storydata>";
        ImportResult r = run("short.html", html);
        assertEquals("Hello & welcome.", node(r, "start").get("say").getAsString(), "entities decoded");
        assertTrue(withCode(r, "RAP113").get(0).message().startsWith("passage \"Start\" (pid 1): "), lines(r.report()));
        assertTrue(withCode(r, "RAP118").get(0).message().startsWith("passage \"Start\" (pid 2): "), lines(r.report()));
        assertTrue(withCode(r, "RAP118").get(0).line() > 0, "and the element's line");
    }

    @Test
    void importingTwiceGivesIdenticalBytes() {
        for (String f : List.of("charged-twice.twee", "charged-twice.html", "links.twee", "names.twee")) {
            assertEquals(run(f).dialogueJson(), run(f).dialogueJson(), f);
        }
    }

    @Test
    void brokenTextIsALocatedErrorNotAnException() {
        byte[] latin1 = ":: Start\nCaf\u00e9 closed\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportResult r = ImportSupport.IMPORTER.importBytes("latin1.twee", latin1);
        assertNull(r.dialogueJson());
        assertEquals("latin1.twee:2:4: error: RAP101", r.report().get(0).toLine().substring(0, 30));
        ImportResult noHeader = run("empty.twee", "just some words\n");
        assertEquals("RAP101", noHeader.report().get(0).code());
        ImportResult inkSource = run("story.ink", "Hello\n* [Hi] -> END\n");
        assertEquals("RAP100", inkSource.report().get(0).code());
        assertTrue(inkSource.report().get(0).message().contains("inklecate"));
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
