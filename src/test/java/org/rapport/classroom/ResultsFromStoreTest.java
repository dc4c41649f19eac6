package org.rapport.classroom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ResultsCollector.ClassResults;
import org.rapport.store.Store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class results read straight from a store, as a facilitator does when the laptops share a database: the same report
 * as from the trainees' exported files, people outside the class left alone, and results that fill in as trainees
 * finish. The SQLite run needs nothing; the PostgreSQL run needs RAPPORT_TEST_PG_URL (.ci/run sets it).
 */
class ResultsFromStoreTest {
    static final Catalog catalog = Catalog.bundled();

    @TempDir
    Path dir;

    @Test
    void theReportFromTheStoreMatchesTheReportFromExportedFiles() throws Exception {
        ClassReport fromFiles = ClassReport.of(new ResultsCollector(catalog, ClassFixtures.HUGE_LIMIT)
                .collect(ClassFixtures.writeFolder(dir.resolve("files"), dir.resolve("results")), ClassFixtures.roster()), catalog);
        try (Store s = Store.openSqlite(dir.resolve("store"), ClassFixtures.ticking())) {
            ClassFixtures.populate(s, catalog);
            checkAgainst(fromFiles, s);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "RAPPORT_TEST_PG_URL", matches = "jdbc:postgresql:.+")
    void theReportReadsLiveFromASharedPostgresStore() throws Exception {
        ClassReport fromFiles = ClassReport.of(new ResultsCollector(catalog, ClassFixtures.HUGE_LIMIT)
                .collect(ClassFixtures.writeFolder(dir.resolve("files"), dir.resolve("results")), ClassFixtures.roster()), catalog);
        String url = System.getenv("RAPPORT_TEST_PG_URL");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String shared = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Store.initShared(shared, null, null);
        try (Store s = Store.openShared(shared, null, null, ClassFixtures.ticking())) {
            ClassReport empty = ClassReport.of(new ResultsCollector(catalog).collect(s, ClassFixtures.roster(), 0), catalog);
            assertTrue(empty.trainees().stream().noneMatch(TraineeRow::hasResults), "nobody has played yet");
            ClassFixtures.populate(s, catalog);
            checkAgainst(fromFiles, s);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void twoProfilesWhoseNamesDifferOnlyByCaseAreFlaggedNotMerged() throws Exception {
        try (Store s = Store.openSqlite(dir.resolve("case"), ClassFixtures.ticking())) {
            ClassFixtures.populate(s, catalog);
            org.rapport.store.Trainee impostor = s.createTrainee("ANA");
            ClassFixtures.play(s, impostor, org.rapport.Fixtures.minimal(), catalog, ClassFixtures.LISTEN_HARMFUL, ClassFixtures.EMPATHIZE_BEST);
            ClassResults results = new ResultsCollector(catalog).collect(s, ClassFixtures.roster(), 1_000);
            assertEquals(0, results.attempts().get("Ana").size(), "neither profile's replies count as Ana's");
            assertTrue(results.skipped().stream().anyMatch(k -> k.reason().equals(
                    "two profiles, \"Ana\" and \"ANA\", both match Ana in the class; neither is counted until one is renamed")), results.skipped().toString());
            assertEquals(1, results.attempts().get("Ben").size(), "the others are counted as before");
        }
    }

    private static void checkAgainst(ClassReport fromFiles, Store s) {
        ClassResults results = new ResultsCollector(catalog).collect(s, ClassFixtures.roster(), 1_000);
        ClassReport fromStore = ClassReport.of(results, catalog);
        assertEquals(List.of(2, 1, 1, 0, 0), fromStore.trainees().stream().map(TraineeRow::attempts).toList(), "Ana 2, Ben 1, Caro 1");
        assertEquals(fromFiles.steps(), fromStore.steps());
        for (int i = 0; i < fromFiles.trainees().size(); i++) {
            TraineeRow f = fromFiles.trainees().get(i);
            TraineeRow st = fromStore.trainees().get(i);
            assertEquals(f.name(), st.name());
            assertEquals(f.stepMastery(), st.stepMastery(), "mastery of " + f.name());
            assertEquals(f.bestPercent(), st.bestPercent(), "best scores of " + f.name());
        }
        assertEquals(fromFiles.classStepMastery(), fromStore.classStepMastery());
        assertEquals(fromFiles.missed().get(0).nodeId(), fromStore.missed().get(0).nodeId());
        assertEquals(fromFiles.completionPercent(), fromStore.completionPercent());
        assertTrue(results.used().stream().noneMatch(u -> u.file().contains("Zed")), "Zed is not in the class and is left alone");
        assertTrue(results.skipped().stream().noneMatch(u -> u.file().contains("Zed")), "nor reported as a problem");
        assertTrue(results.skipped().stream().anyMatch(u -> u.file().equals("shared store: Eve") && u.reason().startsWith("dialogue not in the class")),
                results.skipped().toString());
    }
}
