package org.rapport.importer;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.importer.ImportSupport.json;
import static org.rapport.importer.ImportSupport.lines;
import static org.rapport.importer.ImportSupport.node;
import static org.rapport.importer.ImportSupport.run;

/**
 * Compiled ink. late-glasses.ink is the source written for this test; late-glasses.ink.json is what inkjs 2.4.0's
 * compiler made of it (ink JSON version 21).
 */
class ImportInkTest {
    @Test
    void choiceTagsGiveGradesMoodsStepsAndWhy() {
        ImportResult r = run("late-glasses.ink.json");
        assertEquals("ink", r.kind());
        assertTrue(r.report().isEmpty(), lines(r.report()));
        JsonObject counter = node(r, "counter");
        assertEquals("anxious", counter.get("emotion").getAsString());
        assertEquals("[\"empathy-steps.demonstrate\",\"active-listening.paraphrase\"]", counter.get("tests").toString());
        JsonObject best = counter.getAsJsonArray("choices").get(0).getAsJsonObject();
        assertEquals("An interview at nine with no glasses. No wonder you're worried.", best.get("say").getAsString());
        assertEquals("best", best.get("grade").getAsString());
        assertEquals(2, best.get("mood").getAsInt());
        assertTrue(best.get("why").getAsString().startsWith("Saying back the interview"));
        assertEquals("options", best.get("next").getAsString());
        JsonObject won = node(r, "ready-for-the-interview").getAsJsonObject("ending");
        assertEquals("won", won.get("outcome").getAsString());
        assertEquals("Priya Shah", json(r).getAsJsonObject("customer").get("name").getAsString());
    }

    @Test
    void aStoryWrittenWithTheConventionImportsClean() {
        Validated v = ImportSupport.validate(run("late-glasses.ink.json"));
        assertEquals(List.of(), v.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList());
        assertTrue(v.playable());
    }

    @Test
    void aVersionBelow18IsALocatedError() {
        String json = ImportSupport.text("late-glasses.ink.json").replace("{\"inkVersion\":21,", "{\n  \"inkVersion\": 17,");
        ImportResult r = run("old.ink.json", json);
        assertNull(r.dialogueJson());
        Diagnostic d = r.report().get(0);
        assertEquals("old.ink.json:2:3: error: RAP102", d.toLine().substring(0, 31), d.toLine());
        assertTrue(d.message().contains("ink version 17"), d.message());
    }

    @Test
    void importingTwiceGivesIdenticalBytes() {
        assertEquals(run("late-glasses.ink.json").dialogueJson(), run("late-glasses.ink.json").dialogueJson());
    }

    @Test
    void notInkIsAnErrorNotAnException() {
        assertEquals("RAP101", run("x.ink.json", "{\"inkVersion\": 21, \"root\": 5}").report().get(0).code());
        assertEquals("RAP101", run("x.ink.json", "{\"inkVersion\": 21, \"root\": [[[[").report().get(0).code());
        assertEquals("RAP101", run("x.ink.json", "[1, 2]").report().get(0).code());
    }
}
