package org.rapport.author.edit;

import org.junit.jupiter.api.Test;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.format.DialogueWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editing core: every edit, its undo and redo, and a whole dialogue built from an empty one by edits alone. */
class DialogueDocumentTest {
    /** A dialogue with its header written and no nodes yet: what an author starts from. */
    static final String EMPTY = """
            {
              "$schema": "./dialogue.schema.json",
              "format": 1,
              "id": "late-gift",
              "title": "The gift that came late",
              "summary": "A customer's gift arrived after the party. Hear her out, own the delay and say what you will do.",
              "difficulty": "beginner",
              "minutes": 3,
              "tags": ["delivery"],
              "customer": {
                "name": "June Park",
                "persona": "June paid for guaranteed delivery of a birthday present; it came the day after the party.",
                "mood": -2
              },
              "setting": "Phone, a gift shop's customer line",
              "x-team-note": "kept as it is",
              "prebrief": {
                "objectives": ["Let her finish before you explain anything", "Own the delay and say what happens next"],
                "mayDo": ["Refund the $9 guaranteed-delivery fee"]
              },
              "start": "",
              "nodes": {}
            }
            """;

    private static Validated validate(DialogueDocument doc) {
        return new Validator(Catalog.bundled()).validate("late-gift.json", doc.text().getBytes(StandardCharsets.UTF_8));
    }

    private static final String WHY_BEST = "Letting her finish and then owning the delay is the listening and apology she needed; she hears a person, not a script.";
    private static final String WHY_WEAK = "Explaining the courier's backlog first sounds like an excuse; own the delay and say what you will do instead of defending it.";

    @Test
    void anAuthorBuildsACompleteDialogueByEditsAloneAndEveryStepUndoesAndRedoes() {
        DialogueDocument doc = DialogueDocument.parse(EMPTY);
        List<String> texts = new ArrayList<>();
        texts.add(doc.text());
        List<Edit> steps = new ArrayList<>();
        steps.add(Edits.addEnding(doc, "won", "won"));
        steps.add(Edits.addEnding(doc, "lost", "lost"));
        for (Edit e : steps) {
            if (doc.apply(e)) texts.add(doc.text()); // an edit that changes nothing is no step
        }
        steps.clear();
        steps.add(Edits.addDecision(doc, "opening", "second", null));
        steps.add(Edits.start("opening"));
        for (Edit e : steps) {
            if (doc.apply(e)) texts.add(doc.text()); // an edit that changes nothing is no step
        }
        steps.clear();
        steps.add(Edits.addDecision(doc, "second", "won", "opening"));
        for (String id : List.of("opening", "second")) {
            steps.add(Edits.nodeText(id, "say", id.equals("opening") ? "My gift came a day after the party. I paid extra for that!"
                    : "So what are you going to do about it?"));
            steps.add(Edits.tests(id, List.of(id.equals("opening") ? "lead.listen" : "lead.accept")));
            steps.add(Edits.choiceText(id, 0, "say", id.equals("opening") ? "That's a let-down. Tell me what happened." : "That was late, and that's on us. I'm refunding the $9 fee now."));
            steps.add(Edits.grade(id, 0, "best"));
            steps.add(Edits.tags(id, 0, "uses", List.of(id.equals("opening") ? "lead.listen" : "lead.accept")));
            steps.add(Edits.mood(id, 0, 2));
            steps.add(Edits.choiceText(id, 0, "why", WHY_BEST));
            steps.add(Edits.choiceText(id, 1, "say", "The courier had a backlog this week, it happens."));
            steps.add(Edits.grade(id, 1, "harmful"));
            steps.add(Edits.tags(id, 1, "pitfalls", List.of("pitfall.blame-customer")));
            steps.add(Edits.mood(id, 1, -3));
            steps.add(Edits.choiceText(id, 1, "why", WHY_WEAK));
            steps.add(Edits.nodeText(id, "note", "What does she need to hear before any fix?"));
        }
        steps.add(Edits.routeByMood("second", 0, -1, "lost", "won"));
        steps.add(Edits.next("opening", 1, "second"));
        steps.add(Edits.next("second", 1, "lost"));
        steps.add(Edits.ending("won", "summary", "She felt heard, got an apology that owned the delay, and a refund she can see. That is LEAD in order."));
        steps.add(Edits.ending("lost", "summary", "She heard excuses instead of ownership, so she took her custom elsewhere. Owning it first would have kept her."));
        for (Edit e : steps) {
            if (doc.apply(e)) texts.add(doc.text()); // an edit that changes nothing is no step
        }
        Validated v = validate(doc);
        List<String> errors = v.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList();
        assertEquals(List.of(), errors, doc.text());
        assertTrue(v.playable());
        assertTrue(doc.text().contains("\"x-team-note\": \"kept as it is\""), "unknown fields are kept");
        assertTrue(doc.text().startsWith("{\n  \"$schema\": \"./dialogue.schema.json\",\n  \"format\": 1,"), "in their order");
        assertEquals(doc.text(), DialogueWriter.format(doc.text()), "saved in the canonical form");
        assertTrue(doc.dirty());

        // Undo every step: the document goes back through every state, to the empty one; redo comes back the same way.
        for (int i = texts.size() - 1; i > 0; i--) {
            assertEquals(texts.get(i), doc.text());
            assertTrue(doc.canUndo());
            doc.undo();
            assertEquals(texts.get(i - 1), doc.text(), "undo of step " + i);
        }
        assertFalse(doc.canUndo());
        assertFalse(doc.dirty(), "back to what was opened");
        for (int i = 1; i < texts.size(); i++) {
            doc.redo();
            assertEquals(texts.get(i), doc.text(), "redo of step " + i);
        }
        assertFalse(doc.canRedo());
        doc.markSaved();
        assertFalse(doc.dirty());
        doc.apply(Edits.mood("opening", 0, 1));
        assertTrue(doc.dirty());
        doc.undo();
        assertFalse(doc.dirty(), "undoing back to the saved state is clean again");
    }

    @Test
    void deletingANodeNamesTheRepliesThatLedThereAndUndoPutsItBackWhereItWas() {
        DialogueDocument doc = DialogueDocument.parse(Fixtures.minimal());
        String before = doc.text();
        List<String> ids = doc.nodeIds();
        assertEquals(List.of("reply 1 of \"calmer\""), doc.referencesTo("won"));
        doc.apply(Edits.removeNode("won"));
        assertFalse(doc.nodeIds().contains("won"));
        assertTrue(validate(doc).diagnostics().stream().anyMatch(d -> d.code().equals("RAP021")), "the dangling route is shown, not left silently");
        doc.undo();
        assertEquals(ids, doc.nodeIds(), "back in its place");
        assertEquals(before, doc.text());
        doc.apply(Edits.duplicate(doc, "calmer", doc.freshId("calmer")));
        assertEquals("calmer-2", doc.nodeIds().get(ids.indexOf("calmer") + 1), "the copy comes right after the original");
        int replies = doc.nodes().getAsJsonObject("opening").getAsJsonArray("choices").size();
        doc.apply(Edits.addChoice(doc, "opening", "won"));
        assertEquals(replies + 1, doc.nodes().getAsJsonObject("opening").getAsJsonArray("choices").size());
        doc.apply(Edits.removeChoice("opening", 0));
        doc.undo();
        doc.undo();
        doc.undo();
        assertEquals(before, doc.text());
        assertEquals("delete \"won\"", Edits.removeNode("won").describe());
        assertFalse(doc.apply(Edits.grade("opening", 0, "best")), "setting what is already there is no step");
        assertFalse(doc.canUndo());
    }
}
