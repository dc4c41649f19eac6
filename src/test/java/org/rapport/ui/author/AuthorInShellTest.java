package org.rapport.ui.author;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.ui.AppContext;
import org.rapport.ui.AppShell;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The author view as the app shows it: from the app bar, on the library folder. */
@ExtendWith(ApplicationExtension.class)
class AuthorInShellTest {
    @TempDir
    static Path library;

    private AppShell shell;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        shell = new AppShell(new AppContext(Catalog.bundled(), List.of(library)));
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
        shell.start();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(shell::shutdown);
    }

    @Test
    void theAppBarOpensTheAuthorViewOnTheLibraryFolder(FxRobot robot) throws Exception {
        robot.clickOn("#nav-author");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#node-opening").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Rapport · Author", shell.titleProperty().get());
        assertTrue(robot.lookup("#author-status").queryAs(Label.class).getText().startsWith("late-parcel.json read at"));
        robot.clickOn("#node-opening");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("opening", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        robot.clickOn((javafx.scene.Node) robot.from(robot.lookup("#" + AuthorView.INSPECTOR_ID).queryAll()).lookup(".chip").query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#techniques").tryQuery().isPresent(), "a tested step opens the technique reference");
    }
}
