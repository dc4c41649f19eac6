package org.rapport.format;

import org.rapport.format.json.JsonValue;
import org.rapport.format.json.StrictJsonParser;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Maps a large file's nodes on a second thread while the parser goes on reading the next ones: the parser hands the
 * nodes over through a bounded queue, in file order, {@value #BATCH} at a time, and this thread passes them to the
 * mapper's own stream, so the mapper sees exactly what it would have seen on the parser's thread. Used for files over
 * {@link DialogueReader#PIPELINE_FROM} characters only; a small file is not worth a thread.
 *
 * <p>In batches because a node at a time woke the other thread for nearly every node: on the 10,000-node file that
 * was some ten thousand sleeps and wake-ups through the kernel, and the two threads barely overlapped.
 */
final class MappingThread implements StrictJsonParser.ObjectStream {
    /** The end of the nodes (or of the parse, when it failed). */
    private static final Object[] END_BATCH = new Object[0];

    private final StrictJsonParser.ObjectStream target;
    /** Members (and the Begin) handed over at a time. */
    static final int BATCH = 64;

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(16);
    private Object[] batch = new Object[BATCH];
    private int filled;
    private final Thread thread;
    private Throwable failure;

    private record Begin(long at) {
    }

    MappingThread(StrictJsonParser.ObjectStream target) {
        this.target = target;
        this.thread = new Thread(this::run, "dialogue-mapper");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void begin(long at) {
        add(new Begin(at));
    }

    @Override
    public void member(JsonValue.Member member) {
        add(member);
    }

    private void add(Object o) {
        batch[filled++] = o;
        if (filled == BATCH) flush();
    }

    /** Hands over what has been added since the last batch; a short batch ends with null. */
    private void flush() {
        if (filled == 0) return;
        put(batch);
        batch = new Object[BATCH];
        filled = 0;
    }

    /**
     * Waits until every node handed over has been mapped. Call once the parse has ended, whether or not it failed; an
     * error the mapper ran into is thrown here, on the reading thread.
     */
    void finish() {
        flush();
        put(END_BATCH);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
    }

    private void put(Object[] o) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(o);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        while (true) {
            Object[] items;
            try {
                items = queue.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; the reader always ends it with END_BATCH
            }
            if (items == END_BATCH) return;
            if (failure != null) continue; // keep draining, so that the parser never waits on a full queue
            try {
                for (Object o : items) {
                    if (o == null) break;
                    if (o instanceof Begin b) {
                        target.begin(b.at());
                    } else {
                        target.member((JsonValue.Member) o);
                    }
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }
    }
}
