package org.rapport.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * H5P Branching Scenario (h5p/h5p-branching-scenario semantics.json, H5P.BranchingQuestion's semantics.json): a
 * {@code .h5p} package whose main library is H5P.BranchingScenario, or its bare {@code content/content.json}.
 * Each BranchingQuestion becomes a customer node {@code content-I} (I is its index in {@code content[]}, the number
 * {@code nextContentId} uses); its alternatives become replies, their feedback the {@code why}; end screens and
 * alternatives that end the scenario with feedback of their own become endings. Scores are not grades: they are
 * reported as hints. Other content (text, video, images) is dropped and reported.
 *
 * <p>The package is read as a stream of entries and only two are inflated ({@code h5p.json} and
 * {@code content/content.json}), each through a counted copy that stops at its cap whatever the entry claims; an entry
 * name with {@code ..}, a drive or a leading slash refuses the whole package. Nothing is written to disk.
 */
final class H5pImporter {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_JSON = 16L * 1024 * 1024;
    static final long MAX_TOTAL = 256L * 1024 * 1024;

    private H5pImporter() {
    }

    static Scenario fromZip(byte[] bytes, ImportReport report, String fileBase) {
        String h5pJson = null;
        String content = null;
        int entries = 0;
        long total = 0;
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String n = e.getName();
                if (++entries > MAX_ENTRIES) {
                    report.error("RAP103", 0, 0, "The package has more than " + MAX_ENTRIES + " entries; it was refused.");
                    return null;
                }
                if (unsafe(n)) {
                    report.error("RAP103", n, "This entry's path leaves the package (\"..\", a leading slash or a drive); "
                            + "the whole package was refused.");
                    return null;
                }
                if (e.getSize() > MAX_TOTAL) {
                    report.error("RAP103", n, "The entry says it inflates to " + e.getSize() + " bytes; the package was refused.");
                    return null;
                }
                if (n.equals("h5p.json") || n.equals("content/content.json")) {
                    if (e.getSize() > MAX_JSON) {
                        report.error("RAP103", n, "The entry is larger than " + (MAX_JSON >> 20) + " MB; it was not inflated.");
                        return null;
                    }
                    byte[] data = bounded(zin, MAX_JSON);
                    if (data == null) {
                        report.error("RAP103", n, "The entry inflates to more than " + (MAX_JSON >> 20) + " MB; it was refused.");
                        return null;
                    }
                    total += data.length;
                    if (total > MAX_TOTAL) {
                        report.error("RAP103", n, "The package inflates to more than " + (MAX_TOTAL >> 20) + " MB; it was refused.");
                        return null;
                    }
                    String text = Importer.decode(data, new ImportReport(report.file() + ":" + n));
                    if (text == null) {
                        report.error("RAP101", n, "The entry is not UTF-8 text.");
                        return null;
                    }
                    if (text.startsWith("\uFEFF")) text = text.substring(1);
                    if (n.equals("h5p.json")) h5pJson = text;
                    else content = text;
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            report.error("RAP101", 0, 0, "The file is not a readable zip package (.h5p): " + ex.getMessage());
            return null;
        }
        if (h5pJson == null) {
            report.error("RAP101", 0, 0, "The package has no h5p.json, so it is not an H5P package.");
            return null;
        }
        JsonObject meta = object(h5pJson);
        if (meta == null) {
            report.error("RAP101", "h5p.json", "Not a JSON object.");
            return null;
        }
        String main = string(meta, "mainLibrary");
        if (!"H5P.BranchingScenario".equals(main)) {
            report.error("RAP104", "h5p.json", "The main library is " + (main == null ? "not given" : main)
                    + "; Rapport imports only H5P.BranchingScenario packages.");
            return null;
        }
        if (content == null) {
            report.error("RAP101", 0, 0, "The package has no content/content.json.");
            return null;
        }
        return fromContent(string(meta, "title"), content, report, fileBase);
    }

    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return false;
    }

    /** Up to {@code max} bytes of the current entry; null if there are more. */
    private static byte[] bounded(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > max) return null;
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    static Scenario fromContent(String packageTitle, String json, ImportReport report, String fileBase) {
        JsonObject root = object(json);
        String where = "content.json";
        if (root == null) {
            report.error("RAP101", where, "Not a JSON object.");
            return null;
        }
        JsonObject bs = obj(root, "branchingScenario");
        if (bs == null) {
            report.error("RAP101", where, "No \"branchingScenario\" object: this is not the content of an H5P Branching Scenario.");
            return null;
        }
        return new H5pImporter.Mapper(bs, report).map(packageTitle, fileBase);
    }

    private static final class Mapper {
        private final JsonObject bs;
        private final ImportReport report;
        private final JsonArray content;
        private final Map<Integer, String> questionIds = new HashMap<>();
        private final Scenario s = new Scenario();
        private final Ids ids = new Ids();
        private String defaultEnd;
        private final boolean dynamic;
        private final boolean staticScore;

        Mapper(JsonObject bs, ImportReport report) {
            this.bs = bs;
            this.report = report;
            JsonArray c = bs.has("content") && bs.get("content").isJsonArray() ? bs.getAsJsonArray("content") : new JsonArray();
            this.content = c;
            JsonObject scoring = obj(bs, "scoringOptionGroup");
            String option = scoring == null ? null : string(scoring, "scoringOption");
            this.dynamic = "dynamic-score".equals(option);
            this.staticScore = "static-end-score".equals(option);
            if (scoring != null && scoring.has("includeInteractionsScores") && isTrue(scoring.get("includeInteractionsScores"))) {
                report.warn("RAP117", "scoringOptionGroup", "H5P adds the scores of content inside the scenario; Rapport scores only "
                        + "the replies, by their grades.");
            }
        }

        Scenario map(String packageTitle, String fileBase) {
            JsonObject start = obj(bs, "startScreen");
            String startTitle = start == null ? null : text(string(start, "startScreenTitle"));
            s.title = first(packageTitle, text(string(bs, "title")), startTitle);
            s.summary = start == null ? null : text(string(start, "startScreenSubtitle"));
            s.id = Ids.slug(s.title != null ? s.title : fileBase);
            if (content.isEmpty()) {
                report.error("RAP101", "content", "The scenario has no content.");
                return null;
            }
            // ids for the questions first, so that replies can point forward
            for (int i = 0; i < content.size(); i++) {
                if (isQuestion(i)) questionIds.put(i, ids.unique("content-" + i));
            }
            // end screens
            JsonArray ends = bs.has("endScreens") && bs.get("endScreens").isJsonArray() ? bs.getAsJsonArray("endScreens") : new JsonArray();
            for (int k = 0; k < ends.size(); k++) {
                if (!ends.get(k).isJsonObject()) continue;
                JsonObject e = ends.get(k).getAsJsonObject();
                String id = ids.unique("end-" + k);
                Scenario.Node n = new Scenario.Node();
                n.endingTitle = text(string(e, "endScreenTitle"));
                n.endingSummary = text(string(e, "endScreenSubtitle"));
                scoreHint("endScreens[" + k + "]", e.get("endScreenScore"), true);
                if (defaultEnd == null) defaultEnd = id;
                pending.put(id, n);
            }
            // the start: the first question reached from content[0]
            String startId = follow(0, "content[0]", new HashSet<>());
            s.start = startId;
            for (int i = 0; i < content.size(); i++) {
                String w = "content[" + i + "]";
                if (!content.get(i).isJsonObject()) {
                    report.warn("RAP119", w, "Not an object; left out.");
                    continue;
                }
                if (isQuestion(i)) {
                    question(i, w);
                } else {
                    String lib = library(i);
                    report.warn("RAP116", w, (lib == null ? "Content without a library" : lib) + " is not a question; it was left out"
                            + (lib != null && lib.startsWith("H5P.AdvancedText") ? " (its text is not carried into the next question)." : "."));
                }
            }
            // endings after the questions, in a stable order
            for (var e : pending.entrySet()) s.nodes.put(e.getKey(), e.getValue());
            if (s.nodes.isEmpty()) {
                report.error("RAP101", "content", "The scenario has no branching question to import.");
                return null;
            }
            return s;
        }

        private final Map<String, Scenario.Node> pending = new java.util.LinkedHashMap<>();

        private void question(int i, String w) {
            JsonObject params = obj(content.get(i).getAsJsonObject(), "type");
            params = params == null ? null : obj(params, "params");
            JsonObject bq = params == null ? null : obj(params, "branchingQuestion");
            Scenario.Node n = new Scenario.Node();
            n.say = bq == null ? null : text(string(bq, "question"));
            n.choices = new ArrayList<>();
            JsonArray alts = bq != null && bq.has("alternatives") && bq.get("alternatives").isJsonArray() ? bq.getAsJsonArray("alternatives") : new JsonArray();
            if (alts.size() < 2 || alts.size() > 4) {
                report.warn("RAP114", w, "The question has " + alts.size() + (alts.size() == 1 ? " alternative" : " alternatives")
                        + "; a Rapport decision offers 2 to 4 replies. Add or remove replies (validate reports RAP032 until then).");
            }
            TreeSet<Double> scores = new TreeSet<>();
            for (JsonElement a : alts) {
                JsonObject fb = a.isJsonObject() ? obj(a.getAsJsonObject(), "feedback") : null;
                Double sc = fb == null ? null : number(fb.get("endScreenScore"));
                if (sc != null) scores.add(sc);
            }
            for (int j = 0; j < alts.size(); j++) {
                String aw = w + ".alternatives[" + j + "]";
                if (!alts.get(j).isJsonObject()) {
                    report.warn("RAP119", aw, "Not an object; left out.");
                    continue;
                }
                JsonObject a = alts.get(j).getAsJsonObject();
                Scenario.Reply r = new Scenario.Reply();
                r.say = text(string(a, "text"));
                JsonObject fb = obj(a, "feedback");
                String fbTitle = fb == null ? null : text(string(fb, "title"));
                String fbSub = fb == null ? null : text(string(fb, "subtitle"));
                Double next = number(a.get("nextContentId"));
                int target = next == null ? -1 : (int) Math.floor(next);
                if (next != null && next != Math.floor(next)) report.warn("RAP119", aw, "nextContentId " + next + " is not a whole number.");
                if (target < 0) {
                    if (fbTitle != null || fbSub != null) {
                        // a custom end screen for this alternative
                        String id = ids.unique("content-" + i + "-end-" + j);
                        Scenario.Node e = new Scenario.Node();
                        e.endingTitle = fbTitle;
                        e.endingSummary = fbSub;
                        pending.put(id, e);
                        r.next = id;
                        scoreHint(aw + ".feedback", fb.get("endScreenScore"), staticScore);
                    } else {
                        if (defaultEnd == null) {
                            defaultEnd = ids.unique("end");
                            pending.put(defaultEnd, new Scenario.Node());
                        }
                        r.next = defaultEnd;
                    }
                } else {
                    r.why = joined(fbTitle, fbSub);
                    if (target >= content.size()) {
                        report.warn("RAP113", aw, "nextContentId " + target + " is past the last content item (" + (content.size() - 1)
                                + "); the reply's next was left out.");
                    } else {
                        r.next = follow(target, aw, new HashSet<>());
                    }
                }
                if (dynamic && fb != null && number(fb.get("endScreenScore")) != null && scores.size() >= 2) {
                    double sc = number(fb.get("endScreenScore"));
                    String hint = sc == scores.last() ? "best" : sc == scores.first() ? (sc <= 0 ? "harmful" : "weak") : "good";
                    report.warn("RAP117", aw, "Score " + fmt(sc) + " (of " + fmtAll(scores) + " in this question) hints at grade \""
                            + hint + "\"; the grade is left for you to set.");
                }
                n.choices.add(r);
            }
            s.nodes.put(questionIds.get(i), n);
        }

        /** The node a jump to content[i] arrives at: questions are nodes; other content is passed through. */
        private String follow(int i, String from, Set<Integer> seen) {
            int k = i;
            while (true) {
                if (k < 0) {
                    if (defaultEnd == null) {
                        defaultEnd = ids.unique("end");
                        pending.put(defaultEnd, new Scenario.Node());
                    }
                    return defaultEnd;
                }
                if (k >= content.size()) {
                    report.warn("RAP113", from, "Leads to content[" + k + "], which does not exist.");
                    return null;
                }
                if (questionIds.containsKey(k)) return questionIds.get(k);
                if (!seen.add(k)) {
                    report.warn("RAP113", from, "Content items lead round in a loop with no question in it.");
                    return null;
                }
                JsonElement item = content.get(k);
                Double next = item.isJsonObject() ? number(item.getAsJsonObject().get("nextContentId")) : null;
                k = next == null ? -1 : (int) Math.floor(next);
            }
        }

        private boolean isQuestion(int i) {
            String lib = library(i);
            return lib != null && lib.startsWith("H5P.BranchingQuestion");
        }

        private String library(int i) {
            JsonElement item = content.get(i);
            if (!item.isJsonObject()) return null;
            JsonObject type = obj(item.getAsJsonObject(), "type");
            return type == null ? null : string(type, "library");
        }

        private void scoreHint(String w, JsonElement score, boolean report) {
            Double sc = number(score);
            if (sc == null || !report || !staticScore) return;
            this.report.warn("RAP117", w, "End score " + fmt(sc) + ": the outcome (won, kept or lost) is left for you to set; a high "
                    + "score suggests won, 0 suggests lost.");
        }
    }

    private static String fmt(double d) {
        return d == Math.floor(d) && Math.abs(d) < 1e9 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String fmtAll(TreeSet<Double> scores) {
        List<String> l = new ArrayList<>();
        for (Double d : scores) l.add(fmt(d));
        return String.join(", ", l);
    }

    private static String joined(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        String sep = a.endsWith(".") || a.endsWith("!") || a.endsWith("?") ? " " : ". ";
        return a + sep + b;
    }

    /** HTML to plain text (H5P stores rich text as HTML), or null when nothing is left. */
    static String text(String html) {
        if (html == null) return null;
        String t = Jsoup.parse(html).text().strip();
        return t.isEmpty() ? null : t;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    static JsonObject object(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static JsonObject obj(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && v.isJsonObject() ? v.getAsJsonObject() : null;
    }

    static String string(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : null;
    }

    private static Double number(JsonElement v) {
        if (v == null || !v.isJsonPrimitive()) return null;
        var p = v.getAsJsonPrimitive();
        try {
            if (p.isNumber()) {
                double d = p.getAsDouble();
                return Double.isFinite(d) ? d : null;
            }
            if (p.isString()) {
                double d = Double.parseDouble(p.getAsString().strip());
                return Double.isFinite(d) ? d : null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static boolean isTrue(JsonElement v) {
        return v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && v.getAsBoolean();
    }
}
