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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walls between trainees on the department's server, tried through JDBC with real logins: each trainee's laptop
 * sends through its own login; one trainee can't read, change or delete another's rows (PostgreSQL refuses or hides
 * them), a reply once given can't be changed, and the facilitator reads everything and writes nothing.
 */
@EnabledIfEnvironmentVariable(named = "RAPPORT_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class ServerWallsTest {
    private static final String URL = System.getenv("RAPPORT_TEST_PG_URL");

    @TempDir
    Path dir;
    private String schema;
    private String base;
    private final List<String> logins = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        base = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Store.initShared(base, null, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
            for (String l : logins) {
                s.execute("DROP ROLE " + l);
            }
        }
    }

    /** A login's URL: the test server and schema, without the owner's user and password. */
    private String as() {
        return "jdbc:postgresql://" + URL.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "") + "?currentSchema=" + schema;
    }

    private String login(String prefix, boolean facilitator, String[] password) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        password[0] = Store.addLogin(base, null, null, name, facilitator);
        logins.add(name);
        return name;
    }

    /** A trainee's laptop sends one finished attempt through its own login. Returns the attempt id. */
    private String laptopSends(String name, String login, String password) {
        Store local = Store.openSqlite(dir.resolve(name), Clock.systemUTC());
        try (local; ServerSync sync = new ServerSync(local, as(), login, password)) {
            Trainee t = local.createTrainee(name);
            Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
            byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
            Playthrough p = Playthrough.start(d, 5);
            AttemptRecorder rec = new AttemptRecorder(local, t.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript(), null, 0);
            while (!p.ended()) rec.decision(p.chooseIndex(0, 100).decision());
            rec.finish(Debrief.of(d, p.transcript(), Catalog.bundled()));
            assertTrue(sync.sendNow().allSent(), sync.status().describe());
            return rec.attemptId();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aTraineeCanNeitherReadNorChangeNorDeleteAnothersRowsAndTheFacilitatorReadsAll() throws Exception {
        String[] anaPw = new String[1];
        String[] benPw = new String[1];
        String[] facPw = new String[1];
        String ana = login("ana", false, anaPw);
        String ben = login("ben", false, benPw);
        String fac = login("fac", true, facPw);
        laptopSends("Ana", ana, anaPw[0]);
        String bens = laptopSends("Ben", ben, benPw[0]);

        try (Connection c = DriverManager.getConnection(as(), ana, anaPw[0]); Statement s = c.createStatement()) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM trainee"), "Ana sees only herself");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM attempt"), "and only her attempt");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM decision WHERE attempt_id = '" + bens + "'"), "not Ben's replies");
            assertEquals(0, s.executeUpdate("UPDATE attempt SET points = 0 WHERE id = '" + bens + "'"), "Ben's attempt is not there for her");
            assertEquals(0, s.executeUpdate("DELETE FROM attempt WHERE id = '" + bens + "'"));
            assertEquals(0, s.executeUpdate("UPDATE trainee SET name = 'Ana too' WHERE name = 'Ben'"));
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE decision SET chosen = 0"));
            assertTrue(update.getMessage().contains("permission denied"), "no reply can be changed once given: " + update.getMessage());
            SQLException plant = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO decision (attempt_id, seq, node_id, offered,"
                    + " chosen, millis, mood_before, mood_after, next_node) VALUES ('" + bens + "', 9, 'opening', '0,1', 0, 1, 0, 0, 'won')"));
            assertTrue(plant.getMessage().contains("row-level security"), "nor added to Ben's attempt: " + plant.getMessage());
            SQLException impersonate = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO trainee (id, name, created, theme,"
                    + " font_size, default_mode, login) VALUES ('x', 'Ben', 0, 'light', 14, 'assessment', '" + ben + "')"));
            assertTrue(impersonate.getMessage().contains("row-level security"), impersonate.getMessage());
        }
        try (Connection c = DriverManager.getConnection(as(), fac, facPw[0]); Statement s = c.createStatement()) {
            assertEquals(2, count(c, "SELECT COUNT(*) FROM attempt"), "the facilitator reads every trainee");
            assertTrue(count(c, "SELECT COUNT(*) FROM decision") >= 4);
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE attempt SET points = 0"), "and writes nothing");
        }
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            assertEquals(2, count(c, "SELECT COUNT(*) FROM attempt"), "Ben's attempt is still whole");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM decision WHERE seq = 9"));
            try (ResultSet r = s.executeQuery("SELECT points FROM attempt WHERE id = '" + bens + "'")) {
                r.next();
                assertTrue(r.getInt(1) > 0, "Ben's score untouched");
            }
        }
        // The facilitator's class report reads through the facilitator's login.
        try (Store shared = Store.openShared(as(), fac, facPw[0], Clock.systemUTC())) {
            assertEquals(2, shared.trainees().size());
        }
    }
}
