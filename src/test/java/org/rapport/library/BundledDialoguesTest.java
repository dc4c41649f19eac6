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

    // == teaching integrity: scores must measure skill ==

    @Test
    void noSurfaceCueFindsTheBestReplyFarMoreOftenThanChanceAcrossTheLibrary() throws IOException {
        List<Dialogue> all = dialogues();
        for (org.rapport.check.SurfaceCues.Result r : org.rapport.check.SurfaceCues.ofAll(all)) {
            assertTrue(r.margin() <= org.rapport.check.SurfaceCues.LIBRARY_MARGIN, String.format(java.util.Locale.ROOT,
                    "the reply with %s is the best in %.0f%% of the library's %d decisions; chance is %.0f%%", r.cue().label(),
                    100 * r.rate(), r.decisions(), 100 * r.chanceRate()));
        }
        for (Dialogue d : all) {
            for (org.rapport.check.SurfaceCues.Result r : org.rapport.check.SurfaceCues.of(d)) {
                assertFalse(r.giveaway(), d.id() + ": " + r.cue().label() + " finds the best reply " + Math.round(100 * r.rate()) + "%");
            }
        }
    }

    @Test
    void aTraineeWhoOnlyPicksTheLongestOrTheShortestReplyWinsAlmostNothing() throws IOException {
        List<Dialogue> all = dialogues();
        Comparator<Choice> length = Comparator.comparingInt(c -> c.say().strip().length());
        long longest = all.stream().filter(d -> playBy(d, n -> n.choices().stream().max(length).orElseThrow()) == Outcome.WON).count();
        long shortest = all.stream().filter(d -> playBy(d, n -> n.choices().stream().min(length).orElseThrow()) == Outcome.WON).count();
        assertTrue(longest <= 1, "always picking the longest reply wins " + longest + " of " + all.size() + " dialogues");
        assertTrue(shortest <= 1, "always picking the shortest reply wins " + shortest + " of " + all.size() + " dialogues");
    }

    @Test
    void everyDialogueHasAPreBriefWithObjectivesAndWhatTheAgentMayDo() throws IOException {
        for (Dialogue d : dialogues()) {
            int n = d.prebrief().objectives().size();
            assertTrue(n >= 2 && n <= 3, d.id() + " has " + n + " objectives");
            assertFalse(d.prebrief().mayDo().isEmpty(), d.id() + " says what the agent may do");
        }
    }

    @Test
    void noDecisionTestsAndNoReplyClaimsAStepThatHappensInTheAgentsHead() throws IOException {
        Catalog catalog = Catalog.bundled();
        for (Dialogue d : dialogues()) {
            for (CustomerNode n : d.decisions()) {
                for (String t : n.tests()) assertFalse(catalog.step(t).map(s -> s.silent()).orElse(false), d.id() + "/" + n.id() + " tests " + t);
                for (Choice c : n.choices()) {
                    for (String u : c.uses()) assertFalse(catalog.step(u).map(s -> s.silent()).orElse(false), d.id() + "/" + n.id() + " uses " + u);
                }
            }
        }
    }

    @Test
    void theRentalCarAgentChecksTheKidsSafetyFirstAndStaysWithinWhatKeystoneAllows() throws IOException {
        Dialogue d = dialogues().stream().filter(x -> x.id().equals("rental-car-funeral")).findFirst().orElseThrow();
        String best = bestPathReplies(d);
        assertTrue(best.contains("911"), "the best path says when to call 911");
        assertTrue(best.contains("guardrail") && best.contains("shade"), "and gets the children away from the traffic and into shade");
        assertTrue(String.join(" ", d.prebrief().mayDo()).contains("$200"), "the pre-brief says how much a cab Keystone may pay for");
        CustomerNode opening = (CustomerNode) d.node(d.start());
        Choice first = opening.choices().stream().filter(c -> c.grade() == org.rapport.model.Grade.BEST).findFirst().orElseThrow();
        assertTrue(first.say().toLowerCase(java.util.Locale.ROOT).contains("hurt"), "the very first best reply asks whether anyone is hurt: " + first.say());
    }

    @Test
    void theWeddingCatererGivesOneRefundTimeEverywhere() throws IOException {
        Dialogue d = dialogues().stream().filter(x -> x.id().equals("wedding-catering")).findFirst().orElseThrow();
        java.util.regex.Pattern days = java.util.regex.Pattern.compile("(?:up to )?(\\w+)(?:-to-\\w+| to \\w+)? business days");
        java.util.Set<String> said = new java.util.TreeSet<>();
        for (String text : texts(d)) {
            java.util.regex.Matcher m = days.matcher(text);
            while (m.find()) said.add(m.group());
        }
        assertEquals(java.util.Set.of("up to seven business days"), said, "every reply, why and the pre-brief give the same refund time");
    }

    @Test
    void theShoeShopOwnerIsNotNamedLikeAnotherDialoguesCustomerAndNothingUntrueIsValidated() throws IOException {
        List<Dialogue> all = dialogues();
        for (Dialogue d : all) {
            String first = d.customer().name().split(" ")[0];
            for (Dialogue other : all) {
                if (other == d) continue;
                assertFalse(String.join(" ", texts(other)).matches("(?s).*\\b" + first + "\\b.*"),
                        other.id() + " mentions " + first + ", the customer of " + d.id());
            }
        }
        Dialogue moccasins = all.stream().filter(x -> x.id().equals("chewed-moccasins")).findFirst().orElseThrow();
        assertFalse(String.join(" ", texts(moccasins)).toLowerCase(java.util.Locale.ROOT).contains("couldn't have seen this coming"),
                "her own dog chewed them: nobody can say she had no way to know");
    }

    @Test
    void theLibraryKeepsOneHouseStyle() throws IOException {
        java.util.regex.Pattern clock = java.util.regex.Pattern.compile("\\b\\d{1,2}(:\\d{2})?\\s?(am|pm|AM|PM|A\\.M\\.|P\\.M\\.)(?![\\w.])");
        java.util.regex.Pattern dayFirst = java.util.regex.Pattern.compile("\\b\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\\b");
        java.util.regex.Pattern spelledMoney = java.util.regex.Pattern.compile("\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)[ -]dollars?\\b");
        for (Dialogue d : dialogues()) {
            assertFalse(d.summary().toLowerCase(java.util.Locale.ROOT).contains("the trainee"),
                    d.id() + ": the blurb speaks to the trainee as 'you', not about 'the trainee': " + d.summary());
            for (String t : texts(d)) {
                assertFalse(clock.matcher(t).find(), d.id() + ": times are written 1:30 p.m.: " + t);
                assertFalse(dayFirst.matcher(t).find(), d.id() + ": dates are written Friday, June 27: " + t);
            }
            for (String t : written(d)) {
                String outsideQuotes = t.replaceAll("'[^']*'", "");
                assertFalse(spelledMoney.matcher(outsideQuotes).find(), d.id() + ": money in the written parts is $3, $9,400: " + t);
            }
        }
    }

    /** The parts of a dialogue that are written to the trainee rather than spoken: blurb, setting, pre-brief, whys, endings. */
    private static List<String> written(Dialogue d) {
        List<String> out = new java.util.ArrayList<>(List.of(d.summary(), d.setting()));
        out.addAll(d.prebrief().objectives());
        out.addAll(d.prebrief().mayDo());
        out.addAll(d.prebrief().mayNotDo());
        for (CustomerNode n : d.decisions()) for (Choice c : n.choices()) out.add(c.why());
        for (EndingNode e : d.endings()) out.add(e.ending().summary());
        return out;
    }

    /** What the trainee can read in a dialogue: the setting, persona, pre-brief, every line, reply, why and ending. */
    private static List<String> texts(Dialogue d) {
        List<String> out = new java.util.ArrayList<>(List.of(d.summary(), d.setting(), d.customer().persona()));
        out.addAll(d.prebrief().objectives());
        out.addAll(d.prebrief().mayDo());
        out.addAll(d.prebrief().mayNotDo());
        for (CustomerNode n : d.decisions()) {
            out.add(n.say());
            for (Choice c : n.choices()) {
                out.add(c.say());
                out.add(c.why());
            }
        }
        for (EndingNode e : d.endings()) {
            out.add(e.say());
            out.add(e.ending().summary());
        }
        return out;
    }

    private static String bestPathReplies(Dialogue d) {
        Playthrough p = Playthrough.start(d, 1);
        StringBuilder said = new StringBuilder();
        for (int i = 0; i < 200 && !p.ended(); i++) {
            CustomerNode n = (CustomerNode) p.current();
            Choice best = n.choices().stream().max(Comparator.comparingInt(c -> c.grade().points())).orElseThrow();
            said.append(best.say()).append('\n');
            p.chooseIndex(best.index(), 0);
        }
        return said.toString();
    }
}
