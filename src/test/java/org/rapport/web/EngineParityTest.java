package org.rapport.web;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.DebriefTree;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One engine, checked: every bundled dialogue is played along 50 seeded paths in headless Chromium by the web
 * player's engine (the Java engine compiled to JavaScript), and each path is replayed by the Java engine with the same
 * seed and the same replies by their shown position; the two debriefs must be equal, field for field (replies offered
 * and their order, grades, moods, score, technique scores, ending, missed steps).
 */
class EngineParityTest {
    static final int PATHS = 50;

    static byte[] resource(String name) throws Exception {
        try (InputStream in = EngineParityTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing from the build (the TeaVM step at process-classes makes engine.js)");
            return in.readAllBytes();
        }
    }

    @Test
    void webAndDesktopDebriefsAreEqualOnFiftyPathsPerDialogue() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("dialogues"))) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the bundled dialogues");
        try (Site site = new Site()) {
            site.put("/engine.js", resource("/org/rapport/web/player/engine.js"));
            site.put("/catalog.json", resource("/org/rapport/catalog/techniques.json"));
            List<String> names = new ArrayList<>();
            for (Path f : files) {
                site.put("/d/" + f.getFileName(), Files.readAllBytes(f));
                names.add(f.getFileName().toString());
            }
            site.put("/parity.html", harness(names));
            String dom = Browser.dumpDom(site.url("/parity.html"), 800, 600, 300);
            assertTrue(dom.contains("id=\"done\""), "the page finished its paths: " + tail(dom));

            Catalog catalog = Catalog.bundled();
            int compared = 0;
            for (Site.Request r : site.received) {
                if (!r.path().equals("/result")) continue;
                JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
                String file = o.get("file").getAsString();
                assertTrue(!o.has("error"), file + ": " + o);
                Dialogue d = new DialogueReader().read(Path.of("dialogues", file)).dialogue();
                long seed = o.get("seed").getAsLong();
                Playthrough p = Playthrough.start(d, seed);
                var steps = o.getAsJsonArray("steps");
                for (JsonElement step : steps) {
                    var a = step.getAsJsonArray();
                    p.choose(a.get(0).getAsInt() - 1, a.get(1).getAsLong());
                }
                assertTrue(p.ended(), file + " seed " + seed + ": the web path ended, the Java replay did not");
                JsonElement java = new com.google.gson.GsonBuilder().serializeNulls().create().toJsonTree(DebriefTree.of(d, p.transcript(), Debrief.of(d, p.transcript(), catalog), catalog));
                JsonElement web = JsonParser.parseString(o.get("tree").getAsString());
                assertEquals("", firstDifference("", java, web), file + " seed " + seed + ": the first field that differs");
                compared++;
            }
            assertEquals(files.size() * PATHS, compared, "every path of every dialogue came back from the browser");
        }
    }

    /** The path of the first field that differs and both values, or "" when the trees are equal. */
    static String firstDifference(String at, JsonElement a, JsonElement b) {
        if (a.equals(b)) return "";
        if (a.isJsonObject() && b.isJsonObject()) {
            var keys = new java.util.TreeSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            for (String k : keys) {
                JsonElement x = a.getAsJsonObject().get(k), y = b.getAsJsonObject().get(k);
                if (x == null || y == null) return at + "." + k + ": " + x + " vs " + y;
                String d = firstDifference(at + "." + k, x, y);
                if (!d.isEmpty()) return d;
            }
        }
        if (a.isJsonArray() && b.isJsonArray() && a.getAsJsonArray().size() == b.getAsJsonArray().size()) {
            for (int i = 0; i < a.getAsJsonArray().size(); i++) {
                String d = firstDifference(at + "[" + i + "]", a.getAsJsonArray().get(i), b.getAsJsonArray().get(i));
                if (!d.isEmpty()) return d;
            }
        }
        return at + ": " + a + " vs " + b;
    }

    private static String tail(String s) {
        return s.length() > 600 ? s.substring(s.length() - 600) : s;
    }

    /** The page: for each dialogue and seed, a path picked from the seed, replies given by their shown position. */
    private static String harness(List<String> files) {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="log"></pre>
                <script>window.exports = {};</script><script src="engine.js"></script>
                <script>
                var E = window.exports, FILES = %s, PATHS = %d;
                function get(u) { var x = new XMLHttpRequest(); x.open("GET", u, false); x.send(); return x.responseText; }
                function post(o) { var x = new XMLHttpRequest(); x.open("POST", "result", false); x.send(JSON.stringify(o)); }
                var catalog = get("catalog.json");
                try {
                  FILES.forEach(function (f) {
                    var opened = JSON.parse(E.open(get("d/" + f), catalog));
                    if (!opened.ok) { post({ file: f, seed: 0, error: JSON.stringify(opened.problems), steps: [] }); return; }
                    for (var seed = 0; seed < PATHS; seed++) {
                      var v = JSON.parse(E.start(seed, "practice")), steps = [], k = 0;
                      while (!v.ended && k < 300) {
                        var n = v.offered.length, pos = 1 + ((seed * 7 + k * 13 + ((seed >> 2) * (k + 1))) %% n);
                        var millis = 800 + seed * 37 + k * 111;
                        var r = JSON.parse(E.choose(pos, millis));
                        if (r.error) throw new Error(f + ": " + r.error);
                        steps.push([pos, millis]); v = r.view; k++;
                      }
                      post({ file: f, seed: seed, steps: steps, tree: E.debriefTree() });
                    }
                  });
                  var done = document.createElement("p"); done.id = "done"; document.body.appendChild(done);
                } catch (e) { document.getElementById("log").textContent = String(e && e.stack || e); }
                </script></body></html>
                """.formatted(new Gson().toJson(files), PATHS);
    }
}
