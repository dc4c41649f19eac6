package org.rapport.classroom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.Fixtures;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone vote server on loopback, voted on from real HTTP clients, one per "phone". */
class VoteServerTest {
    private RoomSession session;
    private VoteServer server;

    @BeforeEach
    void startServer() throws IOException {
        byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
        session = RoomSession.start(d, bytes, DialogueReader.sha256(bytes), 42, 1_000);
        server = VoteServer.start(session, InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A phone: an HTTP client that keeps its cookies. */
    private static HttpClient phone() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(HttpClient phone, String path) throws Exception {
        return phone.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient phone, String body) throws Exception {
        return phone.send(HttpRequest.newBuilder(server.url().resolve("/vote")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> vote(HttpClient phone, String round, int reply) throws Exception {
        return post(phone, "round=" + round + "&reply=" + reply);
    }

    private static String result(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("result").getAsString();
    }

    /** Opens the page like a phone scanning the QR code, and returns the round on screen. */
    private String open(HttpClient phone) throws Exception {
        HttpResponse<String> page = get(phone, "/");
        assertEquals(200, page.statusCode());
        JsonObject state = JsonParser.parseString(get(phone, "/state").body()).getAsJsonObject();
        return state.get("round").getAsString();
    }

    @Test
    void thePageShowsTheCustomersLineAndTheRepliesAndGivesThePhoneAToken() throws Exception {
        HttpClient p = phone();
        HttpResponse<String> page = get(p, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Set-Cookie").orElse("").startsWith(VoteServer.COOKIE + "="));
        assertTrue(page.body().contains("I paid extra for guaranteed delivery"), "the customer's line");
        assertTrue(page.body().contains("That must have been a let-down at the party."), "the replies");
        assertEquals(2, page.body().split("<button").length - 1, "one button per reply");
        assertFalse(page.body().contains("best") || page.body().contains("harmful"), "no grade reaches a phone");
        assertEquals(404, get(p, "/admin").statusCode());
        assertTrue(server.shortAddress().matches("127\\.0\\.0\\.1:\\d+"), server.shortAddress());
    }

    @Test
    void votesFromPhonesAreTalliedOncePerPhoneAndEverythingElseIsRefused() throws Exception {
        HttpClient a = phone();
        HttpClient b = phone();
        HttpClient c = phone();
        String round = open(a);
        open(b);
        open(c);
        int best = RoomSessionTest.pos(session, ClassFixtures.LISTEN_BEST) + 1;
        int harmful = RoomSessionTest.pos(session, ClassFixtures.LISTEN_HARMFUL) + 1;

        HttpResponse<String> ok = vote(a, round, best);
        assertEquals(200, ok.statusCode());
        assertEquals("accepted", result(ok));
        assertEquals("accepted", result(vote(b, round, best)));
        assertEquals("accepted", result(vote(c, round, harmful)));

        HttpResponse<String> again = vote(a, round, harmful);
        assertEquals(409, again.statusCode());
        assertEquals("repeated", result(again));
        assertEquals(400, vote(c, round, 3).statusCode(), "there is no reply 3");
        assertEquals("malformed", result(post(c, "round=" + round + "&reply=two")));
        assertEquals("malformed", result(post(c, "garbage")));
        assertEquals(413, post(c, "round=" + round + "&reply=1&pad=" + "x".repeat(2000)).statusCode());
        HttpResponse<String> other = vote(c, session.id() + "-99", best);
        assertEquals(409, other.statusCode());
        assertEquals("other-decision", result(other));
        HttpResponse<String> stranger = vote(phone(), round, best);
        assertEquals(403, stranger.statusCode(), "a phone that never opened the page has no token");
        HttpResponse<String> get = get(a, "/vote");
        assertEquals(405, get.statusCode());

        var tally = session.snapshot();
        assertEquals(2, tally.votesAt(best - 1));
        assertEquals(1, tally.votesAt(harmful - 1));
        assertEquals(3, tally.tally().total(), "only the three accepted votes count");
        assertEquals(3, server.accepted());

        HttpClient late = phone();
        open(late);
        session.revealGrades();
        HttpResponse<String> tooLate = vote(late, round, best);
        assertEquals(409, tooLate.statusCode());
        assertEquals("late", result(tooLate));
        session.continueWithRoom();
        assertEquals("late", result(vote(late, round, best)), "a vote for the decision the room has left");
        String next = JsonParser.parseString(get(a, "/state").body()).getAsJsonObject().get("round").getAsString();
        assertFalse(next.equals(round), "the page follows the room to the next decision");
        assertEquals("accepted", result(vote(a, next, 1)), "a new decision, a new vote for every phone");
        assertEquals(3, session.steps().get(0).tally().total());
    }

    @Test
    void aVoteFromTheFormComesBackAsAPageAndTheServerStopsWithTheSession() throws Exception {
        HttpClient p = phone();
        String round = open(p);
        HttpResponse<String> r = p.send(HttpRequest.newBuilder(server.url().resolve("/vote")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("round=" + round + "&reply=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Your vote is in"), r.body());
        URI url = server.url();
        server.close();
        assertThrows(IOException.class, () -> p.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
