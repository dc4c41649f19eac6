package org.rapport.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz case on a worker thread and gives up on it after a generous bound, so that a case that hangs fails
 * the property instead of freezing the build. This is a hang detector, not a speed assertion: the bound (10 s by
 * default, {@code -Drapport.fuzz.caseTimeoutSeconds=N}) is hundreds of times what any case needs.
 *
 * <p>One worker thread is reused across cases (a thread per case would dominate a 100,000-case run). When a case
 * times out, its thread is interrupted and abandoned, and a fresh worker takes over.
 */
final class Bounded {
    static final Duration CASE_TIMEOUT = Duration.ofSeconds(Long.getLong("rapport.fuzz.caseTimeoutSeconds", 10));

    private static ExecutorService worker = newWorker();

    private Bounded() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rapport-fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The value {@code work} returns. An AssertionError from {@code work} is rethrown as is; anything else it throws,
     * and a hang, become an AssertionError that names the case.
     */
    static synchronized <T> T call(String what, Callable<T> work) {
        Future<T> f = worker.submit(work);
        try {
            return f.get(CASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("Did not finish within " + CASE_TIMEOUT.toSeconds() + " s (a hang): " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError ae) throw ae;
            throw new AssertionError("Threw " + cause + " on: " + what, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running: " + what, e);
        }
    }
}
