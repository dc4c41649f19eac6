package org.rapport.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one door between threads: the only class that calls {@code Platform.runLater}. Slow work (loading a library)
 * runs on a daemon thread and hands its result back to the FX thread, so the window never freezes.
 */
public final class UiExecutor {
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rapport-background");
        t.setDaemon(true);
        return t;
    });

    private UiExecutor() {
    }

    /** Runs on the FX thread: now if already there, else as soon as possible. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Runs on the FX thread after the current event and layout pass, even when called from the FX thread. */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }

    /** Runs {@code work} in the background, then {@code done} or {@code failed} on the FX thread. */
    public static <T> void background(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        BACKGROUND.execute(() -> {
            try {
                T result = work.call();
                onFx(() -> done.accept(result));
            } catch (Exception | Error e) {
                onFx(() -> failed.accept(e));
            }
        });
    }
}
