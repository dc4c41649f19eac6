package org.rapport.store;

/**
 * One attempt as the history lists it. {@code finished} is 0 and {@code outcome} null for an attempt still open.
 * {@code percent} is the score against the best possible on the path taken.
 */
public record AttemptSummary(String id, String traineeId, String dialogueId, String dialogueTitle, String contentHash,
                             String mode, long started, long finished, String outcome, String endingTitle, int points,
                             int maxPoints, int decisions) {
    public boolean isFinished() {
        return finished > 0;
    }

    public int percent() {
        return maxPoints == 0 ? 0 : Math.round(points * 100f / maxPoints);
    }
}
