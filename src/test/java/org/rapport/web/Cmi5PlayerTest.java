package org.rapport.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cmi5 assignable unit launched as an LMS launches it (endpoint, fetch, registration, activityId, actor), against a
 * stub LMS and learning record store on 127.0.0.1: the statements arrive in cmi5's order with one registration and
 * the LMS's session id, and each one passes Learning Locker's xapi-validation.
 */
class Cmi5PlayerTest {
    static final String SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    static final String CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    static final String MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    static final String AU = "https://learning.example.org/rapport/dialogues/chewed-moccasins";

    static List<JsonObject> play(String path, double mastery) throws Exception {
        return play(path, mastery, "Normal");
    }

    static List<JsonObject> play(String path, double mastery, String launchMode) throws Exception {
        return play(path, mastery, launchMode, 0);
    }

    /** With {@code slowMillis}, the record store takes that long to answer each statement. */
    static List<JsonObject> play(String path, double mastery, String launchMode, int slowMillis) throws Exception {
        try (Site site = new Site()) {
            Packages.serve(site, "/pkg/", "cmi5", null, "practice", ScormPlayerTest.FILE);
            site.put("/lms/harness.js", EngineParityTest.resource("/lms/harness.js"));
            site.handler = r -> {
                if (r.method().equals("POST") && r.path().equals("/fetch")) {
                    return new Site.Answer(200, "application/json", "{\"auth-token\":\"dGVzdDp0ZXN0\"}");
                }
                if (r.path().equals("/lrs/activities/state") && r.method().equals("GET")) {
                    if (r.query().contains("stateId=LMS.LaunchData")) {
                        return new Site.Answer(200, "application/json", """
                                {"contextTemplate":{"contextActivities":{"grouping":[{"id":"https://learning.example.org/rapport/"}]},
                                 "extensions":{"%s":"session-42"}},
                                 "launchMode":"%s","moveOn":"CompletedAndPassed","masteryScore":%s,
                                 "returnURL":"https://lms.example.org/course/7"}""".formatted(SESSION, launchMode, mastery));
                    }
                    return new Site.Answer(404, "text/plain", "no such state");
                }
                if (slowMillis > 0 && r.path().equals("/lrs/statements")) {
                    try {
                        Thread.sleep(slowMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            };
            String actor = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"trainee-7\"}}";
            String url = "../pkg/player/index.html?d=chewed-moccasins&endpoint=" + enc(site.url("/lrs/")) + "&fetch=" + enc(site.url("/fetch"))
                    + "&registration=6c0c8bd4-3b1e-4c35-9a52-4f64d8e3a1b2&activityId=" + enc(AU) + "&actor=" + enc(actor);
            site.put("/lms/stub.html", """
                    <!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script src="harness.js"></script>
                    <script>Harness.run("cmi5", %s, {path: %s});</script></body></html>"""
                    .formatted(new com.google.gson.Gson().toJson(url), new com.google.gson.Gson().toJson(path)));
            String dom = Browser.dumpDom(site.url("/lms/stub.html"), 1280, 800, 120);
            assertTrue(dom.contains("<pre id=\"result\">"), "the stub wrote its result: " + dom.substring(Math.max(0, dom.length() - 1500)));
            assertFalse(dom.contains("\"problem\":\"timed out"), dom.substring(dom.indexOf("<pre id=\"result\">")));
            assertTrue(dom.contains("\"returnHref\":\"https://lms.example.org/course/7\""),
                    "the debrief offers the way back to the LMS's returnURL: " + dom.substring(dom.indexOf("<pre id=\"result\">")));
            List<JsonObject> statements = new ArrayList<>();
            for (Site.Request r : site.received) {
                if (r.path().equals("/lrs/statements")) {
                    assertEquals("PUT", r.method());
                    assertEquals(List.of("1.0.3"), r.headers().get("X-experience-api-version"));
                    assertEquals(List.of("Basic dGVzdDp0ZXN0"), r.headers().get("Authorization"));
                    JsonObject s = JsonParser.parseString(r.body()).getAsJsonObject();
                    assertTrue(r.query().contains(s.get("id").getAsString()), "statementId matches the statement's id");
                    statements.add(s);
                }
            }
            return statements;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String verb(JsonObject s) {
        String id = s.getAsJsonObject("verb").get("id").getAsString();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    static boolean hasCategory(JsonObject s, String id) {
        JsonObject ca = s.getAsJsonObject("context").getAsJsonObject("contextActivities");
        if (ca == null || !ca.has("category")) return false;
        for (JsonElement e : ca.getAsJsonArray("category")) if (e.getAsJsonObject().get("id").getAsString().equals(id)) return true;
        return false;
    }

    @Test
    void allBestSendsCmi5sStatementsInOrderAndPasses() throws Exception {
        List<JsonObject> st = play("best", 0.8);
        List<String> verbs = st.stream().map(Cmi5PlayerTest::verb).toList();
        assertEquals("initialized", verbs.get(0), verbs.toString());
        int n = verbs.size();
        assertEquals(List.of("passed", "completed", "terminated"), verbs.subList(n - 3, n), verbs.toString());
        assertTrue(verbs.subList(1, n - 3).stream().allMatch("answered"::equals), "decisions in between: " + verbs);
        assertTrue(n - 4 >= 5, "one answered statement per decision: " + verbs);
        for (JsonObject s : st) {
            JsonObject ctx = s.getAsJsonObject("context");
            assertEquals("6c0c8bd4-3b1e-4c35-9a52-4f64d8e3a1b2", ctx.get("registration").getAsString());
            assertEquals("session-42", ctx.getAsJsonObject("extensions").get(SESSION).getAsString(), "the LMS's session id");
            boolean defined = !verb(s).equals("answered");
            assertEquals(defined, hasCategory(s, CMI5), verb(s) + ": the cmi5 category marks exactly the cmi5-defined statements");
            if (defined) assertEquals(AU, s.getAsJsonObject("object").get("id").getAsString());
            else assertTrue(s.getAsJsonObject("object").get("id").getAsString().startsWith(AU + "/nodes/"));
        }
        JsonObject passed = st.get(n - 3);
        assertTrue(hasCategory(passed, MOVEON));
        JsonObject result = passed.getAsJsonObject("result");
        assertTrue(result.get("success").getAsBoolean());
        double scaled = result.getAsJsonObject("score").get("scaled").getAsDouble();
        assertEquals(ScormPlayerTest.javaPercent(c -> c.grade().points()) / 100.0, scaled, 1e-9);
        assertTrue(scaled >= 0.8);
        assertTrue(st.get(n - 2).getAsJsonObject("result").get("completion").getAsBoolean());
        XapiValidation.assertValid(st);
    }

    @Test
    void allHarmfulFails() throws Exception {
        List<JsonObject> st = play("worst", 0.8);
        List<String> verbs = st.stream().map(Cmi5PlayerTest::verb).toList();
        int n = verbs.size();
        assertEquals(List.of("failed", "completed", "terminated"), verbs.subList(n - 3, n), verbs.toString());
        JsonObject result = st.get(n - 3).getAsJsonObject("result");
        assertFalse(result.get("success").getAsBoolean());
        assertTrue(result.getAsJsonObject("score").get("scaled").getAsDouble() < 0.8);
        XapiValidation.assertValid(st);
    }

    /**
     * A slow record store: the statement of one decision is still on its way when the trainee answers the next, and
     * the last one when the debrief ends the session. Every statement must still arrive once, in the order it was
     * made. (Two sends at once each took the first statement waiting: one could be sent twice and another skipped,
     * and "terminated" arrived before "completed".)
     */
    @Test
    void aSlowRecordStoreGetsEveryStatementOnceAndInOrder() throws Exception {
        List<JsonObject> st = play("worst", 0.8, "Normal", 150);
        List<String> verbs = st.stream().map(Cmi5PlayerTest::verb).toList();
        int n = verbs.size();
        assertEquals("initialized", verbs.get(0), verbs.toString());
        assertEquals(List.of("failed", "completed", "terminated"), verbs.subList(n - 3, n), verbs.toString());
        assertTrue(verbs.subList(1, n - 3).stream().allMatch("answered"::equals), verbs.toString());
        assertEquals(n, st.stream().map(s -> s.get("id").getAsString()).distinct().count(), "each statement once: " + verbs);
        assertEquals(play("worst", 0.8).size(), n, "as many statements as with a quick record store");
    }

    @Test
    void inReviewModeTheAuSendsNoPassedFailedOrCompleted() throws Exception {
        List<String> verbs = play("best", 0.8, "Review").stream().map(Cmi5PlayerTest::verb).toList();
        assertEquals("initialized", verbs.get(0), verbs.toString());
        assertEquals("terminated", verbs.get(verbs.size() - 1), verbs.toString());
        assertFalse(verbs.contains("passed") || verbs.contains("failed") || verbs.contains("completed"),
                "cmi5: in Browse or Review the AU must not send them: " + verbs);
    }
}
