package org.rapport.library;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Playthrough;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.function.Function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every dialogue that ships must load with no error and no warning. */
class BundledDialoguesTest {
    @Test
    void everyBundledDialogueIsClean() throws IOException {
        DialogueLibrary lib = DialogueLibrary.load(new Validator(Catalog.bundled()), List.of(Path.of("dialogues")));
        assertFalse(lib.entries().isEmpty(), "dialogues/ ships at least one dialogue");
        List<String> problems = lib.diagnostics().stream().map(Diagnostic::toLine).toList();
        assertEquals(List.of(), problems);
        for (Validated v : lib.entries()) {
            assertEquals(v.dialogue().id() + ".json", Path.of(v.file()).getFileName().toString(), "file name follows the id");
        }
    }

    @Test
    void theSchemaShippedWithTheDialoguesIsTheOneInTheApp() throws IOException {
        assertEquals(Files.readString(Path.of("src/main/resources/org/rapport/format/dialogue.schema.json")),
                Files.readString(Path.of("dialogues/dialogue.schema.json")));
    }

    private static List<Dialogue> dialogues() throws IOException {
        return DialogueLibrary.load(new Validator(Catalog.bundled()), List.of(Path.of("dialogues"))).playable().stream()
                .map(Validated::dialogue).toList();
    }

    @Test
    void everyDialogueHasTheShapeOfARealScenario() throws IOException {
        for (Dialogue d : dialogues()) {
            int decisions = d.decisions().size();
            assertTrue(decisions >= 10 && decisions <= 30, d.id() + " has " + decisions + " customer nodes; 10 to 30 expected");
            EnumSet<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
            for (EndingNode e : d.endings()) outcomes.add(e.ending().outcome());
            assertEquals(EnumSet.allOf(Outcome.class), outcomes, d.id() + " needs endings where the customer is won, kept and lost");
            long moodRoutes = d.decisions().stream().flatMap(n -> n.choices().stream())
                    .filter(c -> c.routes().stream().anyMatch(r -> !r.unconditional())).count();
            assertTrue(moodRoutes >= 2, d.id() + " needs replies that land differently by mood");
            long notes = d.decisions().stream().filter(n -> n.note() != null).count();
            assertTrue(notes >= 2, d.id() + " needs facilitator notes");
        }
    }

    /** Plays taking, at every decision, the reply {@code pick} prefers, and returns the outcome reached. */
    private static Outcome playBy(Dialogue d, Function<CustomerNode, Choice> pick) {
        Playthrough p = Playthrough.start(d, 1);
        for (int i = 0; i < 200 && !p.ended(); i++) p.chooseIndex(pick.apply((CustomerNode) p.current()).index(), 0);
        assertTrue(p.ended(), d.id() + " does not end within 200 replies");
        return ((EndingNode) p.current()).ending().outcome();
    }

    @Test
    void theBestRepliesWinTheCustomerAndTheWorstLoseThem() throws IOException {
        for (Dialogue d : dialogues()) {
            assertEquals(Outcome.WON, playBy(d, n -> n.choices().stream().max(Comparator.comparingInt(c -> c.grade().points())).orElseThrow()),
                    d.id() + ": the best replies must win the customer over");
            assertEquals(Outcome.LOST, playBy(d, n -> n.choices().stream().min(Comparator.comparingInt(c -> c.grade().points())).orElseThrow()),
                    d.id() + ": the worst replies must lose the customer");
        }
    }

    @Test
    void theLibraryCoversTheWholeCatalog() throws IOException {
        List<Dialogue> all = dialogues();
        assertTrue(all.size() >= 12, "the library ships at least 12 dialogues, has " + all.size());
        Coverage c = Coverage.of(all, Catalog.bundled());
        assertEquals(List.of(), c.thinSteps(3), "steps tested fewer than 3 times");
        assertEquals(List.of(), c.thinPitfalls(2), "pitfalls shown fewer than 2 times");
    }
}
