package org.rapport.store;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Transcript;
import org.rapport.format.DialogueReader;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;

import java.util.List;

/** An attempt as stored: its summary, the exact dialogue file it was played on, and its transcript. */
public record StoredAttempt(AttemptSummary summary, byte[] dialogueBytes, Transcript transcript) {

    /** The dialogue as it was when the attempt was played (even if the file has since changed or gone). */
    public Dialogue dialogue() {
        var read = new DialogueReader().read(summary.dialogueId() + ".json", dialogueBytes);
        if (read.dialogue() == null) throw new StoreException("The stored copy of \"" + summary.dialogueTitle() + "\" cannot be read.");
        return read.dialogue();
    }

    /** The transcript with the customer's words filled in from the stored dialogue. */
    public Transcript fullTranscript(Dialogue d) {
        List<Decision> filled = transcript.decisions().stream().map(x -> new Decision(x.nodeId(),
                d.node(x.nodeId()) instanceof CustomerNode c ? c.say() : "", x.offered(), x.chosen(), x.millis(), x.moodBefore(),
                x.moodAfter(), x.next(), x.answer())).toList();
        return new Transcript(transcript.dialogueId(), transcript.startNode(), transcript.startMood(), transcript.seed(), filled,
                transcript.endingId());
    }

    public Debrief debrief(Catalog catalog) {
        Dialogue d = dialogue();
        return Debrief.of(d, fullTranscript(d), catalog);
    }
}
