package org.rapport.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What RapportApp.main begins before JavaFX starts is what start() would have done itself, for the same arguments. */
class StartupPreloadTest {
    @Test
    void theStoreAndCatalogOpenedBeforeTheWindowAreTheOnesForItsArguments(@TempDir Path dir) throws Exception {
        List<String> args = List.of("--data", dir.resolve("data").toString(), "--library", dir.toString());
        List<String> others = List.of("--data", dir.resolve("other").toString());
        StartupPreload.begin(others);
        assertNull(StartupPreload.take(args), "work begun for other arguments is not used");
        StartupPreload.begin(args);
        StartupPreload pre = StartupPreload.take(args);
        assertNotNull(pre);
        assertNull(StartupPreload.take(args), "taken once");
        StartupPreload.OpenedStore opened = pre.store();
        try {
            assertNotNull(opened.store(), "opened: " + opened.note());
            assertTrue(Files.exists(dir.resolve("data")), "in the --data folder");
            assertEquals(dir.resolve("data"), pre.dataDir);
            assertNotNull(pre.catalog());
        } finally {
            opened.store().close();
        }
    }

    @Test
    void aStoreThatCannotOpenIsANoteNotACrash(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        StartupPreload.OpenedStore opened = StartupPreload.openStore(List.of(), file);
        assertNull(opened.store());
        assertTrue(opened.note().endsWith("You can still practise, but progress is not being saved."), opened.note());
    }
}
