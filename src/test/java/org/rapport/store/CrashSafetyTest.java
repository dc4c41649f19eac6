package org.rapport.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a child JVM that is saving attempts with SIGKILL at random moments. After every kill the store must open,
 * pass {@code PRAGMA integrity_check}, and hold every save the child reported as committed. 20 kills in the normal
 * build; {@code mvn verify -Preliability} runs 200.
 */
class CrashSafetyTest {
    @TempDir
    Path data;

    @Test
    void everyAcknowledgedSaveSurvivesSigkill() throws Exception {
        int kills = Integer.getInteger("rapport.crash.kills", 20);
        Random random = new Random(20261123);
        Set<String> acknowledged = new HashSet<>();
        Set<String> finished = new HashSet<>();
        int totalSaves = 0;
        for (int k = 0; k < kills; k++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), data.toString());
            pb.redirectErrorStream(true);
            Process child = pb.start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the child was killed mid-line
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (lines.contains("ready")) break;
                }
                Thread.sleep(5);
            }
            Thread.sleep(20 + random.nextInt(400)); // let it save for a random while
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
            synchronized (lines) {
                for (String l : lines) {
                    if (l.startsWith("saved ")) {
                        acknowledged.add(l.substring(6));
                        totalSaves++;
                    } else if (l.startsWith("finished ")) {
                        finished.add(l.substring(9));
                    }
                }
            }
            assertIntactWith(acknowledged, finished);
        }
        assertTrue(totalSaves > kills, "the child saved between kills (" + totalSaves + " saves over " + kills + " kills)");
    }

    private void assertIntactWith(Set<String> acknowledged, Set<String> finished) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME)); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                assertEquals("ok", r.getString(1));
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet r = s.executeQuery("SELECT attempt_id || ' ' || seq FROM decision")) {
                while (r.next()) stored.add(r.getString(1));
            }
            for (String a : acknowledged) assertTrue(stored.contains(a), "acknowledged save missing after SIGKILL: " + a);
            Set<String> done = new HashSet<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM attempt WHERE finished > 0")) {
                while (r.next()) done.add(r.getString(1));
            }
            assertTrue(done.containsAll(finished), "a finished attempt lost its finish");
        }
        try (Store reopened = Store.openSqlite(data, Clock.systemUTC())) {
            assertTrue(reopened.notice().isEmpty(), "the store opens cleanly after the kill");
        }
    }
}
