package org.rapport.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code rapport coach} on a bundled dialogue: first-time-loan's "hung-up" tests lead.empathize and lead.accept. */
class CoachCommandTest {
    private static final String FILE = "dialogues/first-time-loan.json";
    private static final String REPLY = "Forty minutes on hold is so frustrating. Sorry for any inconvenience.";

    @Test
    void printsOneLinePerFindingWithPlainMarks() {
        CliTest.Run r = CliTest.run("coach", FILE, "--node", "hung-up", "--say", REPLY);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("decision \"hung-up\""), r.out());
        assertTrue(r.out().contains("\n✓ You named a feeling and tied it to what happened to them (\"Forty\", \"minutes\", \"hold\", \"frustrating\").  [lead.empathize]\n"), r.out());
        assertTrue(r.out().contains("\n– You did not take ownership of what went wrong."), r.out());
        assertTrue(r.out().contains("[lead.accept]"), r.out());
        assertTrue(r.out().contains("\n! \"Sorry for any inconvenience\" reads as a non-apology"), r.out());
        assertTrue(r.out().contains("[pitfall.non-apology]"), r.out());
        assertTrue(r.out().contains("sees words only"), r.out());
    }

    @Test
    void jsonHasStableFieldsAndSpans() {
        CliTest.Run r = CliTest.run("coach", FILE, "--node", "hung-up", "--say", REPLY, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        for (String key : new String[]{"file", "dialogue", "node", "customerSays", "reply", "empty", "found", "missing", "pitfalls", "notChecked", "note"}) {
            assertTrue(o.has(key), key);
        }
        assertEquals("hung-up", o.get("node").getAsString());
        assertFalse(o.get("empty").getAsBoolean());
        JsonObject found = o.getAsJsonArray("found").get(0).getAsJsonObject();
        assertEquals("lead.empathize", found.get("id").getAsString());
        assertEquals("step", found.get("type").getAsString());
        JsonArray words = found.getAsJsonArray("words");
        JsonObject last = words.get(words.size() - 1).getAsJsonObject();
        assertEquals("frustrating", last.get("text").getAsString());
        assertEquals(REPLY.indexOf("frustrating"), last.get("start").getAsInt());
        assertEquals(REPLY.indexOf("frustrating") + "frustrating".length(), last.get("end").getAsInt());
        assertEquals("lead.accept", o.getAsJsonArray("missing").get(0).getAsJsonObject().get("id").getAsString());
        JsonObject pitfall = o.getAsJsonArray("pitfalls").get(0).getAsJsonObject();
        assertEquals("pitfall.non-apology", pitfall.get("id").getAsString());
        assertEquals("pitfall", pitfall.get("type").getAsString());
    }

    @Test
    void anEmptyReplySaysSo() {
        CliTest.Run r = CliTest.run("coach", FILE, "--node", "hung-up", "--say", "   ");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("There is no reply to look at yet."), r.out());
    }

    @Test
    void anUnknownNodeNamesTheFileAndNearbyIds() {
        CliTest.Run r = CliTest.run("coach", FILE, "--node", "hungup", "--say", "Hi.");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(FILE) && r.err().contains("has no node \"hungup\""), r.err());
        assertTrue(r.err().contains("Nearby decisions: hung-up,"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void aBrokenFileGivesTheLocatedErrorAndExitsOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"format\": 1,\n  \"id\": \n}\n");
        CliTest.Run r = CliTest.run("coach", f.toString(), "--node", "x", "--say", "Hi.");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("broken.json:4:1: error: RAP001"), r.err());
        assertTrue(r.err().contains("has errors"), r.err());
    }

    @Test
    void theLauncherTreatsCoachAsACommand() {
        assertEquals(org.rapport.Launcher.Route.CLI, org.rapport.Launcher.route("coach", FILE));
    }
}
