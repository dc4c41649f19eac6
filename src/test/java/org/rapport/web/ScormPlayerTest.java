package org.rapport.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A SCORM package's player in headless Chromium, inside a stub learning system whose API is scorm-again (the LMS side
 * of SCORM 1.2 and 2004, which checks every value against the data model). The stub page clicks the player's own
 * buttons, as a trainee would.
 */
class ScormPlayerTest {
    static final Path FILE = Path.of("dialogues/chewed-moccasins.json");

    /** The score the desktop debrief gives for always taking the reply {@code pick} prefers. */
    static int javaPercent(ToIntFunction<Choice> pick) {
        Dialogue d = new DialogueReader().read(FILE).dialogue();
        Playthrough p = Playthrough.start(d, 1);
        while (!p.ended()) {
            CustomerNode c = (CustomerNode) p.current();
            p.chooseIndex(c.choices().stream().max(Comparator.comparingInt(pick)).orElseThrow().index(), 1000);
        }
        return Debrief.of(d, p.transcript(), Catalog.bundled()).percent();
    }

    static JsonObject play(String standard, String script) throws Exception {
        try (Site site = new Site()) {
            Packages.serve(site, "/pkg/", standard, 0.8, "practice", FILE);
            site.put("/lms/" + (standard.equals("scorm12") ? "scorm12.min.js" : "scorm2004.min.js"),
                    EngineParityTest.resource("/lms/scorm-again/" + (standard.equals("scorm12") ? "scorm12.min.js" : "scorm2004.min.js")));
            site.put("/lms/harness.js", EngineParityTest.resource("/lms/harness.js"));
            site.put("/lms/stub.html", """
                    <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
                    <script src="%s"></script><script src="harness.js"></script>
                    <script>Harness.run(%s, "../pkg/player/index.html?d=chewed-moccasins", %s);</script>
                    </body></html>""".formatted(standard.equals("scorm12") ? "scorm12.min.js" : "scorm2004.min.js",
                    com.google.gson.JsonParser.parseString('"' + standard + '"'), script));
            String dom = Browser.dumpDom(site.url("/lms/stub.html"), 1280, 800, 120);
            int at = dom.indexOf("<pre id=\"result\">");
            assertTrue(at >= 0, "the stub learning system wrote its result: " + dom.substring(Math.max(0, dom.length() - 1500)));
            String json = dom.substring(at + 17, dom.indexOf("</pre>", at)).replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&amp;", "&");
            return JsonParser.parseString(json).getAsJsonObject();
        }
    }

    static void noErrors(JsonObject r) {
        JsonArray calls = r.getAsJsonArray("calls");
        assertTrue(calls.size() > 10, "the player talked to the learning system: " + r);
        for (JsonElement c : calls) {
            assertTrue(c.getAsString().endsWith(" err=0"), "every call left error 0: " + c.getAsString() + "\nall: " + calls);
        }
        assertEquals("", r.get("problem").getAsString(), "the page showed no learning-system problem");
    }

    @Test
    void scorm12AllBestPassesWithTheDesktopsScoreAndAllHarmfulFails() throws Exception {
        JsonObject best = play("scorm12", "{path: 'best'}");
        noErrors(best);
        assertEquals("passed", best.get("status").getAsString());
        assertEquals(String.valueOf(javaPercent(c -> c.grade().points())), best.get("raw").getAsString());
        assertEquals("0", best.get("min").getAsString());
        assertEquals("100", best.get("max").getAsString());
        assertTrue(best.get("interactions").getAsInt() >= 5, "one interaction per decision: " + best);
        assertTrue(best.get("finished").getAsBoolean(), "LMSFinish was called");
        assertTrue(best.get("sessionTime").getAsString().matches("\\d{2,4}:\\d{2}:\\d{2}(\\.\\d{1,2})?"), best.get("sessionTime").getAsString());
        assertEquals("correct", best.get("firstResult").getAsString());
        JsonObject live = best.getAsJsonObject("liveRegion");
        assertTrue(live.get("checked").getAsInt() >= 5, "checked at every decision: " + live);
        assertEquals(0, live.get("missed").getAsInt(), "a screen reader hears each customer line (aria-live region)");

        JsonObject worst = play("scorm12", "{path: 'worst'}");
        noErrors(worst);
        assertEquals("failed", worst.get("status").getAsString());
        assertEquals(String.valueOf(javaPercent(c -> -c.grade().points())), worst.get("raw").getAsString());
        assertEquals("wrong", worst.get("firstResult").getAsString());
    }

