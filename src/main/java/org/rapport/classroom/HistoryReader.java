package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.store.AttemptSummary;
import org.rapport.store.HistoryFile;
import org.rapport.store.HistoryParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trainee's exported history ({@link HistoryFile}: {@code "kind": "rapport-history"}, format 1) without
 * importing it anywhere, through the same strict {@link HistoryParser} as an import. Every attempt is replayed on the
 * dialogue copy it carries, so an attempt that does not fit its dialogue, or whose times can't be true, is reported
 * rather than counted.
 */
public final class HistoryReader {
    private HistoryReader() {
    }

    /** One finished attempt from a history file, with its debrief. */
    public record ResultAttempt(String key, String trainee, Dialogue dialogue, String contentHash, String mode, long started,
                                long finished, Transcript transcript, Debrief debrief) {
        /** The attempt as the progress computation needs it. */
        public AttemptSummary summary() {
            var e = debrief.ending();
            return new AttemptSummary(key, trainee, dialogue.id(), dialogue.title(), contentHash, mode, started, finished,
                    e == null ? null : e.ending().outcome().word(), e == null ? null : e.ending().title(), debrief.points(),
                    debrief.maxPoints(), transcript.decisions().size());
        }
    }

    /** A history file as read: whose it is, when it was exported, its attempts, and the attempts left out with why. */
    public record TraineeHistory(String trainee, long exported, List<ResultAttempt> attempts, List<String> problems) {
    }

    /** Reads a history file's bytes; throws {@link IllegalArgumentException} with a plain reason when it is not one. */
    public static TraineeHistory read(byte[] bytes, Catalog catalog) {
        return read(bytes, catalog, System.currentTimeMillis());
    }

    /**
     * Reads a history file's bytes strictly ({@link HistoryParser}): {@code now} bounds the times an attempt can have.
     * Attempts that fail a check are left out, each with its reason.
     */
    public static TraineeHistory read(byte[] bytes, Catalog catalog, long now) {
        HistoryParser.Parsed p = HistoryParser.parse(bytes, now);
        List<ResultAttempt> out = new ArrayList<>();
        for (HistoryParser.Attempt a : p.attempts()) {
            out.add(new ResultAttempt(a.key(), p.trainee(), a.dialogue(), a.contentHash(), a.mode(), a.started(), a.finished(),
                    a.transcript(), Debrief.of(a.dialogue(), a.transcript(), catalog)));
        }
        List<String> problems = p.problems().stream().map(m -> m.replaceFirst("^(attempt \\d+): ", "$1 left out: ")).toList();
        return new TraineeHistory(p.trainee(), p.exported(), out, problems);
    }
}
