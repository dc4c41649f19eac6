package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.classroom.RoomDebrief.ReplyVotes;
import org.rapport.classroom.RoomDebrief.RoomDecision;
import org.rapport.model.Dialogue;
import org.rapport.print.DebriefDocument;
import org.rapport.print.Printable;

import java.util.List;

import static org.rapport.print.Xhtml.esc;

/** The room's debrief on paper: the debrief of the room's path, with the vote at every decision and where the room split. */
public final class RoomDebriefDocument implements DebriefDocument.Extras {
    private final RoomDebrief room;

    private RoomDebriefDocument(RoomDebrief room) {
        this.room = room;
    }

    public static Printable of(Dialogue d, RoomDebrief room, Catalog catalog, DebriefDocument.Meta meta) {
        return DebriefDocument.of(d, room.debrief(), catalog, meta, new RoomDebriefDocument(room));
    }

    @Override
    public String kind() {
        return "Room debrief";
    }

    @Override
    public String replyLabel() {
        return "The room went on with";
    }

    @Override
    public void afterScore(StringBuilder h) {
        h.append("<h2>Where the room split</h2>\n");
        List<String> splits = room.splitSummary();
        if (splits.isEmpty()) {
            h.append("<p>The room never split: at every decision most of the votes went one way.</p>\n");
        } else {
            h.append("<ul>\n");
            for (String s : splits) h.append("<li>").append(esc(s)).append("</li>\n");
            h.append("</ul>\n");
        }
        long best = room.decisions().stream().filter(RoomDecision::roomChoseBest).count();
        long overruled = room.decisions().stream().filter(RoomDecision::overruled).count();
        h.append("<p>The room picked the best reply at ").append(best).append(" of ").append(room.decisions().size()).append(" decisions");
        if (overruled > 0) {
            h.append("; the facilitator went on with another reply than the room’s ").append(overruled).append(overruled == 1 ? " time" : " times");
        }
        h.append(".</p>\n");
    }

    @Override
    public void beforeReply(int number, StringBuilder h) {
        RoomDecision rd = room.decisions().get(number - 1);
        h.append("<table class=\"votes wide\">\n<thead><tr><th class=\"num\">#</th><th>Reply as shown</th><th>Grade</th><th class=\"num\">Votes</th><th></th></tr></thead>\n<tbody>\n");
        for (ReplyVotes v : rd.replies()) {
            boolean taken = v.fileIndex() == rd.taken().fileIndex();
            h.append("<tr><td class=\"num\">").append(v.shownNumber()).append("</td><td>").append(taken ? "<strong>" : "")
                    .append(esc(v.say())).append(taken ? "</strong> (taken)" : "").append("</td><td><span class=\"grade ").append(v.grade().word())
                    .append("\">").append(v.grade().word()).append("</span></td><td class=\"num\">").append(v.votes()).append(" (").append(v.percent())
                    .append("%)</td><td><div class=\"bar\"><div class=\"fill\" style=\"width: ").append(v.percent()).append("%;\"></div></div></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"small muted\">").append(esc(rd.describeVote()));
        if (rd.split()) h.append(" The room split here.");
        if (rd.overruled()) h.append(" The facilitator went on with another reply, to show where it leads.");
        h.append("</p>\n");
    }
}
