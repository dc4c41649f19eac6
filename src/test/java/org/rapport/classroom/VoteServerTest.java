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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone vote server on loopback, voted on from real HTTP clients, one per "phone", and attacked from raw sockets:
 * the room code, one ballot per joined phone, slow and hostile clients, malformed requests.
 */
class VoteServerTest {
    private RoomSession session;
    private VoteServer server;
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @BeforeEach
    void startServer() throws IOException {
        session = newSession();
        server = VoteServer.start(session, new PhoneRoom(clock::get), InetAddress.getLoopbackAddress(), 0);
    }

    private static RoomSession newSession() {
        byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
        return RoomSession.start(d, bytes, DialogueReader.sha256(bytes), 42, 1_000);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A phone: an HTTP client that keeps its cookies and does not follow redirects (so the join's answer is seen). */
    private static HttpClient phone() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(HttpClient phone, String path) throws Exception {
        return phone.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient phone, String path, String body, Duration timeout) throws Exception {
        return phone.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> vote(HttpClient phone, String round, int reply) throws Exception {
        return post(phone, "/vote", "round=" + round + "&reply=" + reply, Duration.ofSeconds(10));
    }

    private HttpResponse<String> join(HttpClient phone, String code) throws Exception {
        return post(phone, "/join", "code=" + code, Duration.ofSeconds(10));
    }

    private static String result(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("result").getAsString();
    }

    /** Joins with the room code, like a phone typing it, and returns the round on screen. */
    private String joined(HttpClient phone) throws Exception {
        HttpResponse<String> j = join(phone, server.room().code());
        assertEquals(303, j.statusCode(), j.body());
        JsonObject state = JsonParser.parseString(get(phone, "/state").body()).getAsJsonObject();
        return state.get("round").getAsString();
    }

    @Test
    void aPhoneSeesNothingOfTheConversationUntilItJoinsWithTheCodeAndTheQrCodeCarriesIt() throws Exception {
        HttpClient p = phone();
        HttpResponse<String> first = get(p, "/");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("Type the room code on the screen"), first.body());
        assertFalse(first.body().contains("I paid extra"), "no line of the conversation before joining");
        assertTrue(first.headers().firstValue("Set-Cookie").isEmpty(), "no ballot for opening the page");
        String csp = first.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'") && csp.contains("script-src 'nonce-") && !csp.contains("unsafe"), csp);
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(403, get(p, "/state").statusCode(), "no state either");

        assertEquals(403, get(p, "/?code=WRONG").statusCode());
        URI qr = server.joinUrl();
        assertEquals("code=" + server.room().code(), qr.getQuery(), "the QR code holds the room code");
        HttpResponse<String> scanned = get(p, qr.getPath() + "?" + qr.getQuery());
        assertEquals(303, scanned.statusCode(), "scanning the QR code joins");
        HttpResponse<String> page = get(p, "/");
        assertTrue(page.body().contains("I paid extra for guaranteed delivery"), "the customer's line");
        assertTrue(page.body().contains("That must have been a let-down at the party."), "the replies");
        assertFalse(page.body().contains("best") || page.body().contains("harmful"), "no grade reaches a phone");
        assertEquals(404, get(p, "/admin").statusCode());
        assertEquals(1, server.room().joinedCount());
        assertEquals(5, server.room().code().length());
        assertTrue(server.room().code().chars().noneMatch(c -> "0O1IL2Z5S8B".indexOf(c) >= 0), "no look-alike characters");
    }

    @Test
    void withoutTheCodeNothingCanVoteNotEvenWithATokenTheSessionSigned() throws Exception {
        HttpClient stranger = phone();
        String round = session.snapshot().round();
        HttpResponse<String> r = vote(stranger, round, 1);
        assertEquals(403, r.statusCode());
        assertEquals("not-joined", result(r));
        // A genuine, signed token that never joined this room (copied from somewhere) counts nothing.
        HttpClient copier = phone();
        ((CookieManager) copier.cookieHandler().orElseThrow()).getCookieStore().add(server.url(), cookie(session.issuePhoneToken()));
        assertEquals(403, vote(copier, round, 1).statusCode());
        assertEquals(0, session.snapshot().tally().total());
    }

    private static HttpCookie cookie(String token) {
        HttpCookie c = new HttpCookie(VoteServer.COOKIE, token);
        c.setPath("/");
        return c;
    }

    @Test
    void twentyWrongCodesInARowAreSlowedDownSoTheCodeCannotBeGuessed() throws Exception {
        HttpClient guesser = phone();
        int refused = 0;
        int waited = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = join(guesser, "AAAAA");
            if (r.statusCode() == 403) refused++;
            if (r.statusCode() == 429) {
                waited++;
                assertTrue(r.body().contains("Wait") && r.headers().firstValue("Retry-After").isPresent(), r.body());
            }
        }
        assertEquals(PhoneRoom.FREE_TRIES + 1, refused, "five free tries, then the sixth wrong code starts a wait");
        assertEquals(20 - refused, waited, "every try during the wait is turned away");
        assertEquals(429, join(guesser, server.room().code()).statusCode(), "even the right code waits");
        clock.addAndGet(2_001);
        assertEquals(303, join(guesser, server.room().code()).statusCode(), "after the wait the right code works");
        assertEquals(0, session.snapshot().tally().total());
    }

    @Test
    void oneClientSendingAThousandBallotsCountsOnceAndMayChangeItsVoteUntilTheReveal() throws Exception {
        HttpClient p = phone();
        String round = joined(p);
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<String> r = vote(p, round, 1 + i % 2);
            assertEquals(200, r.statusCode(), r.body());
        }
        assertEquals(1, session.snapshot().tally().total(), "one phone, one ballot");
        assertEquals(1, session.snapshot().votesAt(1), "the last vote is the one that counts");
        assertEquals(1, server.votedNow());
        session.revealDistribution();
        HttpResponse<String> late = vote(p, round, 1);
        assertEquals(409, late.statusCode());
        assertEquals("late", result(late));
        assertEquals(1, session.snapshot().votesAt(1), "votes close at the reveal");
    }

