package org.rapport;

import org.rapport.cli.RapportCli;
import org.rapport.ui.AppOptions;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The entry point of {@code rapport.jar}. It does not extend {@code Application}, so the jar runs from a plain class
 * path. With no arguments, or an option of the app ({@link AppOptions}), it starts the app; anything else goes to the
 * command line, which runs a command or says that there is no such command (exit 2).
 */
public final class Launcher {
    /** The exit code when the app cannot show its window because there is no desktop (docs/cli.md). */
    public static final int EXIT_NO_DESKTOP = 3;

    /** What the app says, and all it says, when there is no desktop to show its window on. */
    public static final String NO_DESKTOP = "Rapport needs a desktop to show its window: run it on a desktop, "
            + "or use its commands (java -jar rapport.jar --help).";

    /** Where the arguments go. */
    public enum Route { APP, CLI }

    private Launcher() {
    }

    /** No arguments, or an option of the app first: the app. Anything else, known command or not: the command line. */
    public static Route route(String... args) {
        return args.length == 0 || AppOptions.ALL.contains(args[0]) ? Route.APP : Route.CLI;
    }

    /**
     * Whether starting the app is bound to fail for want of a desktop: on Linux and the other X11/Wayland systems, neither
     * {@code DISPLAY} nor {@code WAYLAND_DISPLAY} is set. Never with a headless toolkit (Monocle, as the tests run), and
     * never on Windows or macOS, where there is always a desktop to draw on.
     *
     * @param env        the environment, as {@link System#getenv()}
     * @param properties the system properties, as {@code System::getProperty}
     */
    public static boolean noDesktop(Map<String, String> env, Function<String, String> properties) {
        if ("monocle".equalsIgnoreCase(properties.apply("glass.platform"))
                || "true".equalsIgnoreCase(properties.apply("testfx.headless"))
                || properties.apply("monocle.platform") != null) {
            return false;
        }
        String os = properties.apply("os.name");
        if (os == null || os.startsWith("Windows") || os.startsWith("Mac")) return false;
        return blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    /**
     * Whether the JavaFX toolkit failed to start because it could not reach a display ("Unable to open DISPLAY", when
     * {@code DISPLAY} names a server that is not there). Any other failure is not this one and is left alone.
     */
    public static boolean isNoDesktopFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m == null) continue;
            String lower = m.toLowerCase(Locale.ROOT);
            // The display can't be opened, or the windowing toolkit can't start here at all (no GTK, no graphics pipeline).
            if (lower.contains("open display") || lower.contains("no toolkit found") || lower.contains("unable to load glass")
                    || lower.contains("no suitable pipeline")) return true;
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (route(args) == Route.CLI) {
            // Most commands check or play dialogues against the catalog: read it, and check a small dialogue, while
            // picocli builds the command.
            RapportCli.preload(args);
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            System.exit(RapportCli.run(args, out, err));
        }
        // Before any JavaFX class is touched: without a desktop, one sentence rather than the toolkit's stack trace.
        if (noDesktop(System.getenv(), System::getProperty)) {
            err.println(NO_DESKTOP);
            System.exit(EXIT_NO_DESKTOP);
        }
        try {
            org.rapport.ui.RapportApp.main(args);
        } catch (RuntimeException | Error e) {
            if (!isNoDesktopFailure(e)) throw e;
            err.println(NO_DESKTOP);
            System.exit(EXIT_NO_DESKTOP);
        }
    }
}
