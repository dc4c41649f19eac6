package org.rapport;

import org.junit.jupiter.api.Test;
import org.rapport.ui.AppOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed app's launcher script (src/packaging/launcher/Rapport.sh) picks the class-data-sharing archive for
 * the route Launcher.route will take: the app's for the app's options, the command line's for the rest. If an option
 * were added to the app and not to the script, the app would start with the command line's archive, without its
 * window's classes: a second slower on every start, with nothing failing.
 */
class LauncherScriptTest {
    @Test
    void theScriptKnowsTheAppsOptions() throws IOException {
        String script = Files.readString(Path.of("src/packaging/launcher/Rapport.sh"));
        Matcher m = Pattern.compile("(?m)^\\s*((?:--[a-z-]+\\|?)+)\\) archive=rapport\\.jsa ;;").matcher(script);
        assertTrue(m.find(), "the case line that picks the app's archive");
        assertEquals(AppOptions.ALL, Set.of(m.group(1).split("\\|")));
        for (String option : AppOptions.ALL) assertEquals(Launcher.Route.APP, Launcher.route(option, "x"));
        assertEquals(Launcher.Route.CLI, Launcher.route("validate", "x"));
    }
}
