package org.rapport.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Laptops that save every reply locally and send it on to a real PostgreSQL server through the outbox, while the
 * server is cut off, refuses, or stops answering (a proxy between them plays the network), and many at once against
 * the server's connection limit. Runs when RAPPORT_TEST_PG_URL is set (.ci/run starts PostgreSQL and sets it).
 */
@EnabledIfEnvironmentVariable(named = "RAPPORT_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class ServerSyncTest {
    private static final String URL = System.getenv("RAPPORT_TEST_PG_URL");
    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path dir;
    private String schema;
    private String shared;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void schema() throws Exception {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        shared = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Store.initShared(shared, null, null);
    }

    @AfterEach
    void drop() throws Exception {
        for (AutoCloseable c : closing) c.close();
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private <T extends AutoCloseable> T closes(T t) {
        closing.add(0, t);
        return t;
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A laptop: its own store, a trainee, and an attempt at the late parcel whose replies are given one by one. */
    private static final class Laptop {
        final Store store;
        final Trainee trainee;
        final Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
        final byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);

        Laptop(Path folder, String name) {
            store = Store.openSqlite(folder, Clock.systemUTC());
            trainee = store.createTrainee(name);
        }

        /** Plays one whole attempt (best replies), saving each reply locally as the app does; returns the replies given. */
        int play(ServerSync sync) {
            Playthrough p = Playthrough.start(d, 3);
            AttemptRecorder rec = new AttemptRecorder(store, trainee.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT,
                    p.transcript(), null, 0);
            if (sync != null) rec.afterSave(sync::nudge);
            int n = 0;
            while (!p.ended()) {
                var node = (org.rapport.model.CustomerNode) p.current();
                int best = node.choices().stream().filter(c -> c.grade() == org.rapport.model.Grade.BEST).findFirst().orElseThrow().index();
                rec.decision(p.chooseIndex(best, 500).decision());
                n++;
            }
            rec.finish(Debrief.of(d, p.transcript(), CATALOG));
            assertTrue(rec.allSaved(), "every reply is saved on the laptop at once, whatever the server does");
            return n;
        }
    }

    /** Every laptop plays one attempt at the same time, saving locally as it goes. */
    private static void playRound(ExecutorService writers, List<Laptop> laptops, List<ServerSync> syncs) throws Exception {
        List<Future<Integer>> given = new ArrayList<>();
        for (int i = 0; i < laptops.size(); i++) {
            int k = i;
            given.add(writers.submit(() -> laptops.get(k).play(syncs.get(k))));
        }
        for (Future<Integer> f : given) assertEquals(2, f.get());
    }

    private static void waitUntil(int seconds, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) return;
            Thread.sleep(100);
        }
    }

    @Test
    void repliesGivenWhileTheServerIsCutOffOrStopsAnsweringReachItAfterwardsOnceEach() throws Exception {
        Proxy proxy = closes(new Proxy(URI.create(URL.substring(5)).getPort() < 0 ? 5432 : URI.create(URL.substring(5)).getPort()));
        String viaProxy = shared.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        List<Laptop> laptops = new ArrayList<>();
        List<ServerSync> syncs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Laptop l = new Laptop(dir.resolve("laptop" + i), "Trainee " + i);
            closes(l.store);
            laptops.add(l);
            syncs.add(closes(new ServerSync(l.store, viaProxy, null, null)));
        }
        ExecutorService writers = Executors.newFixedThreadPool(20);
        try {
            // Round 1 while the server is there; round 2 while it is cut off (a restart or a crash: connections reset, new
            // ones refused); round 3 while it accepts connections but answers nothing (paused).
            playRound(writers, laptops, syncs);
            proxy.cut();
            playRound(writers, laptops, syncs);
            Thread.sleep(1_500);
            assertTrue(syncs.stream().allMatch(s -> s.status().waiting() > 0), "while the server is away the replies wait, and say so");
            proxy.restore();
            proxy.pause();
            playRound(writers, laptops, syncs);
            Thread.sleep(3_000);
            proxy.restore();
        } finally {
            writers.shutdown();
        }
        int replies = 2; // the late parcel's best path has two decisions
        waitUntil(60, () -> syncs.stream().allMatch(s -> s.sendNow().allSent()));
        for (ServerSync s : syncs) assertEquals(0, s.status().waiting(), s.status().describe());
        assertEquals(60, count(shared, "SELECT COUNT(*) FROM attempt"), "20 laptops x 3 attempts, each once");
        assertEquals(60 * replies, count(shared, "SELECT COUNT(*) FROM decision"), "every reply, none lost and none twice");
        assertEquals(60, count(shared, "SELECT COUNT(*) FROM attempt WHERE finished > 0"), "every finish too");
        assertEquals(20, count(shared, "SELECT COUNT(*) FROM trainee"));
    }

    @Test
    void threeHundredLaptopsAgainstTheServersConnectionLimitAllSave() throws Exception {
        long limit = count(URL, "SELECT setting::int FROM pg_settings WHERE name = 'max_connections'");
        int laptops = (int) Math.max(300, limit + 200);
        List<ServerSync> syncs = new CopyOnWriteArrayList<>();
        ExecutorService start = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < laptops; i++) {
                int k = i;
                done.add(start.submit(() -> {
                    Laptop l = new Laptop(dir.resolve("many" + k), "Many " + k);
                    synchronized (closing) {
                        closing.add(0, l.store);
                    }
                    l.play(null);
                    ServerSync s = new ServerSync(l.store, shared, null, null); // all start sending at once
                    synchronized (closing) {
                        closing.add(0, s);
                    }
                    syncs.add(s);
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            start.shutdown();
        }
        waitUntil(90, () -> syncs.stream().allMatch(s -> s.status().allSent()));
        assertEquals(laptops, syncs.stream().filter(s -> s.status().allSent()).count(), "every laptop's replies reached the server");
        assertEquals(laptops, count(shared, "SELECT COUNT(*) FROM attempt WHERE finished > 0"));
        assertTrue(laptops > limit, laptops + " laptops against max_connections = " + limit);
    }

    @Test
    void twoHundredAppsStartedAtOnceOnAnEmptyDatabaseAllOpenAndTheirRepliesArriveOnceItIsSetUp() throws Exception {
        // A database with nothing of Rapport's in it: the administrator has not run "rapport db init" yet.
        String empty = "e_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + empty);
        }
        String emptyUrl = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + empty;
        try {
            int apps = 200;
            List<ServerSync> syncs = new CopyOnWriteArrayList<>();
            List<Throwable> failed = new CopyOnWriteArrayList<>();
            ExecutorService start = Executors.newFixedThreadPool(apps); // all at the same moment
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < apps; i++) {
                int k = i;
                done.add(start.submit(() -> {
                    try {
                        go.await();
                        Laptop l = new Laptop(dir.resolve("first" + k), "First " + k);
                        synchronized (closing) {
                            closing.add(0, l.store);
                        }
                        ServerSync s = new ServerSync(l.store, emptyUrl, null, null);
                        synchronized (closing) {
                            closing.add(0, s);
                        }
                        syncs.add(s);
                        l.play(s); // the app opened: every reply is saved on the laptop, whatever the server says
                    } catch (Throwable t) {
                        failed.add(t);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get();
            start.shutdown();
            assertEquals(List.of(), failed, "every app opened and saved its replies on the laptop");
            assertEquals(apps, syncs.size());
            waitUntil(20, () -> syncs.stream().allMatch(s -> s.status().problem() != null));
            for (ServerSync s : syncs) {
                assertTrue(s.status().waiting() > 0, "nothing could reach the empty database");
                assertTrue(s.status().describe().contains("not set up for Rapport yet") || s.status().describe().contains("busy"),
                        "the trainee is told why: " + s.status().describe());
            }
            assertTrue(syncs.stream().anyMatch(s -> s.status().describe().contains("rapport db init")), "the usual reason names the fix");

            Store.initShared(emptyUrl, null, null); // the administrator sets the server up
            waitUntil(90, () -> syncs.stream().allMatch(s -> s.status().allSent()));
            assertEquals(apps, syncs.stream().filter(s -> s.status().allSent()).count(), "every app's replies reached the server");
            assertEquals(apps, count(emptyUrl, "SELECT COUNT(*) FROM attempt WHERE finished > 0"));
            assertEquals(apps * 2L, count(emptyUrl, "SELECT COUNT(*) FROM decision"), "each reply once");
        } finally {
            try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + empty + " CASCADE");
            }
        }
    }

    @Test
    void anAbandonedAttemptIsThrownAwayOnTheServerTooAndAnAppNeverChangesTheSchema() throws Exception {
        Laptop l = new Laptop(dir.resolve("one"), "Solo");
        closes(l.store);
        ServerSync sync = closes(new ServerSync(l.store, shared, null, null));
        Playthrough p = Playthrough.start(l.d, 3);
        AttemptRecorder rec = new AttemptRecorder(l.store, l.trainee.id(), l.d, l.bytes, DialogueReader.sha256(l.bytes), Mode.ASSESSMENT,
                p.transcript(), null, 0);
        rec.afterSave(sync::nudge);
        rec.decision(p.chooseIndex(0, 100).decision());
        waitUntil(20, () -> sync.sendNow().allSent());
        assertEquals(1, count(shared, "SELECT COUNT(*) FROM decision"));
        rec.abandon();
        waitUntil(20, () -> { sync.sendNow(); return rethrow(() -> count(shared, "SELECT COUNT(*) FROM attempt")) == 0; });
        assertEquals(0, count(shared, "SELECT COUNT(*) FROM attempt"), "left on purpose: gone on the server too");

        String fresh = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + fresh);
        }
        try {
            String empty = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + fresh;
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> Store.openShared(empty, null, null, Clock.systemUTC()));
            assertTrue(e.getMessage().contains("rapport db init"), e.getMessage());
            assertEquals(0, count(URL, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + fresh + "'"),
                    "an app created nothing");
            // Twenty administrators running `db init` at the same moment: all succeed, one schema.
            ExecutorService admins = Executors.newFixedThreadPool(20);
            try {
                List<Future<int[]>> runs = new ArrayList<>();
                for (int i = 0; i < 20; i++) runs.add(admins.submit(() -> Store.initShared(empty, null, null)));
                for (Future<int[]> f : runs) assertEquals(Migrations.latest(), f.get()[1]);
            } finally {
                admins.shutdown();
            }
            Store.openShared(empty, null, null, Clock.systemUTC()).close();
        } finally {
            try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + fresh + " CASCADE");
            }
        }
    }

    @Test
    void noMessageEverShowsThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?user=ana&password=s3cret-Pa55";
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> Store.openShared(url, "ana", "s3cret-Pa55", Clock.systemUTC()));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertEquals("jdbc:postgresql://ana:***@db.example.org/r", ServerConnection.redact("jdbc:postgresql://ana:pw@db.example.org/r"));
    }

    private interface Sql<T> {
        T get() throws Exception;
    }

    private static <T> T rethrow(Sql<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The network between the laptops and the server: forwards bytes to PostgreSQL, and can be cut (open connections
     * reset, new ones refused: a restart or a crash) or paused (connections accepted, nothing answered).
     */
    static final class Proxy implements AutoCloseable {
        private final int target;
        private volatile ServerSocket server;
        private volatile boolean paused;
        private final int port;
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Proxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            this.port = server.getLocalPort();
            accept(server);
        }

        int port() {
            return port;
        }

        private void accept(ServerSocket ss) {
            Thread t = new Thread(() -> {
                while (!ss.isClosed()) {
                    try {
                        Socket in = ss.accept();
                        Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                        open.add(in);
                        open.add(out);
                        pipe(in, out);
                        pipe(out, in);
                    } catch (IOException e) {
                        // closed, or PostgreSQL went away: the laptop sees a reset
                    }
                }
            }, "proxy-accept");
            t.setDaemon(true);
            t.start();
        }

        private void pipe(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        while (paused) Thread.sleep(50);
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // one side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        /** A restart or a crash: every open connection reset, new ones refused until {@link #restore()}. */
        void cut() throws IOException {
            server.close();
            for (Socket s : open) s.close();
            open.clear();
        }

        /** A server that accepts but never answers. */
        void pause() {
            paused = true;
        }

        void restore() throws IOException {
            paused = false;
            if (server.isClosed()) {
                server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
                accept(server);
            }
        }

        @Override
        public void close() throws IOException {
            paused = false;
            server.close();
            for (Socket s : open) s.close();
        }
    }
}
