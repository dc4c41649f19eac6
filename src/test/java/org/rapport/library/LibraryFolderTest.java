package org.rapport.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryFolderTest {
    @Test
    void theWorkingFoldersDialoguesComeFirst(@TempDir Path dir) throws Exception {
        Path here = Files.createDirectories(dir.resolve("work").resolve("dialogues"));
        Path app = Files.createDirectories(dir.resolve("app").resolve("dialogues")).getParent();
        assertEquals(here, LibraryFolder.resolve(here, Optional.of(app)));
    }

    @Test
    void elseTheDialoguesNextToTheJar(@TempDir Path dir) throws Exception {
        Path here = dir.resolve("work").resolve("dialogues");
        Path app = Files.createDirectories(dir.resolve("app").resolve("dialogues")).getParent();
        assertEquals(app.resolve("dialogues"), LibraryFolder.resolve(here, Optional.of(app)));
    }

    @Test
    void elseTheWorkingFoldersSoTheNoticeNamesIt(@TempDir Path dir) throws Exception {
        Path here = dir.resolve("work").resolve("dialogues");
        Path app = Files.createDirectories(dir.resolve("app"));
        assertEquals(here, LibraryFolder.resolve(here, Optional.of(app)));
        assertEquals(here, LibraryFolder.resolve(here, Optional.empty()));
    }

    @Test
    void fromTheRepositoryItIsTheRepositorysDialogues() {
        // The tests run from the repository root, from target/classes (no jar): the bundled dialogues/ folder.
        assertEquals(Path.of("dialogues"), LibraryFolder.resolve());
        assertTrue(LibraryFolder.jarFolder().isEmpty());
    }
}