    @Test
    void scorm12ConversationLeftHalfwayResumesAtTheSameDecision() throws Exception {
        JsonObject r = play("scorm12", "{path: 'best', leaveAfter: 3}");
        noErrors(r);
        assertEquals("suspend", r.get("exitAtLeave").getAsString());
        assertTrue(r.get("suspendAtLeave").getAsString().startsWith("r1;"), r.toString());
        assertTrue(r.get("suspendAtLeave").getAsString().length() < 4096);
        assertTrue(r.get("resumedAt").getAsString().startsWith("Decision 4 of about"), "resumed at decision 4: " + r.get("resumedAt"));
        assertEquals(3, r.get("repliesShownAfterResume").getAsInt(), "the three earlier replies are on screen again");
        assertEquals("passed", r.get("status").getAsString());
        assertEquals(String.valueOf(javaPercent(c -> c.grade().points())), r.get("raw").getAsString());
    }

    @Test
    void scorm2004AllBestPassesAndReportsCompletionAndSuccess() throws Exception {
        JsonObject best = play("scorm2004", "{path: 'best'}");
        noErrors(best);
        assertEquals("completed", best.get("completion").getAsString());
        assertEquals("passed", best.get("success").getAsString());
        int percent = javaPercent(c -> c.grade().points());
        assertEquals(percent / 100.0, Double.parseDouble(best.get("scaled").getAsString()), 1e-9);
        assertTrue(best.get("interactions").getAsInt() >= 5);

        JsonObject worst = play("scorm2004", "{path: 'worst'}");
        noErrors(worst);
        assertEquals("failed", worst.get("success").getAsString());
        assertEquals("incorrect", worst.get("firstResult").getAsString());
    }

    @Test
    void aLostConnectionIsSaidPlainlyAndNothingIsLostWhenItComesBack() throws Exception {
        JsonObject r = play("scorm12", "{path: 'best', outageAt: 2}");
        String during = r.get("statusDuringOutage").getAsString();
        assertTrue(during.contains("did not take") && during.contains("kept in this page") && during.contains("Try again"),
                "the page says what happened and what it does: " + during);
        assertTrue(r.get("statusAfterRetry").getAsString().contains("saved in the learning system"), r.get("statusAfterRetry").getAsString());
        noErrors(r);
        assertEquals("passed", r.get("status").getAsString());
        int decisions = r.get("interactions").getAsInt();
        Dialogue d = new DialogueReader().read(FILE).dialogue();
        Playthrough p = Playthrough.start(d, 1);
        while (!p.ended()) {
            CustomerNode c = (CustomerNode) p.current();
            p.chooseIndex(c.choices().stream().max(Comparator.comparingInt(ch -> ch.grade().points())).orElseThrow().index(), 1);
        }
        assertEquals(p.transcript().decisions().size(), decisions, "every decision reached the LMS, those made during the outage too");
    }

    @Test
    void keyboardOnlyABareEnterSendsNothingAndANumberThenEnterSendsThatReply() throws Exception {
        JsonObject r = play("scorm12", "{path: 'best', keys: true}");
        JsonObject keys = r.getAsJsonObject("keys");
        assertEquals(false, keys.get("bareEnterSent").getAsBoolean(), "a bare Enter never sends a reply");
        assertEquals(true, keys.get("numberFocuses").getAsBoolean(), "pressing a reply's number selects it and moves the focus to it");
        assertEquals(false, keys.get("numberEnterFailed").getAsBoolean(), "its number, then Enter, sends it");
        noErrors(r);
        assertEquals("passed", r.get("status").getAsString(), "the whole conversation played from the keyboard");
    }
}