    @Test
    void aTokenFromAnEarlierSessionOrAnEarlierGroupCountsNothing() throws Exception {
        RoomSession earlier = newSession();
        HttpClient old = phone();
        ((CookieManager) old.cookieHandler().orElseThrow()).getCookieStore().add(server.url(), cookie(earlier.issuePhoneToken()));
        assertEquals(403, vote(old, session.snapshot().round(), 1).statusCode(), "another session's token");

        HttpClient p = phone();
        String round = joined(p);
        String code = server.room().code();
        server.room().startAfresh();
        assertFalse(code.equals(server.room().code()) && server.room().joinedCount() > 0, "a new group gets a new code and no phones");
        HttpResponse<String> r = vote(p, round, 1);
        assertEquals(403, r.statusCode(), "last group's phone must join again");
        assertEquals(0, session.snapshot().tally().total());
    }

    @Test
    void lockedOrFullJoiningIsRefusedAndJoinedPhonesStillVote() throws Exception {
        server.room().cap(2);
        HttpClient a = phone();
        HttpClient b = phone();
        String round = joined(a);
        joined(b);
        HttpResponse<String> full = join(phone(), server.room().code());
        assertEquals(403, full.statusCode());
        assertTrue(full.body().contains("The room is full"), full.body());
        server.room().cap(10);
        server.room().lock(true);
        HttpResponse<String> locked = join(phone(), server.room().code());
        assertEquals(403, locked.statusCode());
        assertTrue(locked.body().contains("Joining is closed"), locked.body());
        assertEquals("accepted", result(vote(a, round, 1)), "phones that joined keep voting");
    }

