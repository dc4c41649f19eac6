package org.rapport.classroom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.RoomSession.DecidedBy;
import org.rapport.classroom.RoomSession.Phase;
import org.rapport.classroom.RoomSession.PhoneVote;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room deciding together: tallying, revealing, continuing, going back, saving and resuming. */
class RoomSessionTest {
    @TempDir
    Path dir;

    private final byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
    private final Dialogue dialogue = Fixtures.validate(Fixtures.minimal()).dialogue();

    private RoomSession start() {
        return RoomSession.start(dialogue, bytes, DialogueReader.sha256(bytes), 42, 1_000);
    }

    /** The shown position (0-based) of the reply starting with {@code words}. */
    static int pos(RoomSession s, String words) {
        var offered = s.snapshot().offered();
        for (int i = 0; i < offered.size(); i++) if (offered.get(i).say().startsWith(words)) return i;
        throw new AssertionError("no reply " + words);
    }

    private static void votes(RoomSession s, String words, int n) {
        for (int i = 0; i < n; i++) s.addVote(pos(s, words));
    }

    @Test
    void aTallyCountsFindsTheMajorityAndSeesASplit() {
        Tally t = Tally.empty(3).plusOne(0).plusOne(0).withCount(2, 2);
        assertEquals(4, t.total());
        assertEquals(List.of(0, 2), t.leaders());
        assertTrue(t.majority().isEmpty(), "a tie has no majority");
        assertEquals(50, t.percent(0));
        Tally clear = t.withCount(0, 8);
        assertEquals(0, clear.majority().orElseThrow());
        assertEquals(80, clear.percent(0));
        assertFalse(clear.split(), "8 of 10 is a clear lead");
        assertTrue(clear.withCount(2, 5).split(), "8 to 5 is a split room");
        assertFalse(Tally.empty(3).plusOne(1).split(), "one reply with every vote is agreement");
        assertTrue(Tally.empty(2).majority().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Tally.empty(2).withCount(0, -1));
    }

    @Test
    void theClickerRevealsTheVotesThenTheGradesThenFollowsTheRoom() {
        RoomSession s = start();
        assertEquals(Phase.VOTING, s.phase());
        votes(s, ClassFixtures.LISTEN_BEST, 7);
        votes(s, ClassFixtures.LISTEN_HARMFUL, 3);
        var before = s.snapshot();
        assertEquals(7, before.votesAt(pos(s, ClassFixtures.LISTEN_BEST)));
        assertEquals(70, before.percentAt(pos(s, ClassFixtures.LISTEN_BEST)));
        assertFalse(before.distributionShown());

        assertEquals("The room's votes are shown.", s.next());
        assertTrue(s.snapshot().distributionShown());
        assertFalse(s.snapshot().gradesShown());
        assertEquals("The grades and explanations are shown.", s.next());
        assertTrue(s.snapshot().gradesShown());
        assertTrue(s.next().startsWith("The room went with reply"));

        assertEquals(2, s.snapshot().decisionNumber());
        assertEquals("still-cross", s.snapshot().node().id());
        assertEquals(Phase.VOTING, s.phase());
        assertEquals(0, s.snapshot().tally().total(), "a new decision starts with no votes");
        RoomSession.Step step = s.steps().get(0);
        assertEquals(DecidedBy.ROOM, step.decidedBy());
        assertEquals(0, step.chosen(), "the best reply is the first in the file");
        assertEquals(10, step.tally().total());
    }

    @Test
    void aTieOrNoVoteIsRefusedSayingWhyAndTheFacilitatorCanPickAnyReply() {
        RoomSession s = start();
        RoomException none = assertThrows(RoomException.class, s::continueWithRoom);
        assertTrue(none.getMessage().startsWith("Nobody has voted yet"), none.getMessage());
        votes(s, ClassFixtures.LISTEN_BEST, 2);
        votes(s, ClassFixtures.LISTEN_HARMFUL, 2);
        RoomException tie = assertThrows(RoomException.class, s::continueWithRoom);
        assertEquals("The room is tied between replies 1 and 2. Choose the one to go on with.", tie.getMessage());
        assertEquals(1, s.snapshot().decisionNumber(), "a refusal changes nothing");

        s.continueWith(pos(s, ClassFixtures.LISTEN_HARMFUL));
        assertEquals(DecidedBy.FACILITATOR, s.steps().get(0).decidedBy());
        assertEquals(1, s.steps().get(0).chosen());
    }

    @Test
    void aShowOfHandsIsOnePickThatDecides() {
        RoomSession s = start();
        s.showOfHands(pos(s, ClassFixtures.LISTEN_HARMFUL));
        s.continueWithRoom();
        assertEquals(DecidedBy.SHOW_OF_HANDS, s.steps().get(0).decidedBy());
        assertEquals(1, s.steps().get(0).chosen());
        assertEquals(0, s.steps().get(0).tally().total());
    }

