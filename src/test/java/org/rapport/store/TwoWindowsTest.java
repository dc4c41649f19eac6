package org.rapport.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two Rapport windows saving to one store at the same time: every save lands and the file stays sound. */
class TwoWindowsTest {
    @TempDir
    Path dir;

    @Test
    void twoStoresOnOneFileSaveSideBySide() throws Exception {
        byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
        String traineeId;
        try (Store first = Store.openSqlite(dir, Clock.systemUTC())) {
            traineeId = first.createTrainee("Ana").id();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> windows = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            windows.add(pool.submit(() -> {
                int saves = 0;
                try (Store s = Store.openSqlite(dir, Clock.systemUTC())) {
                    for (int round = 0; round < 25; round++) {
                        Playthrough p = Playthrough.startAt(d, "opening", 0, round);
                        String id = s.startAttempt(traineeId, d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
                        int seq = 0;
                        while (!p.ended()) {
                            s.saveDecision(id, ++seq, p.chooseIndex(0, 1).decision());
                            saves++;
                        }
                    }
                }
                return saves;
            }));
        }
        int total = 0;
        for (Future<Integer> f : windows) total += f.get();
        pool.shutdown();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME)); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                assertEquals("ok", r.getString(1));
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM decision")) {
                r.next();
                assertEquals(total, r.getInt(1), "every save from both windows is there");
            }
        }
    }
}