    @Test
    void twoHundredPhonesJoiningAndVotingAtOnceGiveAnExactTally() throws Exception {
        server.room().cap(250);
        String round = session.snapshot().round();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int reply = 1 + i % 2;
                done.add(pool.submit(() -> {
                    HttpClient p = phone();
                    assertEquals(303, join(p, server.room().code()).statusCode());
                    return vote(p, round, reply).statusCode();
                }));
            }
            for (Future<Integer> f : done) assertEquals(200, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, server.room().joinedCount());
        assertEquals(200, session.snapshot().tally().total());
        assertEquals(100, session.snapshot().votesAt(0));
        assertEquals(100, session.snapshot().votesAt(1));
    }

    @Test
    void slowAndSilentClientsDoNotStopTheOthersFromVotingWithinASecond() throws Exception {
        HttpClient warm = phone();
        String round = joined(warm);
        vote(warm, round, 1);
        int port = server.url().getPort();
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) { // headers started, never finished
                Socket s = new Socket(lo, port);
                s.getOutputStream().write("POST /vote HTTP/1.1\r\nHost: x\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                attackers.add(s);
            }
            for (int i = 0; i < 10; i++) { // a body announced as 100 bytes, 6 sent
                Socket s = new Socket(lo, port);
                s.getOutputStream().write(("POST /vote HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100\r\n\r\nround=").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                attackers.add(s);
            }
            for (int i = 0; i < 50; i++) attackers.add(new Socket(lo, port)); // connected, silent
            Thread.sleep(200);
            for (int i = 0; i < 10; i++) {
                HttpClient p = phone();
                HttpResponse<String> j = post(p, "/join", "code=" + server.room().code(), Duration.ofSeconds(1));
                assertEquals(303, j.statusCode());
                HttpResponse<String> v = post(p, "/vote", "round=" + round + "&reply=2", Duration.ofSeconds(1));
                assertEquals(200, v.statusCode(), "a phone votes within a second while 70 connections stall");
            }
        } finally {
            for (Socket s : attackers) s.close();
        }
        assertEquals(11, session.snapshot().tally().total());
    }

    /** Sends raw bytes and returns the status code of the answer, or -1 when the server closed without one. */
    private int raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 ")) return -1;
            String all = head + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(all.contains("Exception") || all.contains("org.rapport") || all.contains("java."), "no class names: " + all);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Test
    void garbageOversizedAndTruncatedRequestsGetA4xxAndTheServerKeepsServing() throws Exception {
        HttpClient p = phone();
        String round = joined(p);
        String cookie = ((CookieManager) p.cookieHandler().orElseThrow()).getCookieStore().getCookies().get(0).toString();
        List<String> bad = List.of(
                "GARBAGE\r\n\r\n",
                "GET\r\n\r\n",
                "POST /vote HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\nContent-Length: 5000\r\n\r\nround=1",
                "POST /vote HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\nContent-Length: 12\r\n\r\nreply=\u00e9\u00e9&x=1",
                "POST /vote HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\nContent-Length: 21\r\n\r\nreply=1&reply=2&r=ab",
                "POST /vote HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\nContent-Length: 30\r\n\r\nround=" + round.substring(0, 3),
                "POST /join HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + "c".repeat(2000),
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\n" + "X-Pad: y\r\n".repeat(200) + "\r\n",
                "DELETE /vote HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /state HTTP/1.1\r\nHost: x\r\nCookie: rapport-phone=forged.token\r\n\r\n");
        for (String request : bad) {
            int status = raw(request);
            assertTrue(status >= 400 && status < 500 || status == -1, "a 4xx (or a closed connection) for "
                    + request.substring(0, Math.min(60, request.length())) + ": " + status);
        }
        assertEquals("accepted", result(vote(p, round, 1)), "and the server keeps serving");
        assertEquals(1, session.snapshot().tally().total(), "nothing malformed counted");
    }

    @Test
    void aVoteFromTheFormComesBackAsAPageAndTheServerStopsWithTheSession() throws Exception {
        HttpClient p = phone();
        String round = joined(p);
        HttpResponse<String> r = p.send(HttpRequest.newBuilder(server.url().resolve("/vote")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("round=" + round + "&reply=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Your vote is in"), r.body());
        assertTrue(r.body().contains("(your vote)"), "the page shows which reply is the phone's vote");
        URI url = server.url();
        server.close();
        assertThrows(IOException.class, () -> p.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