    @Test
    void backUndoesExactlyOneNextAndTheRoomsVotesComeBack() {
        RoomSession s = start();
        votes(s, ClassFixtures.LISTEN_BEST, 5);
        s.next();
        s.next();
        s.next();
        votes(s, ClassFixtures.EMPATHIZE_BEST, 4);
        assertEquals("Back to decision 1.", s.back());
        var back = s.snapshot();
        assertEquals(1, back.decisionNumber());
        assertEquals(Phase.GRADES, back.phase(), "the decision returns as the room left it");
        assertEquals(5, back.votesAt(pos(s, ClassFixtures.LISTEN_BEST)));
        assertEquals("The grades are hidden again.", s.back());
        assertEquals(Phase.DISTRIBUTION, s.phase());
        assertEquals("The votes are hidden again.", s.back());
        assertEquals(Phase.VOTING, s.phase());
        assertThrows(RoomException.class, s::back, "nothing before the first decision");

        s.next();
        s.next();
        s.next();
        assertEquals(2, s.snapshot().decisionNumber());
        assertEquals(4, s.snapshot().votesAt(pos(s, ClassFixtures.EMPATHIZE_BEST)), "the same way forward brings the votes back");
    }

    @Test
    void theSessionIsSavedAfterEveryStepAndResumesExactly() throws Exception {
        SessionFile file = SessionFile.in(dir);
        RoomSession s = start();
        s.autosave(file);
        assertTrue(Files.exists(dir.resolve("classroom").resolve(SessionFile.FILE_NAME)));
        String phone = s.issuePhoneToken();
        assertEquals(PhoneVote.ACCEPTED, s.phoneVote(s.snapshot().round(), phone, pos(s, ClassFixtures.LISTEN_BEST)));
        votes(s, ClassFixtures.LISTEN_BEST, 2);
        s.next();
        s.next();
        s.continueWithRoom();
        votes(s, ClassFixtures.EMPATHIZE_BEST, 6);
        s.revealDistribution();
        assertNull(s.saveProblem());

        RoomSession resumed = file.load().orElseThrow();
        var a = s.snapshot();
        var b = resumed.snapshot();
        assertEquals(a.decisionNumber(), b.decisionNumber());
        assertEquals(a.node().id(), b.node().id());
        assertEquals(a.offered(), b.offered(), "replies in the same order on the projector");
        assertEquals(a.tally(), b.tally());
        assertEquals(a.phase(), b.phase());
        assertEquals(a.steps(), b.steps());
        assertTrue(resumed.isPhoneToken(phone), "phones keep their token across a resume");
        resumed.back();
        resumed.back();
        assertEquals(1, resumed.snapshot().decisionNumber());
        assertEquals(PhoneVote.LATE, resumed.phoneVote(resumed.snapshot().round(), phone, 0),
                "the restored decision's voting is closed: no phone can vote on it twice");
        resumed.clearVotes();
        assertEquals(0, resumed.snapshot().tally().total());
        assertEquals(PhoneVote.ACCEPTED, resumed.phoneVote(resumed.snapshot().round(), phone, 0), "a cleared vote is a new round");
    }

    @Test
    void aDamagedSessionFileIsReportedNotResumed() throws Exception {
        SessionFile file = SessionFile.in(dir);
        Files.createDirectories(file.path().getParent());
        Files.writeString(file.path(), "{\"kind\": \"rapport-room-session\", \"format\": 1, \"id\": ");
        RoomException e = assertThrows(RoomException.class, file::load);
        assertTrue(e.getMessage().startsWith("The saved session cannot be resumed"), e.getMessage());
        assertTrue(Files.exists(file.path()), "the file is kept");
        Files.writeString(file.path(), "{\"kind\": \"rapport-room-session\", \"format\": 9}");
        assertTrue(assertThrows(RoomException.class, file::load).getMessage().contains("newer version of Rapport"));
    }

