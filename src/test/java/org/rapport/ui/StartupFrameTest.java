package org.rapport.ui;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app as `java -jar` starts it: the window shows at once with the app's name, and the first screen (on a first
 * run, "Who is practising?") replaces that opening frame in the same window once the store, the catalog and the
 * screens are made.
 */
class StartupFrameTest {
    private RapportApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowOpensWithTheAppsNameAndThenShowsTheFirstScreen(@TempDir Path dir) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (RapportApp) FxToolkit.setupApplication(RapportApp.class, "--data", dir.resolve("data").toString(),
                "--library", Path.of("dialogues").toAbsolutePath().toString());
        Scene scene = stage.getScene();
        assertNotNull(scene, "start() put a scene in the window before anything slow");
        assertTrue(stage.isShowing());
        try {
            // A first run (a fresh data folder) asks who is practising before it shows the library.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scene.lookup("#profiles") != null || scene.lookup("#library") != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no screen after 20 s; the window holds " + scene.getRoot() + " " + scene.getRoot().getChildrenUnmodifiable());
        }
        assertTrue(scene.getRoot() instanceof AppShell, "the screens replaced the opening frame in the same window");
        assertTrue(scene.getRoot().lookupAll(".label").stream().anyMatch(n -> n instanceof Labeled l && "Rapport".equals(l.getText())),
                "the app bar names the app");
        assertNotNull(stage.getOnCloseRequest(), "closing asks the shell first (unsent replies, unsaved edits)");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !((AppShell) scene.getRoot()).libraryViewModel().loadingProperty().get());
        assertEquals(Boolean.FALSE, ((AppShell) scene.getRoot()).libraryViewModel().loadingProperty().get());
    }
}
