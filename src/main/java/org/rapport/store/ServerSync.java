package org.rapport.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The outbox of a laptop that trains against the department's server: every reply is first saved in the laptop's own
 * store (durable, as without a server), and this sends what the server lacks, on its own thread, over a short-lived
 * connection with timeouts (none is held between sends, so hundreds of laptops fit under the server's connection
 * limit). Sending is idempotent: each attempt, decision and snapshot has its own id and the server keeps what it
 * already has ({@code ON CONFLICT DO NOTHING}), so a retry after a lost answer never duplicates. When the server is
 * down, restarted or slow, the outbox waits (1 s, 2 s, 4 s ... at most {@value #MAX_BACKOFF_SECONDS} s) and tries
 * again; nothing the trainee did waits for it.
 */
public final class ServerSync implements AutoCloseable {
    static final int MAX_BACKOFF_SECONDS = 30;
    /** Even with nothing new, look every so often: an earlier failure may have cleared. */
    static final int IDLE_SECONDS = 15;

    /** What the trainee is told: replies the server does not have yet, and why not (null when nothing is wrong). */
    public record Status(int waiting, String problem, long lastSuccess) {
        public boolean allSent() {
            return waiting == 0 && problem == null;
        }

        /** One honest line for the conversation screen. */
        public String describe() {
            if (waiting == 0) return problem == null ? "Saved on this laptop and on the department's server." : "Saved on this laptop. " + problem;
            return "Saved on this laptop; " + waiting + (waiting == 1 ? " reply is" : " replies are") + " waiting for the department's server"
                    + (problem == null ? "." : " (" + problem + ").");
        }
    }

    private final Store local;
    private final String url;
    private final String user;
    private final String password;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rapport-outbox");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private volatile Status status = new Status(0, null, 0);
    private ScheduledFuture<?> next;
    private int failures;

    /** Starts the outbox for {@code local}, sending to the server at {@code url}; a first send runs at once. */
    public ServerSync(Store local, String url, String user, String password) {
        this.local = local;
        this.url = url;
        this.user = user;
        this.password = password;
        this.status = new Status(local.waitingToSend(), null, 0); // what waits from before (a crash, a closed lid) until sent
        nudge();
    }

    /** Something new was saved: send soon (now, unless a failure asked to wait). */
    public synchronized void nudge() {
        if (thread.isShutdown()) return;
        if (failures > 0 && next != null && !next.isDone()) return; // backing off: the scheduled try will take it
        schedule(0);
    }

    private synchronized void schedule(long millis) {
        if (thread.isShutdown()) return;
        if (next != null) next.cancel(false);
        next = thread.schedule(this::pass, millis, TimeUnit.MILLISECONDS);
    }

    public Status status() {
        return status;
    }

    /** Called on the outbox's thread whenever the status changes. */
    public void onStatus(Consumer<Status> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    /** Sends everything waiting, now, on the caller's thread; for a last try when the app closes, and for tests. */
    public Status sendNow() {
        try {
            return thread.submit(this::pass).get(ServerConnection.CONNECT_SECONDS + ServerConnection.SOCKET_SECONDS + 5L, TimeUnit.SECONDS);
        } catch (Exception e) {
            return status;
        }
    }

    private Status pass() {
        long waitMillis;
        try {
            List<Store.Outgoing> work = local.outgoing();
            List<String> abandoned = local.abandonedToSend();
            if (!work.isEmpty() || !abandoned.isEmpty()) send(work, abandoned);
            failures = 0;
            publish(new Status(local.waitingToSend(), null, System.currentTimeMillis()));
            waitMillis = IDLE_SECONDS * 1000L;
        } catch (SQLException | RuntimeException e) {
            failures++;
            int waiting;
            try {
                waiting = local.waitingToSend();
            } catch (RuntimeException ignored) {
                waiting = status.waiting();
            }
            publish(new Status(waiting, problemOf(e), status.lastSuccess()));
            waitMillis = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(5, failures - 1)) * 1000L;
        }
        synchronized (this) {
            if (!thread.isShutdown()) next = thread.schedule(this::pass, waitMillis, TimeUnit.MILLISECONDS);
        }
        return status;
    }

    /**
     * Why the server did not take the replies, in the trainee's words: the replies stay on the laptop in every case,
     * and the outbox tries again.
     */
    static String problemOf(Exception e) {
        String state = null;
        for (Throwable t = e; t != null && state == null; t = t.getCause()) {
            if (t instanceof SQLException q) state = q.getSQLState();
        }
        if (state == null) return "the server could not be reached; trying again";
        return switch (state) {
            // undefined table or schema: the database exists, Rapport's tables do not (yet)
            case "42P01", "3F000" -> "the department's database is not set up for Rapport yet (your administrator runs"
                    + " \"rapport db init\" once); trying again";
            case "28P01", "28000" -> "the server refused this laptop's login; ask your administrator to check it";
            case "42501" -> "this login may not save on the server; ask your administrator to check its rights";
            case "53300", "57P03" -> "the server is busy; trying again";
            default -> state.startsWith("08") || state.startsWith("57")
                    ? "the server could not be reached; trying again"
                    : "the server did not take the replies (" + state + "); trying again";
        };
    }

    private void publish(Status s) {
        status = s;
        for (Consumer<Status> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ignored) {
                // a listener's trouble is not the outbox's
            }
        }
    }

    /** One connection for the whole batch, one transaction per attempt, the local mark only after the server's commit. */
    private void send(List<Store.Outgoing> work, List<String> abandoned) throws SQLException {
        try (Connection c = ServerConnection.connect(url, user, password)) {
            c.setAutoCommit(false);
            for (Store.Outgoing o : work) {
                push(c, o);
                c.commit();
                local.markSent(o.attemptId(), o.decisions().size(), o.finished() > 0);
            }
            for (String id : abandoned) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM attempt WHERE id = ? AND finished = 0")) {
                    p.setString(1, id);
                    p.executeUpdate();
                }
                c.commit();
                local.abandonSent(id);
            }
        }
    }

    private static void push(Connection c, Store.Outgoing o) throws SQLException {
        // The trainee is the login's: the server's walls let each login see and write only the trainees it created.
        exec(c, "INSERT INTO trainee (id, name, created, theme, font_size, default_mode, login) VALUES (?, ?, ?, ?, ?, ?, current_user)"
                        + " ON CONFLICT (id) DO NOTHING",
                o.traineeId(), o.traineeName(), o.traineeCreated(), o.theme(), o.fontSize(), o.defaultMode());
        exec(c, "INSERT INTO dialogue_snapshot (content_hash, dialogue_id, content) VALUES (?, ?, ?) ON CONFLICT (content_hash) DO NOTHING",
                o.contentHash(), o.dialogueId(), o.content());
        exec(c, "INSERT INTO attempt (id, trainee_id, dialogue_id, dialogue_title, content_hash, mode, start_node, start_mood, seed, started,"
                        + " import_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                o.attemptId(), o.traineeId(), o.dialogueId(), o.dialogueTitle(), o.contentHash(), o.mode(), o.startNode(), o.startMood(),
                o.seed(), o.started(), o.importKey());
        for (Store.DecisionRow d : o.decisions()) {
            if (d.seq() <= o.decisionsSent()) continue;
            exec(c, "INSERT INTO decision (attempt_id, seq, node_id, offered, chosen, millis, mood_before, mood_after, next_node,"
                            + " own_words, said_aloud, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, seq) DO NOTHING",
                    o.attemptId(), d.seq(), d.nodeId(), d.offered(), d.chosen(), d.millis(), d.moodBefore(), d.moodAfter(), d.next(),
                    d.ownWords(), d.saidAloud(), d.confidence());
        }
        if (o.finished() > 0 && !o.finishSent()) {
            exec(c, "UPDATE attempt SET finished = ?, ending_id = ?, outcome = ?, ending_title = ?, points = ?, max_points = ? WHERE id = ?",
                    o.finished(), o.endingId(), o.outcome(), o.endingTitle(), o.points(), o.maxPoints(), o.attemptId());
            exec(c, "DELETE FROM technique_score WHERE attempt_id = ?", o.attemptId());
            for (Store.ScoreRow s : o.scores()) {
                exec(c, "INSERT INTO technique_score (attempt_id, technique_id, points, max_points) VALUES (?, ?, ?, ?)",
                        o.attemptId(), s.techniqueId(), s.points(), s.maxPoints());
            }
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            p.executeUpdate();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
