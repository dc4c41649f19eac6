package org.rapport.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What only the local SQLite file does: its folder, WAL, recovering a damaged file, refusing a newer schema. */
class SqliteStoreTest extends StoreTest {
    @Test
    void theSchemaIsCreatedOnAnEmptyFolder() {
        assertEquals(Migrations.latest(), store.schemaVersion());
        assertTrue(Files.exists(dir.resolve(Store.FILE_NAME)));
        assertTrue(store.notice().isEmpty());
    }

    @Test
    void aDamagedFileIsMovedAsideAndAFreshStoreStarts() throws IOException {
        store.createTrainee("Ana");
        store.close();
        Path file = dir.resolve(Store.FILE_NAME);
        Files.write(file, "this is not a database at all, just text that ended up here".repeat(100).getBytes(StandardCharsets.UTF_8));
        store = Store.openSqlite(dir, clock);
        assertTrue(store.notice().orElseThrow().contains("damaged"), store.notice().toString());
        assertTrue(store.trainees().isEmpty());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("rapport.db.damaged-20261123")), "the damaged file is kept");
        }
    }

    @Test
    void aStoreFromANewerRapportIsRefusedAndLeftAlone() throws Exception {
        store.close();
        Path file = dir.resolve(Store.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> Store.openSqlite(dir, clock));
        assertTrue(e.getMessage().contains("newer version of Rapport"), e.getMessage());
        assertEquals(before.length, Files.readAllBytes(file).length);
        store = Store.openSqlite(dir.resolve("other"), clock);
    }

    @Test
    void theDatabaseUsesWalAndForeignKeys() throws Exception {
        store.createTrainee("Ana");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertEquals("wal", r.getString(1));
        }
    }

}
