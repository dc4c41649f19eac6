package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.classroom.RoomSession.DecidedBy;
import org.rapport.classroom.RoomSession.Step;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Transcript;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-session debrief of the room's path: the engine's debrief of the replies the room went with, plus the vote
 * at every decision and the decisions where the room split. A pure function of the dialogue, the steps and the catalog.
 */
public record RoomDebrief(Debrief debrief, List<RoomDecision> decisions) {

    /** One reply at a decision with the room's votes for it. */
    public record ReplyVotes(int shownNumber, int fileIndex, String say, Grade grade, int votes, int percent) {
    }

    /**
     * One decision: the replies in the order shown with their votes, the room's pick (null when nobody voted or the
     * vote tied), the reply taken and who chose it.
     */
    public record RoomDecision(int number, String nodeId, String customerSaid, List<ReplyVotes> replies, int totalVotes,
                               ReplyVotes roomPick, ReplyVotes taken, DecidedBy decidedBy, boolean split) {
        /** The room's choice was the best reply there was. */
        public boolean roomChoseBest() {
            return roomPick != null && roomPick.grade() == replies.stream().map(ReplyVotes::grade).min(Enum::compareTo).orElse(Grade.BEST);
        }

        /** The facilitator went on with another reply than the room's. */
        public boolean overruled() {
            return decidedBy == DecidedBy.FACILITATOR;
        }

        /** The vote in words: "12 votes: reply 2 (best) 8, reply 1 (weak) 3, reply 3 (harmful) 1." */
        public String describeVote() {
            if (totalVotes == 0) {
                return decidedBy == DecidedBy.SHOW_OF_HANDS ? "Show of hands: reply " + roomPick.shownNumber() + " (" + roomPick.grade().word() + ")."
                        : "No votes were recorded.";
            }
            List<String> parts = new ArrayList<>();
            replies.stream().sorted((a, b) -> Integer.compare(b.votes(), a.votes()))
                    .forEach(r -> parts.add("reply " + r.shownNumber() + " (" + r.grade().word() + ") " + r.votes()));
            return totalVotes + (totalVotes == 1 ? " vote: " : " votes: ") + String.join(", ", parts) + ".";
        }
    }

    public List<RoomDecision> splits() {
        return decisions.stream().filter(RoomDecision::split).toList();
    }

    /** Where the room split, in sentences for the facilitator's summary. */
    public List<String> splitSummary() {
        List<String> out = new ArrayList<>();
        for (RoomDecision d : splits()) {
            List<ReplyVotes> top = d.replies().stream().filter(r -> r.votes() > 0)
                    .sorted((a, b) -> Integer.compare(b.votes(), a.votes())).limit(2).toList();
            out.add("Decision " + d.number() + " (\"" + shorten(d.customerSaid(), 70) + "\"): the room split, "
                    + top.get(0).percent() + "% for \"" + shorten(top.get(0).say(), 60) + "\" (" + top.get(0).grade().word() + ") and "
                    + top.get(1).percent() + "% for \"" + shorten(top.get(1).say(), 60) + "\" (" + top.get(1).grade().word() + ").");
        }
        return out;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }

    public static RoomDebrief of(Dialogue dialogue, Transcript transcript, List<Step> steps, Catalog catalog) {
        Debrief debrief = Debrief.of(dialogue, transcript, catalog);
        List<RoomDecision> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            Decision raw = transcript.decisions().get(i);
            CustomerNode node = (CustomerNode) dialogue.node(st.nodeId());
            Tally t = st.tally();
            List<ReplyVotes> replies = new ArrayList<>();
            for (int pos = 0; pos < raw.offered().size(); pos++) {
                int idx = raw.offered().get(pos);
                Choice c = node.choices().get(idx);
                replies.add(new ReplyVotes(pos + 1, idx, c.say(), c.grade(), t.count(idx), t.percent(idx)));
            }
            Integer pickIdx = st.showOfHands() != null ? st.showOfHands() : t.majority().orElse(null);
            ReplyVotes pick = pickIdx == null ? null : replies.stream().filter(r -> r.fileIndex() == pickIdx).findFirst().orElseThrow();
            ReplyVotes taken = replies.stream().filter(r -> r.fileIndex() == st.chosen()).findFirst().orElseThrow();
            out.add(new RoomDecision(i + 1, node.id(), node.say(), replies, t.total(), pick, taken, st.decidedBy(), t.split()));
        }
        return new RoomDebrief(debrief, out);
    }

    public static RoomDebrief of(RoomSession s, Catalog catalog) {
        return of(s.dialogue(), s.transcript(), s.steps(), catalog);
    }
}
