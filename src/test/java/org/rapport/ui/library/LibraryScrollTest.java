package org.rapport.ui.library;

import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.catalog.Catalog;
import org.rapport.ui.AppContext;
import org.rapport.ui.AppShell;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library scrolls a row of cards per notch of the mouse wheel, not a few pixels. */
@ExtendWith(ApplicationExtension.class)
class LibraryScrollTest {
    @Start
    void start(Stage stage) {
        AppShell shell = new AppShell(new AppContext(Catalog.bundled(), List.of(Path.of("dialogues"))));
        stage.setScene(new javafx.scene.Scene(shell, 1280, 800));
        stage.show();
        shell.start();
    }

    @Test
    void oneNotchOfTheWheelMovesTheCardsByOneRow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".card-grid").tryQuery()
                .map(g -> ((FlowPane) g).getChildren().size() >= 12).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane grid = robot.lookup(".card-grid").queryAs(FlowPane.class);
        ScrollPane scroll = (ScrollPane) grid.getParent().getParent().getParent();
        double extra = grid.getHeight() - scroll.getViewportBounds().getHeight();
        assertTrue(extra > 0, "twelve dialogues do not fit in a 1280x800 window");
        double row = grid.getChildren().get(0).getBoundsInParent().getHeight() + grid.getVgap();
        robot.interact(() -> scroll.fireEvent(notch(-40)));
        double moved = scroll.getVvalue() * extra;
        assertEquals(Math.min(row, extra), moved, 1.0, "one notch down moves one row of cards (" + row + " px), not 40 px");
        robot.interact(() -> scroll.fireEvent(notch(40)));
        assertEquals(0, scroll.getVvalue(), 1e-9, "and one notch up moves back");
    }

    private static ScrollEvent notch(double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, 400, 400, 400, 400, false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, deltaY > 0 ? 1 : -1, 0, null);
    }
}
