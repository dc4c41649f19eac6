package org.rapport.ui.importer;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import org.rapport.ui.AppShell;
import org.rapport.ui.Navigator;
import org.rapport.ui.author.AuthorView;
import org.rapport.ui.author.AuthorViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Import…" in the author view, in a real window: the file choosers are native dialogs, so a stand-in author answers
 * them; the report window is the real one.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {
    @TempDir
    Path dir;

    private AuthorViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppShell.applyTheme(false);
        vm = new AuthorViewModel(new AppContext(Catalog.bundled(), List.of()));
        AuthorView view = new AuthorView(vm, new Navigator() {
            @Override
            public void showLibrary() {
            }

            @Override
            public void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith) {
            }

            @Override
            public void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith) {
            }

            @Override
            public void showTechniques(String id) {
            }
        });
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(AppShell.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopFollowing(FxRobot robot) {
        robot.interact(() -> {
            vm.close();
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage) w.hide();
        });
    }

    private static void waitUntil(Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(done).get(); // looked up on the FX thread, as AuthorViewTest does
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves where offered, in the test's folder, and shows the real report window. */
    private void answerWith(Path folder) {
        ImportViewModel importing = vm.importing();
        importing.setAuthor(new ImportViewModel.Author() {
            @Override
            public Path whereToSave(Path suggested) {
                return folder.resolve(suggested.getFileName());
            }

            @Override
            public boolean replace(Path existing) {
                return false;
            }

            @Override
            public void showReport() {
                ImportDialog.report(importing, stage).show();
            }
        });
    }

    @Test
    void anImportedStoryOpensWithItsToDosAndTheReportListsEveryWarning(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#author-empty-import").tryQuery().isPresent(), "the empty author view offers Import…");
        answerWith(dir);
        robot.interact(() -> vm.importing().importFrom(Path.of("src/test/resources/import/links.twee")));
        waitUntil(() -> vm.draftProperty().get() != null && robot.lookup("#" + ImportDialog.SUMMARY_ID).tryQuery().isPresent());
        Path draft = vm.currentFileProperty().get();
        assertEquals(dir.toAbsolutePath().normalize(), draft.getParent(), "the draft is saved where the author chose and opened");
        assertTrue(Files.exists(draft));
        assertTrue(robot.lookup("#author-import").tryQuery().isPresent(), "the toolbar has Import… once a file is open");

        assertEquals("Imported 2 customer lines, 9 replies, 4 endings; 7 warnings; 62 things to fill in (see Problems).",
                robot.lookup("#" + ImportDialog.SUMMARY_ID).queryAs(Label.class).getText());
        ListView<?> report = robot.lookup("#" + ImportDialog.REPORT_ID).queryAs(ListView.class);
        assertEquals(7, report.getItems().size());
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText() != null && l.getText().startsWith("Warning RAP112, line "))
                .tryQuery().isPresent(), "each warning says its code and where it is");
        long todos = vm.diagnostics().stream().filter(Diagnostic::isError).count();
        assertEquals(62, todos, "the Problems list holds validate's to-do list of the draft");
        assertTrue(robot.lookup("#author-import-status").queryAs(Label.class).getText().startsWith("Saved the draft from links.twee as "));
    }

    @Test
    void aDraftSavedInTheFolderOpenIsShownAmongItsFiles(FxRobot robot) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dialogues"));
        Files.copy(Path.of("dialogues/wedding-catering.json"), folder.resolve("wedding-catering.json"));
        robot.interact(() -> vm.open(folder));
        waitUntil(() -> vm.draftProperty().get() != null);
        answerWith(folder);
        robot.interact(() -> vm.importing().importFrom(Path.of("src/test/resources/import/charged-twice.twee")));
        Path draft = folder.resolve("charged-twice-for-the-gym.json").toAbsolutePath().normalize();
        try {
            waitUntil(() -> draft.equals(vm.currentFileProperty().get()) && vm.draftProperty().get() != null
                    && vm.draftProperty().get().file().equals(draft));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("current " + vm.currentFileProperty().get() + ", files " + vm.files() + ", draft "
                    + (vm.draftProperty().get() == null ? null : vm.draftProperty().get().file()) + ", message " + vm.importing().messageProperty().get());
        }
        Thread.sleep(2 * org.rapport.ui.author.AuthorViewModel.quietTime().toMillis() + 500); // the folder's watcher sees the new file
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(draft, vm.currentFileProperty().get());
        assertEquals(2, vm.files().size());
        javafx.scene.control.ComboBox<?> files = robot.lookup("#author-files").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(draft, files.getValue());
    }

    @Test
    void aFailedImportIsShownAndOpensNothing(FxRobot robot) throws Exception {
        answerWith(dir);
        robot.interact(() -> vm.importing().importFrom(Path.of("src/test/resources/import/late-glasses.ink")));
        waitUntil(() -> robot.lookup("#" + ImportDialog.SUMMARY_ID).tryQuery().isPresent());
        String summary = robot.lookup("#" + ImportDialog.SUMMARY_ID).queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Nothing was imported from late-glasses.ink"), summary);
        assertTrue(robot.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText() != null && l.getText().contains("compile it first"))
                .tryQuery().isPresent(), "the error is listed in the report window");
        assertNull(vm.currentFileProperty().get());
        assertNull(vm.targetProperty().get());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