    @Test
    void eachPhoneHasOneBallotItMayChangeUntilTheVotesAreRevealedAndOnlyForTheOpenDecision() {
        RoomSession s = start();
        String round = s.snapshot().round();
        String a = s.issuePhoneToken();
        String b = s.issuePhoneToken();
        assertEquals(PhoneVote.ACCEPTED, s.phoneVote(round, a, 0));
        assertEquals(PhoneVote.REPEATED, s.phoneVote(round, a, 0), "the same vote again changes nothing");
        assertEquals(1, s.snapshot().tally().total());
        assertEquals(PhoneVote.CHANGED, s.phoneVote(round, a, 1), "a phone may change its mind");
        assertEquals(1, s.snapshot().tally().total(), "and still has one ballot");
        assertEquals(1, s.snapshot().votesAt(1));
        assertEquals(0, s.snapshot().votesAt(0));
        assertEquals(java.util.Optional.of(1), s.phoneChoice(a), "the phone's page can show what it chose");
        assertEquals(PhoneVote.MALFORMED, s.phoneVote(round, "0".repeat(24) + "." + "0".repeat(32), 0), "a forged token");
        assertEquals(PhoneVote.MALFORMED, s.phoneVote(round, b, 7), "no reply 8");
        assertEquals(PhoneVote.OTHER_DECISION, s.phoneVote("another-session-1", b, 0));
        assertEquals(PhoneVote.ACCEPTED, s.phoneVote(round, b, 1));
        assertEquals(2, s.votedAmong(java.util.Set.of(a, b, "someone-else")));
        s.revealDistribution();
        assertEquals(PhoneVote.LATE, s.phoneVote(round, b, 1), "once the votes are shown, they are closed");
        assertEquals(PhoneVote.LATE, s.phoneVote(round, s.issuePhoneToken(), 0));
        s.revealGrades();
        assertEquals(2, s.snapshot().tally().total());
        s.continueWith(0);
        assertEquals(PhoneVote.LATE, s.phoneVote(round, s.issuePhoneToken(), 0));
    }

    /** The room splits 9 to 8 at the first decision and goes with its majority; at the second the facilitator overrules 15 to 1. */
    private RoomSession splitThenOverruled() {
        RoomSession s = start();
        votes(s, ClassFixtures.LISTEN_BEST, 9);
        votes(s, ClassFixtures.LISTEN_HARMFUL, 8);
        s.continueWithRoom();
        votes(s, ClassFixtures.EMPATHIZE_BEST, 15);
        votes(s, "I understand, but", 1);
        s.continueWith(pos(s, "I understand, but"));
        return s;
    }

    @Test
    void theRoomsDebriefHasTheVoteAtEveryDecisionAndWhereTheRoomSplit() {
        Catalog catalog = Catalog.bundled();
        RoomSession s = splitThenOverruled();
        assertTrue(s.ended());
        assertEquals(Phase.ENDED, s.phase());

        RoomDebrief d = RoomDebrief.of(s, catalog);
        assertEquals("lost", d.debrief().ending().ending().outcome().word());
        assertEquals(2, d.decisions().size());
        RoomDebrief.RoomDecision first = d.decisions().get(0);
        assertEquals(17, first.totalVotes());
        assertTrue(first.split());
        assertTrue(first.roomChoseBest());
        assertTrue(first.describeVote().startsWith("17 votes: reply "), first.describeVote());
        RoomDebrief.RoomDecision second = d.decisions().get(1);
        assertFalse(second.split(), "15 to 1 is agreement");
        assertTrue(second.overruled(), "the facilitator showed what the other reply does");
        assertEquals("harmful", second.taken().grade().word());
        assertEquals(List.of(first), d.splits());
        String summary = d.splitSummary().get(0);
        assertTrue(summary.startsWith("Decision 1 (\"I paid extra for guaranteed delivery"), summary);
        assertTrue(summary.contains("53% for \"That must have been a let-down") && summary.contains("47% for \"Sorry for any inconvenience"), summary);
    }

    @Test
    void theRoomsDebriefOnPaperShowsEveryVoteTheSplitAndTheFacilitatorsOverrule() throws Exception {
        Catalog catalog = Catalog.bundled();
        RoomSession s = splitThenOverruled();
        org.rapport.print.Printable doc = RoomDebriefDocument.of(s.dialogue(), RoomDebrief.of(s, catalog), catalog,
                new org.rapport.print.DebriefDocument.Meta(null, java.time.Instant.parse("2026-11-23T15:00:00Z"), java.time.ZoneOffset.UTC));
        String x = doc.xhtml();
        assertTrue(x.contains("<h1>Room debrief: The parcel that missed the birthday</h1>"), "the heading says whose debrief it is");
        assertTrue(x.contains("Where the room split"));
        assertTrue(x.contains("53% for “") || x.contains("53% for &quot;"), "the split, with its percentages");
        assertTrue(x.contains("The room picked the best reply at 2 of 2 decisions; the facilitator went on with another reply than the room’s 1 time."), x);
        assertTrue(x.contains(">9 (53%)<") && x.contains(">8 (47%)<"), "each reply's votes");
        assertTrue(x.contains("(taken)"), "the reply taken is marked");
        assertTrue(x.contains("The room went on with"));
        assertTrue(x.contains("The facilitator went on with another reply, to show where it leads."));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        doc.writeTo(out, org.rapport.print.Printable.Kind.PDF);
        assertEquals("%PDF", new String(out.toByteArray(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
