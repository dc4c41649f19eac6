package org.rapport.web;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web player's API on the JVM (the same code TeaVM compiles): what the page gets for bad input, for a reply out
 * of range, and for a saved place that does not fit; each is an error in words, never an exception.
 */
class WebPlayerTest {
    static final String CATALOG = new String(resource("/org/rapport/catalog/techniques.json"), StandardCharsets.UTF_8);

    static byte[] resource(String name) {
        try {
            return EngineParityTest.resource(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    /**
     * The compiled engine runs in one browser thread, without TeaVM's thread emulation: were a thread, a blocking
     * queue or a lock reachable from WebPlayer (the desktop reader maps a large file on a second thread), TeaVM would
     * turn the whole engine into coroutines, bigger and slower, and depending on a runtime the page does not set up.
     */
    @Test
    void theCompiledEngineNeedsNoThreads() throws Exception {
        try (var in = WebPlayerTest.class.getResourceAsStream("/org/rapport/web/player/engine.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(js.length() > 100_000, "engine.js is built");
            assertFalse(js.contains("Suspension point reached"), "engine.js carries TeaVM's thread support (coroutines)");
        }
    }

    @Test
    void aBrokenDialogueIsReportedWithLineAndColumn() {
        JsonObject r = json(WebPlayer.open("{\n  \"format\": 1,\n  \"id\": \"x\",\n  oops\n}", CATALOG));
        assertFalse(r.get("ok").getAsBoolean());
        JsonObject p = r.getAsJsonArray("problems").get(0).getAsJsonObject();
        assertEquals(4, p.get("line").getAsInt());
        assertTrue(p.get("column").getAsInt() > 0);
        assertFalse(p.get("message").getAsString().isBlank());
        assertTrue(json(WebPlayer.view()).has("error") || json(WebPlayer.start(1, "practice")).has("error"),
                "nothing plays after a failed open");
    }

    @Test
    void repliesOutOfRangeAndSavedPlacesThatDoNotFitAreErrorsInWords() throws Exception {
        String text = Files.readString(Path.of("dialogues/chewed-moccasins.json"));
        assertTrue(json(WebPlayer.open(text, CATALOG)).get("ok").getAsBoolean());
        JsonObject v = json(WebPlayer.start(7, "practice"));
        int offered = v.getAsJsonArray("offered").size();
        JsonObject wrong = json(WebPlayer.choose(offered + 1, 1000));
        assertTrue(wrong.get("error").getAsString().contains("no reply at position " + (offered + 1)), wrong.toString());
        JsonObject step = json(WebPlayer.choose(1, 1000));
        assertEquals(1, json(WebPlayer.view()).get("decisionsMade").getAsInt(), "the wrong number did not count as a reply");
        assertTrue(step.getAsJsonObject("step").has("why"));

        String saved = WebPlayer.suspendData();
        assertTrue(saved.startsWith("r1;7;practice;"), saved);
        assertTrue(json(WebPlayer.resume("r1;7;practice;zz.1")).get("error").getAsString().startsWith("The saved place does not fit"));
        assertTrue(json(WebPlayer.resume("garbage")).has("error"));
        JsonObject back = json(WebPlayer.resume(saved));
        assertEquals(2, back.get("decisionNumber").getAsInt(), "resumed at the second decision");
    }
}
