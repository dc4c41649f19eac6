package org.rapport.store;

import java.util.List;

/**
 * The store's schema as a versioned list of steps, applied in order on start and recorded in {@code meta}.
 *
 * <p>Why a small list rather than Flyway: the schema is a handful of tables, the same SQL must run on SQLite and on
 * PostgreSQL, and the app must stay a small offline jar. Each step is plain portable SQL (TEXT ids, BIGINT epoch
 * milliseconds, no auto-increment), so one list serves both databases. Steps are never edited once shipped; a change
 * is a new step.
 */
final class Migrations {
    private Migrations() {
    }

    static final List<List<String>> STEPS = List.of(
            // 1: trainees, attempts with their decisions and per-technique scores, and the dialogue text each was played on
            List.of(
                    "CREATE TABLE trainee (id TEXT PRIMARY KEY, name TEXT NOT NULL, created BIGINT NOT NULL,"
                            + " theme TEXT NOT NULL, font_size REAL NOT NULL, default_mode TEXT NOT NULL)",
                    "CREATE TABLE dialogue_snapshot (content_hash TEXT PRIMARY KEY, dialogue_id TEXT NOT NULL, content TEXT NOT NULL)",
                    "CREATE TABLE attempt (id TEXT PRIMARY KEY,"
                            + " trainee_id TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,"
                            + " dialogue_id TEXT NOT NULL, dialogue_title TEXT NOT NULL,"
                            + " content_hash TEXT NOT NULL REFERENCES dialogue_snapshot(content_hash),"
                            + " mode TEXT NOT NULL, start_node TEXT NOT NULL, start_mood INTEGER NOT NULL, seed BIGINT NOT NULL,"
                            + " started BIGINT NOT NULL, finished BIGINT NOT NULL DEFAULT 0, ending_id TEXT, outcome TEXT,"
                            + " ending_title TEXT, points INTEGER NOT NULL DEFAULT 0, max_points INTEGER NOT NULL DEFAULT 0,"
                            + " import_key TEXT UNIQUE)",
                    "CREATE INDEX attempt_by_trainee ON attempt (trainee_id, started)",
                    "CREATE TABLE decision (attempt_id TEXT NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,"
                            + " seq INTEGER NOT NULL, node_id TEXT NOT NULL, offered TEXT NOT NULL, chosen INTEGER NOT NULL,"
                            + " millis BIGINT NOT NULL, mood_before INTEGER NOT NULL, mood_after INTEGER NOT NULL,"
                            + " next_node TEXT NOT NULL, PRIMARY KEY (attempt_id, seq))",
                    "CREATE TABLE technique_score (attempt_id TEXT NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,"
                            + " technique_id TEXT NOT NULL, points INTEGER NOT NULL, max_points INTEGER NOT NULL,"
                            + " PRIMARY KEY (attempt_id, technique_id))"),
            // 2: the outbox of a laptop that also sends to the department's server: how much of each attempt is there,
            // and the unfinished attempts the trainee threw away, to throw away there too
            List.of(
                    "CREATE TABLE sync_state (attempt_id TEXT PRIMARY KEY, decisions_sent INTEGER NOT NULL DEFAULT 0,"
                            + " finish_sent INTEGER NOT NULL DEFAULT 0)",
                    "CREATE TABLE sync_abandoned (attempt_id TEXT PRIMARY KEY)"),
            // 3: on the department's server, the database login that wrote each trainee: the wall between trainees
            // (row-level security, set up by `rapport db init`) lets a login see and write only its own trainees' rows
            List.of("ALTER TABLE trainee ADD COLUMN login TEXT"),
            // Say-it-first and confidence: the trainee's own words, "said aloud", and how sure they were.
            List.of("ALTER TABLE decision ADD COLUMN own_words TEXT",
                    "ALTER TABLE decision ADD COLUMN said_aloud INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE decision ADD COLUMN confidence TEXT"),
            // Drills: each step's Leitner box and when it is due again, per trainee (kept on the trainee's own laptop).
            List.of("CREATE TABLE drill_schedule (trainee_id TEXT NOT NULL REFERENCES trainee(id) ON DELETE CASCADE,"
                    + " step_id TEXT NOT NULL, box INTEGER NOT NULL, due BIGINT NOT NULL, PRIMARY KEY (trainee_id, step_id))"));

    static int latest() {
        return STEPS.size();
    }
}
