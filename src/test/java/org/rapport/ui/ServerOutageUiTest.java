package org.rapport.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.store.Store;
import org.rapport.store.Trainee;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trainee plays while the department's server accepts connections and never answers (paused, or a network that
 * swallows packets). The window must not wait on it: every reply is saved on the laptop at once, the screen says the
 * replies are waiting for the server, and the JavaFX thread never stalls for the server's sake. An AnimationTimer
 * watches the gaps between pulses of the FX thread the whole time.
 */
@ExtendWith(ApplicationExtension.class)
class ServerOutageUiTest {
    @TempDir
    static Path dir;

    private ServerSocket blackHole;
    private final List<Socket> swallowed = new CopyOnWriteArrayList<>();
    private Store store;
    private AppShell shell;

    @Start
    void start(Stage stage) throws IOException {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!blackHole.isClosed()) {
                try {
                    swallowed.add(blackHole.accept()); // accepted, never answered
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        Path library = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        store = Store.openSqlite(dir.resolve("data"), Clock.systemUTC());
        Trainee ana = store.createTrainee("Ana");
        AppContext ctx = new AppContext(Catalog.bundled(), List.of(library), store, null, dir.resolve("data"));
        ctx.sendTo(new AppContext.Server("jdbc:postgresql://127.0.0.1:" + blackHole.getLocalPort() + "/rapport", "ana", null));
        ctx.traineeProperty().set(ana);
        shell = new AppShell(ctx);
        stage.setScene(new javafx.scene.Scene(shell, 1280, 800));
        stage.show();
        shell.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::shutdown).get();
        blackHole.close();
        for (Socket s : swallowed) s.close();
    }

    @Test
    void aServerThatNeverAnswersNeverHoldsUpTheWindowAndTheRepliesAreSavedOnTheLaptop(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-late-parcel").tryQuery().isPresent());
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER); // past the pre-brief

        AtomicLong last = new AtomicLong(System.nanoTime());
        AtomicLong worst = new AtomicLong();
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                worst.accumulateAndGet(t - last.getAndSet(t), Math::max);
            }
        };
        robot.interact(watch::start);
        try {
            long began = System.nanoTime();
            reply(robot, "That must have been a let-down");
            reply(robot, "You planned ahead");
            // Keep watching while the outbox is stuck logging in to the silent server (its login timeout is 10 s).
            Thread.sleep(3_000);
            long replying = System.nanoTime() - began;
            assertTrue(swallowed.size() > 0, "the outbox did try the server");
            Trainee ana = store.trainees().get(0);
            assertEquals(1, store.history(ana.id()).size(), "both replies and the ending are saved on the laptop");
            assertEquals(2, store.history(ana.id()).get(0).decisions());
            String status = robot.lookup("#server-status").queryAs(Label.class).getText();
            assertTrue(status.startsWith("Saved on this laptop"), status);
            System.out.printf("ServerOutageUiTest: the longest gap between FX pulses while the server was silent: %d ms (over %d ms)%n",
                    TimeUnit.NANOSECONDS.toMillis(worst.get()), TimeUnit.NANOSECONDS.toMillis(replying));
            // A wait on the server would last its timeouts (5 to 15 s); a slow frame, a fraction of a second.
            assertTrue(worst.get() < TimeUnit.SECONDS.toNanos(2), "the FX thread stalled for " + TimeUnit.NANOSECONDS.toMillis(worst.get()) + " ms");
        } finally {
            robot.interact(watch::stop);
        }
    }

    private static void reply(FxRobot robot, String words) {
        for (ToggleButton b : robot.lookup(".choice-button").queryAllAs(ToggleButton.class)) {
            if (b.getText().startsWith(words)) {
                robot.clickOn(b);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("no reply " + words);
    }
}
