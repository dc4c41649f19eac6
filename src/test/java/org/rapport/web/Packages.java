package org.rapport.web;

import com.google.gson.Gson;
import org.rapport.format.DialogueReader;
import org.rapport.format.json.JsonText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lays a package out on the test site as the packager writes it: player/, content/package.js, catalog and dialogue. */
final class Packages {
    private Packages() {
    }

    static void serve(Site site, String root, String standard, Double mastery, String mode, Path dialogue) throws Exception {
        String files = new String(EngineParityTest.resource("/org/rapport/web/player/files.txt"), StandardCharsets.UTF_8);
        for (String f : files.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            site.put(root + "player/" + f, EngineParityTest.resource("/org/rapport/web/player/" + f));
        }
        String text = Files.readString(dialogue);
        String id = new DialogueReader().read(dialogue).dialogue().id();
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("standard", standard);
        pkg.put("mastery", mastery);
        pkg.put("mode", mode);
        pkg.put("base", "https://learning.example.org/rapport/");
        pkg.put("dialogues", Map.of(id, "title"));
        site.put(root + "content/package.js", "window.RAPPORT_PACKAGE = " + new Gson().toJson(pkg) + ";\n");
        String catalog = new String(EngineParityTest.resource("/org/rapport/catalog/techniques.json"), StandardCharsets.UTF_8);
        site.put(root + "content/catalog.js", "window.RAPPORT_CATALOG = " + JsonText.write(catalog) + ";\n");
        site.put(root + "content/dialogues/" + id + ".js", "window.RAPPORT_DIALOGUE = " + JsonText.write(text) + ";\n");
    }
}
