package org.rapport.ui;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * Start-up measurement for the benchmark harness (docs/performance.md); does nothing unless asked.
 *
 * <p>With {@code -Drapport.reportFirstFrame=true} it prints two lines to stderr, each with the wall-clock time:
 * {@code rapport.firstFrame epochMillis=T} in the first pulse of the window (after CSS and layout, as the first frame
 * is drawn), and {@code rapport.libraryShown epochMillis=T} in the first pulse after the library has been read and
 * listed. With {@code -Drapport.exitAfterFirstFrame=true} as well, the app then exits.
 */
public final class FirstFrameReport {
    public static final String REPORT = "rapport.reportFirstFrame";
    public static final String EXIT = "rapport.exitAfterFirstFrame";

    private final Scene scene;
    private final ObservableBooleanValue loading;
    private final boolean exit;
    private final Runnable listener = this::pulse;
    private boolean firstFrame;

    private FirstFrameReport(Scene scene, ObservableBooleanValue loading, boolean exit) {
        this.scene = scene;
        this.loading = loading;
        this.exit = exit;
    }

    /**
     * Reports the first frame of {@code scene}, and the first frame after {@code loading} is false, when
     * {@value #REPORT} is set. Call on the FX thread, after the stage is shown.
     */
    public static void installIfAsked(Scene scene, ObservableBooleanValue loading) {
        if (!Boolean.getBoolean(REPORT)) return;
        FirstFrameReport r = new FirstFrameReport(scene, loading, Boolean.getBoolean(EXIT));
        scene.addPostLayoutPulseListener(r.listener);
    }

    private void pulse() {
        if (!firstFrame) {
            firstFrame = true;
            System.err.println("rapport.firstFrame epochMillis=" + System.currentTimeMillis());
        }
        if (loading.get()) return;
        System.err.println("rapport.libraryShown epochMillis=" + System.currentTimeMillis());
        scene.removePostLayoutPulseListener(listener);
        if (exit) Platform.exit();
    }
}
