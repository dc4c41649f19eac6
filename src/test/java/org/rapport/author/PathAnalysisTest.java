package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.author.Graphs.decision;
import static org.rapport.author.Graphs.dialogue;
import static org.rapport.author.Graphs.ending;
import static org.rapport.author.Graphs.reply;

class PathAnalysisTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void aChainOfDecisionsHasTheProductOfItsRepliesAsPaths() {
        // 3 decisions with 2, 3 and 4 replies, every reply leading on: 2 * 3 * 4 = 24 paths, all listed.
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 1, "b"), reply(1, Grade.HARMFUL, -2, "b")),
                decision("b", reply(0, Grade.GOOD, 0, "c"), reply(1, Grade.BEST, 1, "c"), reply(2, Grade.WEAK, 0, "c")),
                decision("c", reply(0, Grade.BEST, 1, "won"), reply(1, Grade.GOOD, 0, "won"), reply(2, Grade.WEAK, 0, "won"),
                        reply(3, Grade.HARMFUL, -1, "lost")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertEquals(BigInteger.valueOf(24), r.pathCount());
        assertEquals(BigInteger.valueOf(18), r.pathsPerEnding().get("won"));
        assertEquals(BigInteger.valueOf(6), r.pathsPerEnding().get("lost"));
        assertEquals(24, r.paths().size(), "few enough to list every one");
        assertEquals("a#1 → b#2 → c#1 → won", r.best().describe());
        assertEquals(100, r.best().percent());
        assertEquals(List.of(0, 1, 2, 3), r.best().moodCurve());
        assertEquals("a#2 → b#3 → c#4 → lost", r.worst().describe());
        assertEquals(11, r.worst().percent(), "1 point of 9");
        assertEquals(r.paths().get(0).percent(), r.best().percent(), "the list is sorted best first");
        assertEquals(r.paths().get(11), r.typical(), "the typical path is the median of the list");
    }

    @Test
    void theBestPathIsTheBestScoreNotTheMostPoints() {
        // Replying "good" at the start ends at once: 2 of 3 points, 67%. Replying "best" leads down a chain of five
        // weak-or-harmful decisions: up to 8 points, the most of any path, but only 8 of 18, 44%.
        List<Node> nodes = new ArrayList<>();
        nodes.add(decision("start", reply(0, Grade.GOOD, 0, "won"), reply(1, Grade.BEST, 0, "c1")));
        for (int i = 1; i <= 5; i++) {
            nodes.add(decision("c" + i, reply(0, Grade.WEAK, 0, i == 5 ? "won" : "c" + (i + 1)), reply(1, Grade.HARMFUL, 0, "lost")));
        }
        nodes.add(ending("won", Outcome.WON));
        nodes.add(ending("lost", Outcome.LOST));
        PathReport r = PathAnalysis.analyze(dialogue("start", 0, nodes), CATALOG);
        assertEquals("start#1 → won", r.best().describe());
        assertEquals(67, r.best().percent());
        // The worst: best reply then straight into a harmful one, 3 of 6 points, or further down the chain for less.
        assertEquals("start#2 → c1#1 → c2#1 → c3#1 → c4#1 → c5#2 → lost", r.worst().describe());
        assertEquals(7, r.worst().points());
    }

    @Test
    void tiesOnScoreGoToTheBetterEndingForTheBestPathAndTheWorseForTheWorst() {
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 0, "kept"), reply(1, Grade.BEST, 0, "won"), reply(2, Grade.HARMFUL, 0, "won"),
                        reply(3, Grade.HARMFUL, 0, "lost")),
                ending("won", Outcome.WON), ending("kept", Outcome.KEPT), ending("lost", Outcome.LOST)));
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertEquals(Outcome.WON, r.best().outcome());
        assertEquals(Outcome.LOST, r.worst().outcome());
    }

    @Test
    void aFiveThousandNodeDialogueWithBillionsOfPathsIsCountedExactlyWithoutListingThem() {
        Dialogue d = Graphs.layered(33, 190);
        assertTrue(d.nodes().size() >= 5000, "has " + d.nodes().size() + " nodes");
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertEquals(BigInteger.TWO.pow(33), r.pathCount(), "every sequence of 33 two-way decisions: 8,589,934,592 paths");
        assertEquals(new BigInteger("8589934592"), r.pathCount());
        assertEquals(r.pathCount(), r.pathsPerEnding().values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        assertEquals(List.of(), r.paths(), "far too many to list");
        assertEquals(100, r.best().percent());
        assertEquals(33, r.best().steps().size());
        assertEquals(Outcome.WON, r.best().outcome());
        assertEquals(0, r.worst().percent());
        assertEquals(Outcome.LOST, r.worst().outcome());
        // A path drawn uniformly takes the best reply at each decision with probability 1/2, so the median path's score
        // is near 50%.
        assertTrue(r.typical().percent() >= 30 && r.typical().percent() <= 70, "typical " + r.typical().percent() + "%");
        assertEquals(101, r.sampled());
        assertEquals(r.typical().describe(), PathAnalysis.analyze(d, CATALOG).typical().describe(), "the same file gives the same typical path");
    }

    @Test
    void theEndingsOfALayeredDialogueAreCountedAsABruteForceWalkCountsThem() {
        Dialogue d = Graphs.layered(12, 5);
        Brute b = Brute.of(d);
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertEquals(BigInteger.valueOf(4096), r.pathCount());
        assertEquals(b.perEnding, r.pathsPerEnding());
    }

    @Test
    void randomDialoguesAgreeWithEveryPathWalkedOneByOne() {
        for (long seed = 1; seed <= 300; seed++) {
            Dialogue d = Graphs.random(seed, 4 + (int) (seed % 9));
            Brute b = Brute.of(d);
            PathReport r = PathAnalysis.analyze(d, CATALOG, d.start(), d.customer().mood(), new PathAnalysis.Options(40, 51, seed));
            String where = "seed " + seed;
            assertEquals(b.count, r.pathCount(), where);
            assertEquals(b.perEnding, r.pathsPerEnding(), where);
            if (b.count.signum() == 0) {
                assertNull(r.best(), where);
                continue;
            }
            assertEquals((long) b.bestPoints * r.best().steps().size(), (long) r.best().points() * b.bestDecisions, where + ": best score");
            assertEquals(b.bestOutcome, r.best().outcome(), where + ": among the best scores, the best ending");
            assertEquals((long) b.worstPoints * r.worst().steps().size(), (long) r.worst().points() * b.worstDecisions, where + ": worst score");
            assertEquals(b.worstOutcome, r.worst().outcome(), where + ": among the worst scores, the worst ending");
            if (b.count.compareTo(BigInteger.valueOf(40)) <= 0) assertEquals(b.count.intValue(), r.paths().size(), where);
            assertNotNull(r.typical(), where);
        }
    }

    @Test
    void loopsAreReportedInsteadOfCounted() {
        Dialogue d = dialogue("opening", 0, List.of(
                decision("opening", reply(0, Grade.BEST, 1, "calmer"), reply(1, Grade.HARMFUL, -1, "lost")),
                decision("calmer", reply(0, Grade.BEST, 1, "won"), reply(1, Grade.WEAK, 0, "opening")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertNull(r.pathCount(), "a loop has no end of paths");
        assertTrue(r.hasCycles());
        assertEquals(List.of("opening", "calmer", "opening"), r.cycles().get(0));
        assertEquals("RAP062", r.findings().get(0).code());
        assertTrue(r.findings().get(0).message().contains("opening → calmer → opening"), r.findings().get(0).message());
    }

    @Test
    void aLongChainIsWalkedWithoutRecursion() {
        List<Node> nodes = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            String next = i == n - 1 ? "won" : "c" + (i + 1);
            nodes.add(decision("c" + i, reply(0, Grade.BEST, 0, next), reply(1, Grade.HARMFUL, 0, "lost")));
        }
        nodes.add(ending("won", Outcome.WON));
        nodes.add(ending("lost", Outcome.LOST));
        PathReport r = PathAnalysis.analyze(dialogue("c0", 0, nodes), CATALOG);
        assertEquals(BigInteger.valueOf(n + 1), r.pathCount());
        assertEquals(n, r.best().steps().size());
        assertEquals(1, r.worst().steps().size(), "harmful at once: 0%, and the worst ending");
    }

    @Test
    void theMinimalFixtureWarnsThatItsBestRepliesCannotReachTheWin() {
        Validated v = Fixtures.validate(Fixtures.minimal());
        PathReport r = PathAnalysis.analyze(v.dialogue(), CATALOG);
        // Starting at -2, the best opening (+2) leaves Ruth at 0, short of the route to "calmer" (at least 1).
        assertEquals(Outcome.KEPT, r.best().outcome());
        assertEquals(100, r.best().percent());
        var diags = r.diagnostics(v.file(), v.read().sourceMap());
        assertEquals(List.of("RAP060", "RAP061", "RAP061"), diags.stream().map(x -> x.code()).sorted().toList());
        var unreachable = diags.stream().filter(x -> x.code().equals("RAP061")).map(x -> x.nodeId()).sorted().toList();
        assertEquals(List.of("calmer", "won"), unreachable);
        var text = Fixtures.minimal();
        var rap060 = diags.stream().filter(x -> x.code().equals("RAP060")).findFirst().orElseThrow();
        assertEquals(Fixtures.lineOf(text, "\"kept\": {"), rap060.line(), "points at the ending reached");
    }

    @Test
    void playingFromAnotherNodeAndMoodChangesTheReport() {
        Validated v = Fixtures.validate(Fixtures.minimal());
        PathReport r = PathAnalysis.analyze(v.dialogue(), CATALOG, "opening", 0, PathAnalysis.Options.DEFAULT);
        assertEquals(Outcome.WON, r.best().outcome(), "from mood 0 the best opening reaches \"calmer\" and the win");
        assertEquals(List.of(), r.findings());
        PathReport fromCalmer = PathAnalysis.analyze(v.dialogue(), CATALOG, "calmer", 3, PathAnalysis.Options.DEFAULT);
        assertEquals(BigInteger.TWO, fromCalmer.pathCount());
        assertEquals("calmer#1 → won", fromCalmer.best().describe());
    }

    @Test
    void everyBundledDialogueHasAWinningBestPathAndNothingToWarnAbout() throws IOException {
        DialogueLibrary lib = DialogueLibrary.load(new Validator(CATALOG), List.of(Path.of("dialogues")));
        for (Validated v : lib.playable()) {
            PathReport r = PathAnalysis.analyze(v.dialogue(), CATALOG);
            assertEquals(List.of(), r.diagnostics(v.file(), v.read().sourceMap()), v.file());
            assertEquals(Outcome.WON, r.best().outcome(), v.file());
            assertEquals(100, r.best().percent(), v.file());
            assertTrue(r.pathCount().compareTo(BigInteger.valueOf(100)) > 0, v.file() + " branches into many paths");
        }
    }

    /** Every path walked one by one, replies and moods as the engine applies them. */
    static final class Brute {
        BigInteger count = BigInteger.ZERO;
        final Map<String, BigInteger> perEnding = new java.util.LinkedHashMap<>();
        int bestPoints = -1;
        int bestDecisions = 1;
        Outcome bestOutcome;
        int worstPoints = Integer.MAX_VALUE;
        int worstDecisions = 1;
        Outcome worstOutcome;

        static Brute of(Dialogue d) {
            Brute b = new Brute();
            for (EndingNode e : d.endings()) b.perEnding.put(e.id(), BigInteger.ZERO);
            b.walk(d, d.node(d.start()), Mood.clamp(d.customer().mood()), 0, 0, new HashMap<>());
            return b;
        }

        private void walk(Dialogue d, Node n, int mood, int points, int decisions, Map<String, Integer> unused) {
            if (n instanceof EndingNode e) {
                count = count.add(BigInteger.ONE);
                perEnding.merge(e.id(), BigInteger.ONE, BigInteger::add);
                Outcome o = e.ending().outcome();
                long cmpBest = (long) points * bestDecisions - (long) bestPoints * decisions;
                if (bestOutcome == null || cmpBest > 0 || (cmpBest == 0 && o.ordinal() < bestOutcome.ordinal())) {
                    bestPoints = points;
                    bestDecisions = decisions;
                    bestOutcome = o;
                }
                long cmpWorst = (long) points * worstDecisions - (long) worstPoints * decisions;
                if (worstOutcome == null || cmpWorst < 0 || (cmpWorst == 0 && o.ordinal() > worstOutcome.ordinal())) {
                    worstPoints = points;
                    worstDecisions = decisions;
                    worstOutcome = o;
                }
                return;
            }
            CustomerNode c = (CustomerNode) n;
            for (Choice ch : c.choices()) {
                int after = Mood.clamp(mood + ch.mood());
                String next = ch.nextFor(after);
                if (next == null) continue;
                walk(d, d.node(next), after, points + ch.grade().points(), decisions + 1, unused);
            }
        }
    }

    @Test
    void aReplyWhoseRoutesMissTheMoodLeadsNowhereAndIsNotAPath() {
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 1, List.of(new Route(-3, null, "won"))), reply(1, Grade.HARMFUL, -1, "lost")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        PathReport r = PathAnalysis.analyze(d, CATALOG);
        assertEquals(BigInteger.ONE, r.pathCount());
        assertEquals("a#2 → lost", r.best().describe());
    }

    @Test
    void countsWiderThanALongAreExactAndManyWaysIntoADeadEndDoNotDisturbTheEndings() {
        // Reply 1 of "a" ends at once; reply 2 enters 80 decisions of two replies each, all leading on, whose last one
        // leads nowhere. So there is one path, but 2^80 ways into the last decision: more than the counts' width,
        // which comes from the one path, and the counting of paths per ending must widen rather than overflow.
        List<Node> nodes = new ArrayList<>();
        nodes.add(decision("a", reply(0, Grade.BEST, 0, "won"), reply(1, Grade.WEAK, 0, "d0")));
        for (int i = 0; i < 80; i++) {
            nodes.add(decision("d" + i, reply(0, Grade.BEST, 0, "d" + (i + 1)), reply(1, Grade.WEAK, 0, "d" + (i + 1))));
        }
        nodes.add(decision("d80", reply(0, Grade.BEST, 0, "nowhere")));
        nodes.add(ending("won", Outcome.WON));
        PathReport r = PathAnalysis.analyze(dialogue("a", 0, nodes), CATALOG);
        assertEquals(BigInteger.ONE, r.pathCount());
        assertEquals(BigInteger.ONE, r.pathsPerEnding().get("won"));
        assertEquals("a#1 → won", r.best().describe());

        // And the same chain ending instead: 2^81 + 1 paths, counted exactly, 2^81 of them to "lost".
        nodes.set(nodes.size() - 2, decision("d80", reply(0, Grade.BEST, 0, "lost"), reply(1, Grade.WEAK, 0, "lost")));
        nodes.add(ending("lost", Outcome.LOST));
        PathReport wide = PathAnalysis.analyze(dialogue("a", 0, nodes), CATALOG);
        assertEquals(BigInteger.TWO.pow(81).add(BigInteger.ONE), wide.pathCount());
        assertEquals(BigInteger.TWO.pow(81), wide.pathsPerEnding().get("lost"));
        assertEquals(BigInteger.ONE, wide.pathsPerEnding().get("won"));
    }

    @Test
    void harmThatCostsTooLittleIsReported() {
        // Two harmful replies in a row and the customer is still won over on every path: RAP063.
        org.rapport.model.Dialogue cheap = Graphs.dialogue("a", 0, List.of(
                Graphs.decision("a", Graphs.reply(0, org.rapport.model.Grade.BEST, 1, "b"), Graphs.reply(1, org.rapport.model.Grade.HARMFUL, -1, "b")),
                Graphs.decision("b", Graphs.reply(0, org.rapport.model.Grade.BEST, 1, "won"), Graphs.reply(1, org.rapport.model.Grade.HARMFUL, -1, "won"),
                        Graphs.reply(2, org.rapport.model.Grade.WEAK, 0, "lost")),
                Graphs.ending("won", Outcome.WON), Graphs.ending("lost", Outcome.LOST)));
        PathReport r = PathAnalysis.analyze(cheap, CATALOG);
        PathReport.Finding f = r.findings().stream().filter(x -> x.code().equals("RAP063")).findFirst().orElseThrow();
        assertEquals("won", f.nodeId());
        assertTrue(f.message().startsWith("Harm costs too little: 100% of the paths with two or more harmful replies still end with the customer won over"), f.message());

        // The same dialogue where the second harmful reply loses her: no finding.
        org.rapport.model.Dialogue fair = Graphs.dialogue("a", 0, List.of(
                Graphs.decision("a", Graphs.reply(0, org.rapport.model.Grade.BEST, 1, "b"), Graphs.reply(1, org.rapport.model.Grade.HARMFUL, -1, "b")),
                Graphs.decision("b", Graphs.reply(0, org.rapport.model.Grade.BEST, 1, "won"), Graphs.reply(1, org.rapport.model.Grade.HARMFUL, -1, "lost"),
                        Graphs.reply(2, org.rapport.model.Grade.WEAK, 0, "lost")),
                Graphs.ending("won", Outcome.WON), Graphs.ending("lost", Outcome.LOST)));
        assertTrue(PathAnalysis.analyze(fair, CATALOG).findings().stream().noneMatch(x -> x.code().equals("RAP063")));
    }
}
