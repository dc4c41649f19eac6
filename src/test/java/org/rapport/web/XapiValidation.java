package org.rapport.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Learning Locker's xapi-validation over the statements a test collected, through scripts/xapi-validate.sh (Node;
 * the validator is GPL-3.0, so the script installs it in a cache rather than the project keeping it): every statement
 * must be valid.
 */
final class XapiValidation {
    private XapiValidation() {
    }

    static void assertValid(List<JsonObject> statements) throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("RAPPORT_NO_BROWSER")),
                    "RAPPORT_NO_BROWSER=1: xapi-validation is not checked");
            throw new AssertionError("The cmi5 statements are checked with Node and npm: run scripts/test-tools.sh (.ci/run does), "
                    + "or set RAPPORT_NO_BROWSER=1 to skip the web player's tests knowingly.");
        }
        JsonArray all = new JsonArray();
        statements.forEach(all::add);
        Path input = Files.createTempFile("statements", ".json");
        Files.writeString(input, all.toString());
        Process p = new ProcessBuilder("bash", "scripts/xapi-validate.sh", input.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), "xapi-validation's verdict:\n" + out);
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }
}
