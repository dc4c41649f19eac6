package org.rapport.lms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The player is whatever files.txt lists, copied under player/; a build without it is told so. */
class LmsPlayerFilesTest {
    static ClassLoader loader(Path root) throws Exception {
        return new URLClassLoader(new URL[]{root.toUri().toURL()}, null);
    }

    static Path folder(Path root) throws Exception {
        Path f = root.resolve(PlayerFiles.FOLDER);
        Files.createDirectories(f);
        return f;
    }

    @Test
    void everyListedFileAndOnlyThoseAreTaken(@TempDir Path root) throws Exception {
        Path f = folder(root);
        Files.writeString(f.resolve("files.txt"), "# the player\nindex.html\n\nfonts/a.woff2\r\nengine.js\n");
        Files.writeString(f.resolve("index.html"), "<p>");
        Files.createDirectories(f.resolve("fonts"));
        Files.write(f.resolve("fonts/a.woff2"), new byte[]{0, 1, 2});
        Files.writeString(f.resolve("engine.js"), "//");
        Files.writeString(f.resolve("notes.txt"), "not listed");
        PlayerFiles p = PlayerFiles.fromClassPath(loader(root));
        assertEquals(List.of("index.html", "fonts/a.woff2", "engine.js"), List.copyOf(p.files().keySet()));
        var pkg = LmsPackage.of(List.of(LmsPackageTest.ONE), new LmsOptions(LmsStandard.SCORM12), org.rapport.catalog.Catalog.bundled());
        var zip = LmsTestSupport.unzip(pkg.zip(p));
        assertTrue(zip.containsKey("player/fonts/a.woff2") && !zip.containsKey("player/notes.txt"), zip.keySet().toString());
        assertTrue(pkg.manifest(p).contains("<file href=\"player/fonts/a.woff2\"/>"));
    }

    @Test
    void aMissingPlayerFileIsNamedAndTheBuildStepToRunIsSaid(@TempDir Path root) throws Exception {
        Path f = folder(root);
        Files.writeString(f.resolve("files.txt"), "index.html\nengine.js\n");
        Files.writeString(f.resolve("index.html"), "<p>");
        LmsException e = assertThrows(LmsException.class, () -> PlayerFiles.fromClassPath(loader(root)));
        assertEquals("The web player is missing from this build: engine.js; build with mvn package.", e.getMessage());
        assertEquals(LmsException.Kind.BUILD, e.kind());
        LmsException none = assertThrows(LmsException.class, () -> PlayerFiles.fromClassPath(loader(root.resolve("nothing"))));
        assertTrue(none.getMessage().startsWith("The web player is missing from this build"), none.getMessage());
    }

    @Test
    void aListedNameThatLeavesThePlayerFolderIsRefused(@TempDir Path root) throws Exception {
        Path f = folder(root);
        Files.writeString(f.resolve("files.txt"), "index.html\n../../catalog/techniques.json\n");
        Files.writeString(f.resolve("index.html"), "<p>");
        assertThrows(LmsException.class, () -> PlayerFiles.fromClassPath(loader(root)));
    }

    @Test
    void thisBuildsPlayerHasAPage() {
        assertTrue(PlayerFiles.bundled().files().containsKey("index.html"));
    }
}
