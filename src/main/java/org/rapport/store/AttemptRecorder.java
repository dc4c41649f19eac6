package org.rapport.store;

import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saves one attempt as it is played: the start, every decision the moment it is made, and the finish. If the store
 * fails (full disk, read-only folder, locked database), nothing is dropped: the steps wait in memory, the failure is
 * reported, and the next save (or {@link #retry()}) writes everything still pending, in order.
 */
public final class AttemptRecorder {
    private final Store store;
    private final String traineeId;
    private final Dialogue dialogue;
    private final byte[] fileBytes;
    private final String contentHash;
    private final Mode mode;
    private final Transcript start;
    private String attemptId;
    private final List<Decision> pending = new ArrayList<>();
    private int saved;
    private Debrief pendingFinish;
    private String problem;
    private Runnable afterSave = () -> { };

    /** Starts recording; {@code resumeId} continues an attempt already in the store (with {@code alreadySaved} decisions). */
    public AttemptRecorder(Store store, String traineeId, Dialogue dialogue, byte[] fileBytes, String contentHash, Mode mode,
                           Transcript start, String resumeId, int alreadySaved) {
        this.store = store;
        this.traineeId = traineeId;
        this.dialogue = dialogue;
        this.fileBytes = fileBytes;
        this.contentHash = contentHash;
        this.mode = mode;
        this.start = start;
        this.attemptId = resumeId;
        this.saved = alreadySaved;
        retry();
    }

    /** Runs after every successful save (the outbox to the department's server listens here). */
    public void afterSave(Runnable r) {
        afterSave = r == null ? () -> { } : r;
    }

    public void decision(Decision d) {
        pending.add(d);
        retry();
    }

    public void finish(Debrief debrief) {
        pendingFinish = debrief;
        retry();
    }

    /** Writes whatever is pending. Returns true when everything the trainee did is in the store. */
    public boolean retry() {
        try {
            if (attemptId == null) attemptId = store.startAttempt(traineeId, dialogue, fileBytes, contentHash, mode, start);
            while (!pending.isEmpty()) {
                store.saveDecision(attemptId, saved + 1, pending.get(0));
                pending.remove(0);
                saved++;
            }
            if (pendingFinish != null) {
                store.finishAttempt(attemptId, pendingFinish);
                pendingFinish = null;
            }
            problem = null;
            afterSave.run();
            return true;
        } catch (StoreException e) {
            problem = e.getMessage();
            return false;
        }
    }

    /** The trainee left on purpose: the unfinished attempt is removed so it is not offered for resume. */
    public void abandon() {
        pending.clear();
        pendingFinish = null;
        if (attemptId == null) return;
        try {
            store.abandon(attemptId);
        } catch (StoreException e) {
            problem = e.getMessage();
        }
    }

    /** The last save failure, in plain words, while something is still waiting to be saved. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public boolean allSaved() {
        return problem == null && pending.isEmpty() && pendingFinish == null && attemptId != null;
    }

    public String attemptId() {
        return attemptId;
    }

    public int pendingCount() {
        return pending.size() + (pendingFinish != null ? 1 : 0) + (attemptId == null ? 1 : 0);
    }
}
