package org.rapport.store;

import org.rapport.engine.Answer;
import org.rapport.engine.Confidence;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every trainee, attempt and decision, in SQLite (one file in the data folder) or a shared PostgreSQL database.
 * Each save is one transaction; an unfinished attempt is saved after every decision so nothing is lost to a crash.
 * Thread-safe: all access goes through one connection under this object's lock.
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = "rapport.db";

    private final Connection db;
    private final boolean sqlite;
    private final Clock clock;
    private final String notice;

    private Store(Connection db, boolean sqlite, Clock clock, String notice) {
        this.db = db;
        this.sqlite = sqlite;
        this.clock = clock;
        this.notice = notice;
    }

    // == opening ==

    /**
     * Opens (or creates) {@code rapport.db} in {@code dataDir}. A damaged file is moved aside with a timestamp and a
     * fresh store is started; {@link #notice()} then says so. A store from a newer Rapport is refused, untouched.
     */
    public static Store openSqlite(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("Rapport cannot create its data folder " + dataDir + " (" + e.getMessage()
                    + "). Choose another with --data DIR.", e);
        }
        try {
            return open("jdbc:sqlite:" + file, null, null, true, clock, null);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !isCorrupt(sql)) throw e;
            Path aside = moveAside(file, clock);
            return open("jdbc:sqlite:" + file, null, null, true, clock,
                    "Your progress file was damaged and could not be read. It was kept as " + aside.getFileName()
                            + " in " + dataDir + ", and a new, empty one was started.");
        }
    }

    /**
     * Opens the department's shared PostgreSQL store, e.g. {@code jdbc:postgresql://host/rapport}, with the driver's
     * connect, login and socket timeouts set ({@link ServerConnection}). An app never changes the schema: the
     * administrator sets it up once with {@link #initShared} ({@code rapport db init}); a database without it, or from
     * a newer Rapport, is refused with a plain message.
     */
    public static Store openShared(String jdbcUrl, String user, String password, Clock clock) {
        Connection c = null;
        try {
            c = ServerConnection.connect(jdbcUrl, user, password);
            int version = schemaVersionOf(c);
            if (version == 0) {
                throw new StoreException("The department's database has not been set up for Rapport yet. Ask your administrator to run"
                        + " \"rapport db init\" once (see docs/classroom.md).");
            }
            if (version > Migrations.latest()) {
                throw new StoreException("The department's database was set up by a newer version of Rapport (schema " + version
                        + "; this version knows up to " + Migrations.latest() + "). Update Rapport on this laptop.");
            }
            if (version < Migrations.latest()) {
                throw new StoreException("The department's database needs an update for this version of Rapport (schema " + version
                        + " of " + Migrations.latest() + "). Ask your administrator to run \"rapport db init\" again.");
            }
            return new Store(c, false, clock, null);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Rapport cannot reach the department's database (" + ServerConnection.redact(jdbcUrl) + "): "
                    + ServerConnection.redact(String.valueOf(e.getMessage())), e);
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Sets up (or updates) the schema of the department's database: what {@code rapport db init} runs, as a role that
     * may create tables. Safe to run again, and from several places at once: the steps run under a transaction-level
     * advisory lock, so the second waits for the first and then finds nothing to do. Returns the schema version before
     * and after.
     */
    public static int[] initShared(String jdbcUrl, String user, String password) {
        try (Connection c = ServerConnection.connect(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + INIT_LOCK + ")");
                s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            int before = schemaVersionOf(c);
            if (before > Migrations.latest()) {
                c.rollback();
                throw new StoreException("The database was set up by a newer version of Rapport (schema " + before + "); nothing was changed.");
            }
            applySteps(c, before);
            try (Statement s = c.createStatement()) {
                for (String sql : SECURITY) s.execute(sql);
            }
            c.commit();
            return new int[]{before, Migrations.latest()};
        } catch (SQLException e) {
            throw new StoreException("The department's database could not be set up (" + ServerConnection.redact(jdbcUrl) + "): "
                    + ServerConnection.redact(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The walls between trainees on the department's server, kept by PostgreSQL itself (row-level security), set up by
     * every {@code db init} (idempotent). Two group roles: {@code rapport_trainee}, whose logins (one per trainee, or per
     * laptop, made with {@code rapport db add-login}) may read and write only the trainees they created and those
     * trainees' attempts, replies and scores, and may not change a reply once given; and {@code rapport_facilitator},
     * whose logins read everything (class reports) and write nothing. The owner who runs {@code db init} is not bound.
     */
    static final List<String> SECURITY = List.of(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_trainee') THEN CREATE ROLE rapport_trainee NOLOGIN; END IF;"
                    + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_facilitator') THEN CREATE ROLE rapport_facilitator NOLOGIN; END IF; END $$",
            "DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO rapport_trainee, rapport_facilitator', current_schema());"
                    + " EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO rapport_trainee, rapport_facilitator', current_schema()); END $$",
            "GRANT INSERT ON trainee, dialogue_snapshot, attempt, decision, technique_score TO rapport_trainee",
            "GRANT UPDATE (name, theme, font_size, default_mode) ON trainee TO rapport_trainee",
            "GRANT UPDATE (finished, ending_id, outcome, ending_title, points, max_points) ON attempt TO rapport_trainee",
            "GRANT DELETE ON attempt, technique_score TO rapport_trainee",
            "ALTER TABLE trainee ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE attempt ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE decision ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE technique_score ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS own_trainee ON trainee",
            "CREATE POLICY own_trainee ON trainee TO rapport_trainee USING (login = current_user) WITH CHECK (login = current_user)",
            "DROP POLICY IF EXISTS own_attempt ON attempt",
            "CREATE POLICY own_attempt ON attempt TO rapport_trainee USING (trainee_id IN (SELECT id FROM trainee WHERE login = current_user))"
                    + " WITH CHECK (trainee_id IN (SELECT id FROM trainee WHERE login = current_user))",
            "DROP POLICY IF EXISTS own_decision ON decision",
            "CREATE POLICY own_decision ON decision TO rapport_trainee USING (attempt_id IN (SELECT a.id FROM attempt a JOIN trainee t"
                    + " ON t.id = a.trainee_id WHERE t.login = current_user)) WITH CHECK (attempt_id IN (SELECT a.id FROM attempt a JOIN trainee t"
                    + " ON t.id = a.trainee_id WHERE t.login = current_user))",
            "DROP POLICY IF EXISTS own_score ON technique_score",
            "CREATE POLICY own_score ON technique_score TO rapport_trainee USING (attempt_id IN (SELECT a.id FROM attempt a JOIN trainee t"
                    + " ON t.id = a.trainee_id WHERE t.login = current_user)) WITH CHECK (attempt_id IN (SELECT a.id FROM attempt a JOIN trainee t"
                    + " ON t.id = a.trainee_id WHERE t.login = current_user))",
            "DROP POLICY IF EXISTS facilitator_reads ON trainee",
            "CREATE POLICY facilitator_reads ON trainee FOR SELECT TO rapport_facilitator USING (true)",
            "DROP POLICY IF EXISTS facilitator_reads ON attempt",
            "CREATE POLICY facilitator_reads ON attempt FOR SELECT TO rapport_facilitator USING (true)",
            "DROP POLICY IF EXISTS facilitator_reads ON decision",
            "CREATE POLICY facilitator_reads ON decision FOR SELECT TO rapport_facilitator USING (true)",
            "DROP POLICY IF EXISTS facilitator_reads ON technique_score",
            "CREATE POLICY facilitator_reads ON technique_score FOR SELECT TO rapport_facilitator USING (true)");

    /**
     * Creates a database login for a trainee (or a laptop) or a facilitator, with a new random password, which is
     * returned once and never stored by Rapport. Run by the administrator ({@code rapport db add-login}).
     */
    public static String addLogin(String jdbcUrl, String user, String password, String login, boolean facilitator) {
        if (!login.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new StoreException("A login is lower-case letters, digits and underscores, starting with a letter: not \"" + login + "\".");
        }
        byte[] r = new byte[18];
        new java.security.SecureRandom().nextBytes(r);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(r);
        try (Connection c = ServerConnection.connect(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + login + " LOGIN PASSWORD '" + secret + "' IN ROLE " + (facilitator ? "rapport_facilitator" : "rapport_trainee"));
            return secret;
        } catch (SQLException e) {
            throw new StoreException("The login \"" + login + "\" could not be created: " + ServerConnection.redact(String.valueOf(e.getMessage())), e);
        }
    }

    /** The advisory-lock key every {@code db init} takes, so two never change the schema at once. */
    static final long INIT_LOCK = 0x5241_5050_4F52_5401L;

    /** The schema version recorded in {@code meta}; 0 when there is none. */
    private static int schemaVersionOf(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = 'schema_version'");
             ResultSet r = p.executeQuery()) {
            return r.next() ? Integer.parseInt(r.getString(1)) : 0;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) throw e;
            return 0; // no meta table: never set up
        }
    }

    private static Store open(String url, String user, String password, boolean sqlite, Clock clock, String notice) {
        Connection c = null;
        try {
            if (sqlite) {
                // IMMEDIATE: a transaction takes the write lock when it begins, so two windows on one file wait for
                // each other (busy_timeout) instead of failing when a read would have to upgrade to a write.
                java.util.Properties props = new java.util.Properties();
                props.setProperty("transaction_mode", "IMMEDIATE");
                props.setProperty("busy_timeout", "5000");
                // SQLite's driver directly: DriverManager would first load every JDBC driver on the class path
                // (PostgreSQL's among them) on the start-up path, for a database that is not used.
                c = new org.sqlite.JDBC().connect(url, props);
                if (c == null) throw new SQLException("Not a SQLite address: " + url);
            } else {
                c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
            }
            if (sqlite) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 5000");
                    s.execute("PRAGMA foreign_keys = ON");
                    try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                        String result = r.next() ? r.getString(1) : "no answer";
                        if (!"ok".equals(result)) throw new SQLException("quick_check: " + result, "corrupt", 11);
                    }
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = FULL");
                }
            }
            migrate(c);
            return new Store(c, sqlite, clock, notice);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("Rapport cannot open its progress store (" + url + "): " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static boolean isCorrupt(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return e.getErrorCode() == 11 || e.getErrorCode() == 26 || m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT")
                || m.contains("not a database") || m.contains("malformed") || m.startsWith("quick_check");
    }

    private static Path moveAside(Path file, Clock clock) {
        String stamp = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException io) {
            throw new StoreException("The progress file " + file + " is damaged and could not be moved aside (" + io.getMessage() + ").", io);
        }
        return aside;
    }

    private static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        int version = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM meta WHERE key = 'schema_version'");
             ResultSet r = p.executeQuery()) {
            if (r.next()) version = Integer.parseInt(r.getString(1));
        }
        if (version > Migrations.latest()) {
            throw new StoreException("This progress store was written by a newer version of Rapport (schema " + version
                    + "; this version knows up to " + Migrations.latest() + "). Update Rapport to open it; it has not been changed.");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            applySteps(c, version);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Runs the migration steps after {@code version}, recording each in {@code meta}, in the caller's transaction. */
    private static void applySteps(Connection c, int version) throws SQLException {
        for (int v = version + 1; v <= Migrations.latest(); v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : Migrations.STEPS.get(v - 1)) s.execute(sql);
            }
            try (PreparedStatement p = c.prepareStatement(v == 1
                    ? "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
                    : "UPDATE meta SET value = ? WHERE key = 'schema_version'")) {
                p.setString(1, String.valueOf(v));
                p.executeUpdate();
            }
        }
    }

    /** Set when the store had to be recovered on opening; say it to the trainee once. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** For fault-injection tests in this package: the live connection (e.g. to cap its size and simulate a full disk). */
    Connection connectionForTests() {
        return db;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    public synchronized int schemaVersion() {
        return query("SELECT value FROM meta WHERE key = 'schema_version'", List.of(), r -> Integer.parseInt(r.getString(1))).get(0);
    }

    // == trainees ==

    public synchronized List<Trainee> trainees() {
        return query("SELECT id, name, created, theme, font_size, default_mode FROM trainee ORDER BY created, name", List.of(),
                r -> new Trainee(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getDouble(5), r.getString(6)));
    }

    public synchronized Trainee createTrainee(String name) {
        String clean = cleanName(name);
        Trainee t = new Trainee(UUID.randomUUID().toString(), clean, clock.millis(), "light", 14, "assessment");
        update("INSERT INTO trainee (id, name, created, theme, font_size, default_mode) VALUES (?, ?, ?, ?, ?, ?)",
                List.of(t.id(), t.name(), t.created(), t.theme(), t.fontSize(), t.defaultMode()));
        return t;
    }

    public synchronized void renameTrainee(String id, String name) {
        update("UPDATE trainee SET name = ? WHERE id = ?", List.of(cleanName(name), id));
    }

    public synchronized void saveSettings(Trainee t) {
        update("UPDATE trainee SET theme = ?, font_size = ?, default_mode = ? WHERE id = ?",
                List.of(t.theme(), t.fontSize(), t.defaultMode(), t.id()));
    }

    /** Deletes a trainee and, with them, every attempt and decision they made. */
    public synchronized void deleteTrainee(String id) {
        update("DELETE FROM trainee WHERE id = ?", List.of(id));
    }

    private static String cleanName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new StoreException("A trainee needs a name.");
        if (n.length() > 80) throw new StoreException("A name can be at most 80 characters.");
        return n;
    }

    // == attempts ==

    /**
     * Opens an attempt and saves the dialogue text it is played on (once per distinct file content), so the debrief
     * can be shown again exactly even after the file changes or disappears. Returns the attempt id.
     */
    public synchronized String startAttempt(String traineeId, Dialogue d, byte[] fileBytes, String contentHash, Mode mode,
                                            Transcript start) {
        String id = UUID.randomUUID().toString();
        transaction(() -> {
            // Two laptops starting the same dialogue at once both try to insert its snapshot: the second quietly finds it there.
            update("INSERT INTO dialogue_snapshot (content_hash, dialogue_id, content) VALUES (?, ?, ?) ON CONFLICT (content_hash) DO NOTHING",
                    List.of(contentHash, d.id(), new String(fileBytes, StandardCharsets.UTF_8)));
            update("INSERT INTO attempt (id, trainee_id, dialogue_id, dialogue_title, content_hash, mode, start_node, start_mood,"
                            + " seed, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(id, traineeId, d.id(), d.title(), contentHash, mode.key(),
                            start.startNode(), start.startMood(), start.seed(), clock.millis()));
        });
        return id;
    }

    /** Saves one decision (1-based {@code seq}) in its own transaction, before the UI moves on. */
    public synchronized void saveDecision(String attemptId, int seq, Decision d) {
        Answer a = d.answer();
        update("INSERT INTO decision (attempt_id, seq, node_id, offered, chosen, millis, mood_before, mood_after, next_node,"
                        + " own_words, said_aloud, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(attemptId, seq, d.nodeId(), join(d.offered()), d.chosen(), d.millis(), d.moodBefore(), d.moodAfter(), d.next(),
                        a.ownWords(), a.saidAloud() ? 1 : 0, a.confidence() == null ? null : a.confidence().key()));
    }

    public synchronized void finishAttempt(String attemptId, Debrief debrief) {
        transaction(() -> {
            var ending = debrief.ending();
            update("UPDATE attempt SET finished = ?, ending_id = ?, outcome = ?, ending_title = ?, points = ?, max_points = ? WHERE id = ?",
                    Arrays.asList(clock.millis(), ending == null ? null : ending.id(), ending == null ? null : ending.ending().outcome().word(),
                            ending == null ? null : ending.ending().title(), debrief.points(), debrief.maxPoints(), attemptId));
            update("DELETE FROM technique_score WHERE attempt_id = ?", List.of(attemptId));
            for (Debrief.TechniqueScore t : debrief.techniques()) {
                update("INSERT INTO technique_score (attempt_id, technique_id, points, max_points) VALUES (?, ?, ?, ?)",
                        List.of(attemptId, t.techniqueId(), t.points(), t.maxPoints()));
            }
        });
    }

    /** Each drilled step's box and when it is due again, for one trainee. */
    public synchronized Map<String, Drills.Slot> drillSchedule(String traineeId) {
        Map<String, Drills.Slot> out = new java.util.LinkedHashMap<>();
        for (Drills.Slot s : query("SELECT step_id, box, due FROM drill_schedule WHERE trainee_id = ? ORDER BY step_id", List.of(traineeId),
                r -> new Drills.Slot(r.getString(1), r.getInt(2), r.getLong(3)))) {
            out.put(s.stepId(), s);
        }
        return out;
    }

    /** Records where a step stands after a drilled reply. */
    public synchronized void saveDrillSlot(String traineeId, Drills.Slot s) {
        update("INSERT INTO drill_schedule (trainee_id, step_id, box, due) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (trainee_id, step_id) DO UPDATE SET box = excluded.box, due = excluded.due", List.of(traineeId, s.stepId(), s.box(), s.due()));
    }

    /** Throws away an unfinished attempt (the trainee chose not to resume it); the outbox throws it away on the server too. */
    public synchronized void abandon(String attemptId) {
        transaction(() -> {
            if (update("DELETE FROM attempt WHERE id = ? AND finished = 0", List.of(attemptId)) > 0 && sqlite) {
                update("DELETE FROM sync_state WHERE attempt_id = ?", List.of(attemptId));
                update("INSERT INTO sync_abandoned (attempt_id) VALUES (?) ON CONFLICT (attempt_id) DO NOTHING", List.of(attemptId));
            }
        });
    }

    // == the outbox: what this laptop has not yet sent to the department's server ==

    /** A decision row as stored, to send on as it is. */
    public record DecisionRow(int seq, String nodeId, String offered, int chosen, long millis, int moodBefore, int moodAfter, String next,
                              String ownWords, int saidAloud, String confidence) {
    }

    /** The columns of a decision as {@link #decisionOf} reads them, after node_id. */
    private static final String DECISION_COLUMNS = "node_id, offered, chosen, millis, mood_before, mood_after, next_node, own_words, said_aloud, confidence";

    private static Decision decisionOf(java.sql.ResultSet r) throws SQLException {
        Answer a = new Answer(r.getString(8), r.getInt(9) != 0, Confidence.ofKey(r.getString(10)));
        return new Decision(r.getString(1), "", split(r.getString(2)), r.getInt(3), r.getLong(4), r.getInt(5), r.getInt(6), r.getString(7), a);
    }

    /** A technique score of a finished attempt. */
    public record ScoreRow(String techniqueId, int points, int maxPoints) {
    }

    /**
     * Everything the server needs to hold one attempt as this laptop does: its trainee, the dialogue text, the attempt
     * row, every decision so far and, once finished, the ending and scores. Sent whole each time (the server ignores
     * what it already has), so a retry never duplicates and never loses.
     */
    public record Outgoing(String traineeId, String traineeName, long traineeCreated, String theme, double fontSize, String defaultMode,
                           String contentHash, String dialogueId, String content, String attemptId, String dialogueTitle, String mode,
                           String startNode, int startMood, long seed, long started, String importKey, long finished, String endingId,
                           String outcome, String endingTitle, int points, int maxPoints, List<DecisionRow> decisions, List<ScoreRow> scores,
                           int decisionsSent, boolean finishSent) {
        /** Replies (and the finish) the server does not have yet. */
        public int waiting() {
            return Math.max(0, decisions.size() - decisionsSent) + (finished > 0 && !finishSent ? 1 : 0);
        }
    }

    /** Every attempt with something the server lacks, oldest first. */
    public synchronized List<Outgoing> outgoing() {
        List<String[]> heads = query("SELECT a.id, COALESCE(s.decisions_sent, 0), COALESCE(s.finish_sent, 0),"
                + " (SELECT COUNT(*) FROM decision d WHERE d.attempt_id = a.id), a.finished FROM attempt a"
                + " LEFT JOIN sync_state s ON s.attempt_id = a.id ORDER BY a.started, a.id", List.of(), r -> new String[]{
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
        List<Outgoing> out = new ArrayList<>();
        for (String[] h : heads) {
            int sent = Integer.parseInt(h[1]);
            boolean finishSent = Integer.parseInt(h[2]) != 0;
            int count = Integer.parseInt(h[3]);
            long finished = Long.parseLong(h[4]);
            boolean known = !query("SELECT 1 FROM sync_state WHERE attempt_id = ?", List.of(h[0]), r -> 1).isEmpty();
            if (known && sent >= count && (finished == 0 || finishSent)) continue;
            out.add(outgoing(h[0], sent, finishSent));
        }
        return out;
    }

    private Outgoing outgoing(String attemptId, int sent, boolean finishSent) {
        List<DecisionRow> decisions = query("SELECT seq, " + DECISION_COLUMNS + " FROM decision"
                + " WHERE attempt_id = ? ORDER BY seq", List.of(attemptId), r -> new DecisionRow(r.getInt(1), r.getString(2), r.getString(3),
                r.getInt(4), r.getLong(5), r.getInt(6), r.getInt(7), r.getString(8), r.getString(9), r.getInt(10), r.getString(11)));
        List<ScoreRow> scores = query("SELECT technique_id, points, max_points FROM technique_score WHERE attempt_id = ? ORDER BY technique_id",
                List.of(attemptId), r -> new ScoreRow(r.getString(1), r.getInt(2), r.getInt(3)));
        return query("SELECT t.id, t.name, t.created, t.theme, t.font_size, t.default_mode, s.content_hash, s.dialogue_id, s.content,"
                + " a.id, a.dialogue_title, a.mode, a.start_node, a.start_mood, a.seed, a.started, a.import_key, a.finished, a.ending_id,"
                + " a.outcome, a.ending_title, a.points, a.max_points FROM attempt a JOIN trainee t ON t.id = a.trainee_id"
                + " JOIN dialogue_snapshot s ON s.content_hash = a.content_hash WHERE a.id = ?", List.of(attemptId),
                r -> new Outgoing(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getDouble(5), r.getString(6),
                        r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getString(13),
                        r.getInt(14), r.getLong(15), r.getLong(16), r.getString(17), r.getLong(18), r.getString(19), r.getString(20),
                        r.getString(21), r.getInt(22), r.getInt(23), decisions, scores, sent, finishSent)).get(0);
    }

    /** Records that the server now holds {@code decisions} decisions of the attempt, and its finish if {@code finish}. */
    public synchronized void markSent(String attemptId, int decisions, boolean finish) {
        update("INSERT INTO sync_state (attempt_id, decisions_sent, finish_sent) VALUES (?, ?, ?) ON CONFLICT (attempt_id)"
                + " DO UPDATE SET decisions_sent = excluded.decisions_sent, finish_sent = excluded.finish_sent", List.of(attemptId, decisions, finish ? 1 : 0));
    }

    /** Unfinished attempts thrown away here that the server may still hold. */
    public synchronized List<String> abandonedToSend() {
        return query("SELECT attempt_id FROM sync_abandoned ORDER BY attempt_id", List.of(), r -> r.getString(1));
    }

    public synchronized void abandonSent(String attemptId) {
        update("DELETE FROM sync_abandoned WHERE attempt_id = ?", List.of(attemptId));
    }

    /** How many replies (and finishes) the server does not have yet. */
    public synchronized int waitingToSend() {
        return outgoing().stream().mapToInt(Outgoing::waiting).sum();
    }

    private static final String SUMMARY = "SELECT a.id, a.trainee_id, a.dialogue_id, a.dialogue_title, a.content_hash, a.mode, a.started,"
            + " a.finished, a.outcome, a.ending_title, a.points, a.max_points,"
            + " (SELECT COUNT(*) FROM decision d WHERE d.attempt_id = a.id) FROM attempt a";

    private static AttemptSummary summary(ResultSet r) throws SQLException {
        return new AttemptSummary(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getLong(7), r.getLong(8), r.getString(9), r.getString(10), r.getInt(11), r.getInt(12), r.getInt(13));
    }

    /** Every finished attempt of a trainee, newest first. */
    public synchronized List<AttemptSummary> history(String traineeId) {
        return query(SUMMARY + " WHERE a.trainee_id = ? AND a.finished > 0 ORDER BY a.finished DESC, a.id", List.of(traineeId), Store::summary);
    }

    /** The trainee's most recent unfinished attempt with at least one decision, if any: the one to offer to resume. */
    public synchronized Optional<AttemptSummary> unfinished(String traineeId) {
        // A drill answer is one decision, finished as it is saved: one cut off by a crash is not a conversation to resume.
        return query(SUMMARY + " WHERE a.trainee_id = ? AND a.finished = 0 ORDER BY a.started DESC", List.of(traineeId), Store::summary)
                .stream().filter(a -> a.decisions() > 0 && !Mode.DRILL.key().equals(a.mode())).findFirst();
    }

    public synchronized Optional<AttemptSummary> summaryOf(String attemptId) {
        return query(SUMMARY + " WHERE a.id = ?", List.of(attemptId), Store::summary).stream().findFirst();
    }

    /** An attempt with the exact dialogue text it was played on and its transcript. */
    public synchronized StoredAttempt load(String attemptId) {
        AttemptSummary s = summaryOf(attemptId).orElseThrow(() -> new StoreException("No attempt " + attemptId + " in the store."));
        String content = query("SELECT content FROM dialogue_snapshot WHERE content_hash = ?", List.of(s.contentHash()), r -> r.getString(1)).get(0);
        List<Object[]> head = query("SELECT start_node, start_mood, seed, ending_id FROM attempt WHERE id = ?", List.of(attemptId),
                r -> new Object[]{r.getString(1), r.getInt(2), r.getLong(3), r.getString(4)});
        List<Decision> decisions = query("SELECT " + DECISION_COLUMNS + " FROM decision WHERE attempt_id = ? ORDER BY seq", List.of(attemptId), Store::decisionOf);
        Object[] h = head.get(0);
        Transcript t = new Transcript(s.dialogueId(), (String) h[0], (Integer) h[1], (Long) h[2], decisions, (String) h[3]);
        return new StoredAttempt(s, content.getBytes(StandardCharsets.UTF_8), t);
    }

    /** An attempt's recorded replies, without its dialogue's text: for reports that parse each dialogue once. */
    public record Replies(AttemptSummary summary, String startNode, int startMood, long seed, List<Decision> decisions) {
    }

    /** Every finished attempt of a trainee with its replies, oldest first: one query for the heads, one per attempt. */
    public synchronized List<Replies> finishedReplies(String traineeId) {
        List<AttemptSummary> summaries = query(SUMMARY + " WHERE a.trainee_id = ? AND a.finished > 0 ORDER BY a.finished, a.id",
                List.of(traineeId), Store::summary);
        List<Replies> out = new ArrayList<>(summaries.size());
        for (AttemptSummary s : summaries) {
            Object[] h = query("SELECT start_node, start_mood, seed FROM attempt WHERE id = ?", List.of(s.id()),
                    r -> new Object[]{r.getString(1), r.getInt(2), r.getLong(3)}).get(0);
            List<Decision> decisions = query("SELECT " + DECISION_COLUMNS + " FROM decision WHERE attempt_id = ? ORDER BY seq", List.of(s.id()), Store::decisionOf);
            out.add(new Replies(s, (String) h[0], (Integer) h[1], (Long) h[2], decisions));
        }
        return out;
    }

    /** The exact text of the dialogue file with this content hash, as stored with the attempts played on it. */
    public synchronized Optional<byte[]> snapshot(String contentHash) {
        return query("SELECT content FROM dialogue_snapshot WHERE content_hash = ?", List.of(contentHash), r -> r.getString(1)).stream()
                .findFirst().map(c -> c.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The best score per dialogue id over a trainee's finished attempts. A drill answer is one decision, not the
     * dialogue, so it counts toward mastery but never as a result for the dialogue.
     */
    public synchronized Map<String, Integer> bestPercent(String traineeId) {
        Map<String, Integer> best = new LinkedHashMap<>();
        for (AttemptSummary a : history(traineeId)) {
            if (!Mode.DRILL.key().equals(a.mode())) best.merge(a.dialogueId(), a.percent(), Math::max);
        }
        return best;
    }

    /** True when an attempt imported under this key is already in the store. */
    public synchronized boolean hasImportKey(String key) {
        return !query("SELECT 1 FROM attempt WHERE import_key = ?", List.of(key), r -> 1).isEmpty();
    }

    /** A finished attempt read from a history file, ready to store. */
    public record Imported(String key, Dialogue dialogue, byte[] content, String contentHash, Mode mode, long started, long finished,
                           Transcript transcript, Debrief debrief) {
    }

    /** Stores every attempt of an import in one transaction: all of them, or (on any failure) none. */
    public synchronized void importAll(String traineeId, List<Imported> attempts) {
        transaction(() -> {
            for (Imported a : attempts) {
                importAttempt(traineeId, a.key(), a.dialogue(), a.content(), a.contentHash(), a.mode(), a.started(), a.finished(),
                        a.transcript(), a.debrief());
            }
        });
    }

    /** Stores a finished attempt from an import file in one transaction, keyed so the same file never imports twice. */
    public synchronized void importAttempt(String traineeId, String importKey, Dialogue d, byte[] fileBytes, String contentHash,
                                           Mode mode, long started, long finished, Transcript t, Debrief debrief) {
        transaction(() -> {
            String id = startAttempt(traineeId, d, fileBytes, contentHash, mode, t);
            update("UPDATE attempt SET started = ?, import_key = ? WHERE id = ?", List.of(started, importKey, id));
            int seq = 0;
            for (Decision dec : t.decisions()) saveDecision(id, ++seq, dec);
            finishAttempt(id, debrief);
            update("UPDATE attempt SET finished = ? WHERE id = ?", List.of(finished, id));
        });
    }

    // == plumbing ==

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    @FunctionalInterface
    interface Work {
        void run();
    }

    private int txDepth;

    /** Runs {@code work} in one transaction (nested calls join the outer one). */
    synchronized void transaction(Work work) {
        try {
            if (txDepth++ == 0) db.setAutoCommit(false);
            work.run();
            if (txDepth == 1) db.commit();
        } catch (SQLException | RuntimeException e) {
            if (txDepth == 1) rollbackQuietly();
            throw e instanceof StoreException se ? se : new StoreException(saveFailure(e), e);
        } finally {
            if (--txDepth == 0) {
                try {
                    db.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is gone; the next call reports it
                }
            }
        }
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // nothing more to undo
        }
    }

    private static String saveFailure(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_FULL") || m.contains("disk is full")) return "The disk is full, so your progress could not be saved.";
        if (m.contains("SQLITE_READONLY") || m.contains("readonly")) return "The data folder is read-only, so your progress could not be saved.";
        if (m.contains("SQLITE_BUSY") || m.contains("locked")) return "Another program is holding the progress store, so your progress could not be saved yet.";
        return "Your progress could not be saved: " + m;
    }

    private <T> List<T> query(String sql, List<?> args, Row<T> row) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            try (ResultSet r = p.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) out.add(row.read(r));
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException(saveFailure(e), e);
        }
    }

    private int update(String sql, List<?> args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(saveFailure(e), e);
        }
    }

    private static void bind(PreparedStatement p, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
    }

    private static String join(List<Integer> ints) {
        return String.join(",", ints.stream().map(String::valueOf).toList());
    }

    private static List<Integer> split(String s) {
        if (s == null || s.isEmpty()) return List.of();
        return Arrays.stream(s.split(",")).map(Integer::parseInt).toList();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }
}
