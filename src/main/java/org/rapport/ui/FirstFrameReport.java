package org.rapport.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up and memory measurement for the benchmark harness (docs/performance.md); does nothing unless asked.
 *
 * <p>With {@code -Drapport.reportFirstFrame=true} it prints two lines to stderr, each with the wall-clock time:
 * {@code rapport.firstFrame epochMillis=T} in the first pulse of the window (after CSS and layout, as the first frame
 * is drawn), and {@code rapport.libraryShown epochMillis=T} in the first pulse after the library has been read and
 * listed. With {@code -Drapport.exitAfterFirstFrame=true} as well, the app then exits.
 *
 * <p>With {@code -Drapport.reportMemory=true} as well, it then plays one dialogue as a trainee would, through the
 * screen's own buttons (the library, the first dialogue's Start, the pre-brief's Start, the first reply shown at each
 * decision, Continue after practice feedback, the debrief),
 * waits {@value #SETTLE_MS} ms with the debrief on screen and prints {@code rapport.memory rssKb=R hwmKb=H anonKb=A fileKb=F heapUsedKb=U heapCommittedKb=C clicks=N}
 * (the process's resident set and its peak, its anonymous and file-backed parts, from /proc/self/status; the heap in use and committed; and the buttons it pressed) before exiting. A window without the library's
 * buttons (the minimal window of the benchmark) reports after the same wait from its first frame.
 */
public final class FirstFrameReport {
    public static final String REPORT = "rapport.reportFirstFrame";
    public static final String EXIT = "rapport.exitAfterFirstFrame";
    public static final String MEMORY = "rapport.reportMemory";
    static final int SETTLE_MS = 1500;
    private static final int TICK_MS = 100;

    private final Scene scene;
    private final ObservableBooleanValue loading;
    private final boolean exit;
    private final boolean memory;
    private final Runnable listener = this::pulse;
    private boolean firstFrame;

    private FirstFrameReport(Scene scene, ObservableBooleanValue loading, boolean exit, boolean memory) {
        this.scene = scene;
        this.loading = loading;
        this.exit = exit;
        this.memory = memory;
    }

    /**
     * Reports the first frame of {@code scene}, and the first frame after {@code loading} is false, when
     * {@value #REPORT} is set. Call on the FX thread, after the stage is shown.
     */
    public static void installIfAsked(Scene scene, ObservableBooleanValue loading) {
        if (!Boolean.getBoolean(REPORT)) return;
        FirstFrameReport r = new FirstFrameReport(scene, loading, Boolean.getBoolean(EXIT), Boolean.getBoolean(MEMORY));
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
        if (memory) {
            playOneThenReport();
        } else if (exit) {
            Platform.exit();
        }
    }

    /** Plays one dialogue through the buttons on screen, one step a tick, then reports memory once it has settled. */
    private void playOneThenReport() {
        int[] settled = {-1};
        int[] clicks = {0};
        Timeline t = new Timeline();
        t.getKeyFrames().add(new KeyFrame(Duration.millis(TICK_MS), e -> {
            if (settled[0] >= 0) {
                if (++settled[0] * TICK_MS >= SETTLE_MS) {
                    t.stop();
                    System.err.println("rapport.memory " + memoryLine() + " clicks=" + clicks[0]);
                    Platform.exit();
                }
                return;
            }
            if (scene.lookup("#score") != null) {              // the debrief is on screen
                settled[0] = 0;
            } else if (fire("#see-debrief") || fire("#begin-conversation") || fire("#continue-conversation") || fire("#choice-1")) {
                clicks[0]++;
            } else if (scene.lookup("#library") == null) {
                if (!fire("#nav-library")) settled[0] = 0;        // no library: a window of another kind
            } else if (fireFirstStart()) {
                clicks[0]++;
            } else {
                settled[0] = 0;                                   // no library buttons: a window of another kind
            }
        }));
        t.setCycleCount(Timeline.INDEFINITE);
        t.play();
    }

    private boolean fire(String selector) {
        Node n = scene.lookup(selector);
        if (n instanceof ButtonBase b && !b.isDisabled()) {
            b.fire();
            return true;
        }
        return false;
    }

    private boolean fireFirstStart() {
        for (Node n : scene.getRoot().lookupAll(".button")) {
            String id = n.getId();
            if (id != null && id.startsWith("start-") && !id.equals("start-suggested") && n instanceof ButtonBase b) {
                b.fire();
                return true;
            }
        }
        return false;
    }

    /** The resident set and its peak, in kB, as Linux reports them; "unknown" elsewhere. */
    static String memoryLine() {
        try {
            String rss = "unknown";
            String hwm = "unknown";
            String anon = "unknown";
            String file = "unknown";
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) rss = line.replaceAll("\\D", "");
                if (line.startsWith("VmHWM:")) hwm = line.replaceAll("\\D", "");
                if (line.startsWith("RssAnon:")) anon = line.replaceAll("\\D", "");
                if (line.startsWith("RssFile:")) file = line.replaceAll("\\D", "");
            }
            java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return "rssKb=" + rss + " hwmKb=" + hwm + " anonKb=" + anon + " fileKb=" + file
                    + " heapUsedKb=" + heap.getUsed() / 1024 + " heapCommittedKb=" + heap.getCommitted() / 1024;
        } catch (IOException | RuntimeException e) {
            return "rssKb=unknown hwmKb=unknown";
        }
    }
}
