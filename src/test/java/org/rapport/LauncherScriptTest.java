package org.rapport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.ui.AppOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installed app's launcher script (src/packaging/launcher/Rapport.sh) picks the class-data-sharing archive and the
 * JVM options for the route Launcher.route will take: the app's for the app's options, the command line's for the
 * rest. If an option were added to the app and not to the script, the app would start with the command line's
 * archive and collector, without its window's classes and with more memory: slower on every start, with nothing failing.
 */
class LauncherScriptTest {
    private static final String WINDOW = "-XX:+UseSerialGC -Xmn16m";
    private static final String COMMAND = "-XX:+UseParallelGC";

    @Test
    void theScriptKnowsTheAppsOptions() throws IOException {
        String script = Files.readString(Path.of("src/packaging/launcher/Rapport.sh"));
        Matcher m = Pattern.compile("(?m)^\\s*((?:--[a-z-]+\\|?)+)\\) archive=rapport\\.jsa options=\"@WINDOW_OPTIONS@\" ;;").matcher(script);
        assertTrue(m.find(), "the case line that picks the app's archive and options");
        assertEquals(AppOptions.ALL, Set.of(m.group(1).split("\\|")));
        for (String option : AppOptions.ALL) assertEquals(Launcher.Route.APP, Launcher.route(option, "x"));
        assertEquals(Launcher.Route.CLI, Launcher.route("validate", "x"));
    }

    /** Runs the script as pom.xml writes it, with a stand-in java that prints what it was started with. */
    @Test
    void theWindowAndACommandStartWithTheirOwnOptionsAndArchive(@TempDir Path root) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        String script = Files.readString(Path.of("src/packaging/launcher/Rapport.sh")).replace("@VERSION@", "1.0")
                .replace("@EXPORTS@", "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED")
                .replace("@WINDOW_OPTIONS@", WINDOW).replace("@COMMAND_OPTIONS@", COMMAND).replace("@MAIN@", "org.rapport.Launcher");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("Rapport"), script);
        Path java = Files.createDirectories(root.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        assertTrue(java.toFile().setExecutable(true));
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Files.writeString(app.resolve("rapport.jsa.jar"), app.toRealPath().resolve("rapport.jar") + "\n");
        Files.writeString(app.resolve("rapport.jsa"), "archive");
        Files.writeString(app.resolve("rapport-cli.jsa"), "archive");

        List<String> window = run(bin.resolve("Rapport"));
        assertTrue(window.containsAll(List.of("-XX:+UseSerialGC", "-Xmn16m")), window.toString());
        assertTrue(!window.contains(COMMAND), window.toString());
        assertTrue(window.contains("-XX:SharedArchiveFile=" + app.toRealPath().resolve("rapport.jsa")), window.toString());
        assertEquals(List.of("org.rapport.Launcher"), window.subList(window.size() - 1, window.size()));

        List<String> library = run(bin.resolve("Rapport"), "--library", "/tmp/my dialogues");
        assertTrue(library.contains("-Xmn16m") && !library.contains(COMMAND), library.toString());
        assertEquals(List.of("org.rapport.Launcher", "--library", "/tmp/my dialogues"), library.subList(library.size() - 3, library.size()));

        List<String> validate = run(bin.resolve("Rapport"), "validate", "big file.json");
        assertTrue(validate.contains(COMMAND) && !validate.contains("-Xmn16m") && !validate.contains("-XX:+UseSerialGC"), validate.toString());
        assertTrue(validate.contains("-XX:SharedArchiveFile=" + app.toRealPath().resolve("rapport-cli.jsa")), validate.toString());
        assertTrue(validate.contains("--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED"), validate.toString());
        assertEquals(List.of("org.rapport.Launcher", "validate", "big file.json"), validate.subList(validate.size() - 3, validate.size()));
    }

    private static List<String> run(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return List.of(out.split("\n"));
    }
}
