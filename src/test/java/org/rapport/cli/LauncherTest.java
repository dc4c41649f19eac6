package org.rapport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Launcher;
import org.rapport.Launcher.Route;
import org.rapport.ui.AppOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the launcher sends its arguments, and what it says without a desktop: decided without opening a window. */
class LauncherTest {
    private static final Map<String, String> LINUX = Map.of("os.name", "Linux");

    @Test
    void noArgumentsStartTheApp() {
        assertEquals(Route.APP, Launcher.route());
    }

    @Test
    void theAppsOwnOptionsStartTheApp() {
        for (String option : AppOptions.ALL) assertEquals(Route.APP, Launcher.route(option, "x"), option);
        assertEquals(Route.APP, Launcher.route("--size", "1920x1080", "--library", "dialogues"));
    }

    @Test
    void everyCommandGoesToTheCommandLine() {
        var commands = RapportCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet();
        assertTrue(commands.containsAll(List.of("validate", "play", "paths", "format", "db", "help")), commands.toString());
        for (String c : commands) assertEquals(Route.CLI, Launcher.route(c), c);
        for (String h : List.of("--help", "-h", "--version", "-V")) assertEquals(Route.CLI, Launcher.route(h), h);
    }

    @Test
    void aTypoOrAnUnknownWordGoesToTheCommandLineNotTheWindow() {
        for (String w : List.of("valdate", "bogus", "--bogus", "--libary", "dialogues/late-parcel.json")) {
            assertEquals(Route.CLI, Launcher.route(w), w);
        }
    }

    @Test
    void linuxWithNeitherDisplayNorWaylandHasNoDesktop() {
        assertTrue(Launcher.noDesktop(Map.of(), LINUX::get));
        assertTrue(Launcher.noDesktop(Map.of("DISPLAY", "", "WAYLAND_DISPLAY", " "), LINUX::get));
        assertTrue(Launcher.noDesktop(Map.of(), Map.of("os.name", "FreeBSD")::get));
    }

    @Test
    void anX11OrWaylandDisplayIsADesktop() {
        assertFalse(Launcher.noDesktop(Map.of("DISPLAY", ":0"), LINUX::get));
        assertFalse(Launcher.noDesktop(Map.of("WAYLAND_DISPLAY", "wayland-0"), LINUX::get));
    }

    @Test
    void windowsAndMacAlwaysHaveADesktop() {
        assertFalse(Launcher.noDesktop(Map.of(), Map.of("os.name", "Windows 11")::get));
        assertFalse(Launcher.noDesktop(Map.of(), Map.of("os.name", "Mac OS X")::get));
    }

    @Test
    void aHeadlessToolkitNeedsNoDesktop() {
        assertFalse(Launcher.noDesktop(Map.of(), Map.of("os.name", "Linux", "glass.platform", "Monocle")::get));
        assertFalse(Launcher.noDesktop(Map.of(), Map.of("os.name", "Linux", "testfx.headless", "true")::get));
        assertFalse(Launcher.noDesktop(Map.of(), Map.of("os.name", "Linux", "monocle.platform", "Headless")::get));
        assertFalse(Launcher.noDesktop(System.getenv(), System::getProperty), "these tests run on Monocle");
    }

    @Test
    void onlyAToolkitThatCannotOpenTheDisplayCountsAsNoDesktop() {
        assertTrue(Launcher.isNoDesktopFailure(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertTrue(Launcher.isNoDesktopFailure(new RuntimeException("No toolkit found")), "a machine without GTK or a graphics pipeline");
        assertTrue(Launcher.isNoDesktopFailure(new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertFalse(Launcher.isNoDesktopFailure(new RuntimeException("Exception in Application start method",
                new NullPointerException("shell"))));
        assertFalse(Launcher.isNoDesktopFailure(new IllegalStateException((String) null)));
    }

    @Test
    void theNoDesktopMessageIsOnePlainSentence() {
        String m = Launcher.NO_DESKTOP;
        assertFalse(m.contains("\n"), m);
        assertTrue(m.endsWith("."), m);
        assertEquals(1, m.split("\\. ").length, m);
        assertTrue(m.contains("--help"), m);
    }

    /** The jar's way in, in a JVM of its own with no desktop: one sentence on stderr, nothing else, exit 3. */
    @Test
    void withoutADisplayTheLauncherSaysSoAndExitsThree(@TempDir Path data) throws Exception {
        Result r = launch(null, data);
        assertEquals(Launcher.EXIT_NO_DESKTOP, r.code(), r.err());
        assertEquals(Launcher.NO_DESKTOP, r.err().strip());
        assertEquals("", r.out());
    }

    /** A DISPLAY that names no X server gets past the first check: JavaFX fails to start, and the launcher says the same. */
    @Test
    void aDisplayThatCannotBeOpenedGetsTheSameSentence(@TempDir Path data) throws Exception {
        // JavaFX reaches the display only where GTK 3 is installed; elsewhere it fails earlier, in its own words.
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.stream.Stream.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0", "/usr/lib/aarch64-linux-gnu/libgtk-3.so.0",
                "/usr/lib64/libgtk-3.so.0", "/usr/lib/libgtk-3.so.0").anyMatch(f -> java.nio.file.Files.exists(Path.of(f))), "GTK 3 is not installed");
        Result r = launch(":4093", data);
        assertEquals(Launcher.EXIT_NO_DESKTOP, r.code(), r.err());
        assertTrue(r.err().strip().endsWith(Launcher.NO_DESKTOP), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    record Result(int code, String out, String err) {
    }

    private static Result launch(String display, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName());
        pb.environment().remove("WAYLAND_DISPLAY");
        if (display == null) pb.environment().remove("DISPLAY");
        else pb.environment().put("DISPLAY", display);
        // The app's data folder, in case it got as far as opening its store: never the user's own.
        pb.environment().put("RAPPORT_DATA", data.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        var out = new java.util.concurrent.CompletableFuture<String>();
        var err = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> out.complete(read(p.getInputStream()))).start();
        new Thread(() -> err.complete(read(p.getErrorStream()))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not exit within 60 s");
        }
        return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
