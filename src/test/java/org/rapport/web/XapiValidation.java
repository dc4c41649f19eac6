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
 * Learning Locker's xapi-validation (npm, GPL-3.0, so installed beside the project by scripts/test-tools.sh rather
 * than kept in it) run by Node over the statements a test collected: each must give no validation error.
 */
final class XapiValidation {
    private XapiValidation() {
    }

    static Path tools() {
        String env = System.getenv("RAPPORT_TEST_TOOLS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "rapport-test-tools");
    }

    static void assertValid(List<JsonObject> statements) throws IOException, InterruptedException {
        Path module = tools().resolve("node_modules/xapi-validation");
        if (!Files.isDirectory(module)) {
            org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("RAPPORT_NO_BROWSER")),
                    "RAPPORT_NO_BROWSER=1: xapi-validation is not checked");
            throw new AssertionError("xapi-validation is not installed: run scripts/test-tools.sh (.ci/run does), "
                    + "or set RAPPORT_NO_BROWSER=1 to skip the web player's tests knowingly.");
        }
        JsonArray all = new JsonArray();
        statements.forEach(all::add);
        Path input = Files.createTempFile("statements", ".json");
        Files.writeString(input, all.toString());
        String script = "const v=require('xapi-validation').default;const s=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));"
                + "const out=s.map((x,i)=>({i,verb:x.verb.id,errors:v(x).map(e=>e.path.join('.')+': '+e.message)})).filter(r=>r.errors.length);"
                + "console.log(JSON.stringify(out));";
        ProcessBuilder pb = new ProcessBuilder("node", "-e", script, input.toString()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", tools().resolve("node_modules").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals("[]", out, "xapi-validation's errors, statement by statement");
    }
}
