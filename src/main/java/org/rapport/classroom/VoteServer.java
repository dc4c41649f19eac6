package org.rapport.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.rapport.classroom.RoomSession.PhoneVote;
import org.rapport.classroom.RoomSession.Snapshot;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Room voting from phones: a tiny web page served from the facilitator's laptop on the local network (the JDK's own
 * HTTP server, no account, no internet). It listens only while phones are switched on in Present mode, and
 * {@link #close()} stops it (the presenter closes it with the session).
 *
 * <p>Who can vote: a phone opens the address, types the room code shown on the projector (the QR code carries it), and
 * only then gets its ballot, a token in a cookie (random, signed with the session's secret, and known to this room's
 * {@link PhoneRoom}). One ballot per joined phone: voting again changes the phone's vote, until the votes are revealed.
 * A token from another session or an earlier group, a forged cookie or a replay counts nothing.
 *
 * <p>What a slow or hostile client can't do: stall the server (each request must arrive within
 * {@value #MAX_REQUEST_SECONDS} s or its connection is closed; a bounded pool of workers and queue; headers and
 * bodies are size-limited), guess the code (wrong codes are slowed down per address), or learn anything from an error
 * (every malformed request gets a 4xx with a plain sentence). The page carries a strict content-security policy and is
 * never cached. See docs/reliability.md for the threat model.
 */
public final class VoteServer implements AutoCloseable {
    public static final String COOKIE = "rapport-phone";
    /** The port tried first, so the address stays the same from one session to the next. */
    public static final int PREFERRED_PORT = 8765;
    static final int MAX_BODY = 1024;
    static final int MAX_REQUEST_SECONDS = 2;
    static final int WORKERS = 64;
    static final int QUEUE = 256;

    static {
        // The JDK server's own limits, read once when it is first used: a request (headers and body) that takes longer
        // than this is cut off, so a client that sends slowly, or stops half-way, frees its worker.
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", "10");
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
        // Answers go out at once rather than wait ~40 ms for the phone's acknowledgement (Nagle and delayed ACKs).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    private final RoomSession session;
    private final PhoneRoom room;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final URI url;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger dropped;
    private volatile Runnable onJoin = () -> { };

    private VoteServer(RoomSession session, PhoneRoom room, HttpServer server, ThreadPoolExecutor executor, URI url, AtomicInteger dropped) {
        this.dropped = dropped;
        this.session = session;
        this.room = room;
        this.server = server;
        this.executor = executor;
        this.url = url;
    }

    /** Starts serving {@code session} on {@code address}; port 0 picks a free one. */
    public static VoteServer start(RoomSession session, InetAddress address, int port) throws IOException {
        return start(session, new PhoneRoom(), address, port);
    }

    static VoteServer start(RoomSession session, PhoneRoom room, InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        AtomicInteger dropped = new AtomicInteger();
        // Up to WORKERS threads before anything queues (a thread pool only grows past its core size when its queue is
        // full, so the core is the whole pool), idle ones retire; a full queue drops the newest connection rather
        // than block the server's dispatcher.
        ThreadPoolExecutor ex = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "rapport-vote-server");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> dropped.incrementAndGet());
        ex.allowCoreThreadTimeOut(true);
        server.setExecutor(ex);
        String host = address.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
        VoteServer vs = new VoteServer(session, room, server, ex, url, dropped);
        server.createContext("/", vs::handle);
        server.start();
        return vs;
    }

    /**
     * Starts on this laptop's local-network address, on {@link #PREFERRED_PORT} if it is free, else on any free port.
     * Fails with a plain message when the laptop is on no local network.
     */
    public static VoteServer startOnLan(RoomSession session) throws IOException {
        InetAddress lan = lanAddress().orElseThrow(() -> new IOException(
                "This laptop is not on a local network, so phones cannot reach it. Connect to the room's Wi-Fi and try again."));
        try {
            return start(session, lan, PREFERRED_PORT);
        } catch (java.net.BindException e) {
            return start(session, lan, 0);
        }
    }

    /** The laptop's address on the local network: a private IPv4 address of an interface that is up, if any. */
    public static Optional<InetAddress> lanAddress() {
        InetAddress fallback = null;
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual() || ni.isPointToPoint()) continue;
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (!(a instanceof Inet4Address) || a.isLoopbackAddress() || a.isLinkLocalAddress()) continue;
                    if (a.isSiteLocalAddress()) return Optional.of(a);
                    if (fallback == null) fallback = a;
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(fallback);
    }

    /** The page's address, e.g. {@code http://192.168.1.23:8765/}. */
    public URI url() {
        return url;
    }

    /** What the QR code holds: the page's address with the room code, so scanning it joins at once. */
    public URI joinUrl() {
        return url.resolve("/?code=" + room.code());
    }

    /** The address to read out or type: host and port, without the scheme. */
    public String shortAddress() {
        return url.getHost() + ":" + url.getPort();
    }

    /** Who may vote: the room code, the joined phones, the cap, the lock. */
    public PhoneRoom room() {
        return room;
    }

    /** How many joined phones have voted at the decision on screen. */
    public int votedNow() {
        return session.votedAmong(room.joined());
    }

    public int accepted() {
        return accepted.get();
    }

    /** Connections dropped because every worker was busy and the queue was full (a flood, not a class). */
    public int dropped() {
        return dropped.get();
    }

    /** Runs (on a server thread) after a phone joins, so the facilitator's count can follow. */
    public void onJoin(Runnable r) {
        onJoin = r == null ? () -> { } : r;
    }

    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // == requests ==

    /** More header lines than a phone's browser ever sends: such a request is refused (431) before anything else. */
    static final int MAX_HEADERS = 40;

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            int lines = 0;
            for (List<String> values : ex.getRequestHeaders().values()) lines += values.size();
            if (lines > MAX_HEADERS) {
                refused.incrementAndGet();
                sendQuietly(ex, 431, "text/plain; charset=utf-8", "Too many header lines.");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            switch (path == null ? "" : path) {
                case "/", "/index.html" -> {
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        refuse(ex, true, 405, "malformed", "Open this page in your phone's browser.");
                        return;
                    }
                    String token = token(ex);
                    String typed = query(ex, "code");
                    if (token == null && typed != null) {
                        join(ex, typed);
                        return;
                    }
                    if (token == null) {
                        send(ex, 200, "text/html; charset=utf-8", joinPage(null));
                        return;
                    }
                    send(ex, 200, "text/html; charset=utf-8", page(token, null));
                }
                case "/join" -> {
                    if (!method.equals("POST")) {
                        refuse(ex, true, 405, "malformed", "Type the room code on the page.");
                        return;
                    }
                    Map<String, String> form = strictForm(readBody(ex), Set.of("code"));
                    if (form == null) {
                        refuse(ex, true, 400, "malformed", "Type the room code shown on the screen.");
                        return;
                    }
                    join(ex, form.get("code"));
                }
                case "/state" -> {
                    if (!method.equals("GET")) {
                        refuse(ex, false, 405, "malformed", "Only GET here.");
                        return;
                    }
                    String token = token(ex);
                    if (token == null) {
                        refuse(ex, false, 403, "not-joined", "Join with the room code first.");
                        return;
                    }
                    send(ex, 200, "application/json", state(token).toString());
                }
                case "/vote" -> vote(ex, method);
                default -> refuse(ex, false, 404, "malformed", "Nothing here. Open the address on the screen.");
            }
        } catch (BodyTooLarge e) {
            sendQuietly(ex, 413, "text/plain; charset=utf-8", "That request is too large.");
        } catch (IOException | RuntimeException e) {
            refused.incrementAndGet();
            sendQuietly(ex, 400, "text/plain; charset=utf-8", "That request was not understood; please try again.");
        }
    }

    private void join(HttpExchange ex, String typed) throws IOException {
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        PhoneRoom.Join j = room.join(address, typed, session::issuePhoneToken);
        switch (j.kind()) {
            case JOINED -> {
                onJoin.run();
                ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + j.token() + "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
                ex.getResponseHeaders().set("Location", "/");
                send(ex, 303, "text/html; charset=utf-8", page(j.token(), "You're in. Vote when the screen asks."));
            }
            case WRONG_CODE -> joinRefused(ex, 403, j.waitSeconds() > 0
                    ? "That is not the code on the screen. Wait " + j.waitSeconds() + " seconds before trying again."
                    : "That is not the code on the screen. Check it and try again.");
            case WAIT -> joinRefused(ex, 429, "Too many wrong codes from this phone. Wait " + j.waitSeconds() + " seconds, then try again.");
            case LOCKED -> joinRefused(ex, 403, "Joining is closed for this group. Ask the facilitator.");
            case FULL -> joinRefused(ex, 403, "The room is full (" + room.cap() + " phones). Ask the facilitator.");
        }
    }

    private void joinRefused(HttpExchange ex, int status, String message) throws IOException {
        refused.incrementAndGet();
        if (status == 429) ex.getResponseHeaders().set("Retry-After", message.replaceAll("\\D+", " ").strip().split(" ")[0]);
        send(ex, status, "text/html; charset=utf-8", joinPage(message));
    }

    private void vote(HttpExchange ex, String method) throws IOException {
        boolean html = String.valueOf(ex.getRequestHeaders().getFirst("Accept")).contains("text/html");
        if (!method.equals("POST")) {
            refuse(ex, html, 405, "malformed", "Votes are sent with POST.");
            return;
        }
        byte[] body = readBody(ex);
        String token = token(ex);
        if (token == null) {
            refuse(ex, html, 403, "not-joined", "Join with the room code on the screen, then vote.");
            return;
        }
        Map<String, String> form = strictForm(body, Set.of("round", "reply"));
        Integer reply = form == null ? null : number(form.get("reply"));
        if (reply == null) {
            refuse(ex, html, 400, "malformed", "The vote does not say which reply.");
            return;
        }
        PhoneVote result = session.phoneVote(form.get("round"), token, reply - 1);
        switch (result) {
            case ACCEPTED -> {
                accepted.incrementAndGet();
                answer(ex, html, 200, true, "accepted", "Your vote is in. You can change it until the votes are shown.", token);
            }
            case CHANGED -> answer(ex, html, 200, true, "changed", "Your vote is changed. You can change it until the votes are shown.", token);
            case REPEATED -> answer(ex, html, 200, true, "repeated", "That is already your vote.", token);
            case MALFORMED -> refuse(ex, html, 400, "malformed", "The vote was not understood.");
            case LATE -> refuse(ex, html, 409, "late", "Too late: voting on that decision has closed.");
            case OTHER_DECISION -> refuse(ex, html, 409, "other-decision", "That vote is for a decision that is not on the screen.");
        }
    }

    /** The request body, at most {@value #MAX_BODY} bytes; a longer one (declared or sent) is refused. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BODY) throw new BodyTooLarge();
            } catch (NumberFormatException e) {
                throw new IOException("bad length");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) throw new BodyTooLarge();
            return body;
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("too large");
        }
    }

    /**
     * A form body with exactly the given fields, each once, in plain ASCII, or null. Nothing else is accepted: no
     * extra field, no repeated one, no broken escape.
     */
    static Map<String, String> strictForm(byte[] body, Set<String> fields) {
        for (byte b : body) if (b < 0x20 || b > 0x7e) return null;
        String text = new String(body, StandardCharsets.US_ASCII);
        Map<String, String> out = new HashMap<>();
        if (text.isEmpty()) return null;
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) return null;
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!fields.contains(key) || out.putIfAbsent(key, value) != null) return null;
        }
        return out.keySet().equals(fields) ? out : null;
    }

    /** A reply number: one to three ASCII digits, nothing else. */
    static Integer number(String s) {
        if (s == null || s.isEmpty() || s.length() > 3) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return Integer.parseInt(s);
    }

    private static String query(HttpExchange ex, String key) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null || q.length() > 200) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return null;
    }

    private void refuse(HttpExchange ex, boolean html, int status, String result, String message) throws IOException {
        refused.incrementAndGet();
        String token = token(ex);
        if (html && token == null) {
            send(ex, status, "text/html; charset=utf-8", joinPage(message));
            return;
        }
        answer(ex, html, status, false, result, message, token);
    }

    private void answer(HttpExchange ex, boolean html, int status, boolean ok, String result, String message, String token) throws IOException {
        if (html) {
            send(ex, status, "text/html; charset=utf-8", page(token, message));
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("ok", ok);
        o.addProperty("result", result);
        o.addProperty("message", message);
        send(ex, status, "application/json", o.toString());
    }

    /** The phone's token from its cookie, if this session signed it and the phone joined this room (this group). */
    private String token(HttpExchange ex) {
        List<String> cookies = ex.getRequestHeaders().get("Cookie");
        if (cookies == null) return null;
        for (String header : cookies) {
            // Browsers send "a=b; c=d"; older clients send RFC 2965 style, with commas and quoted values.
            for (String part : header.split("[;,]")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    String t = p.substring(COOKIE.length() + 1);
                    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
                    if (session.isPhoneToken(t) && room.isJoined(t)) return t;
                }
            }
        }
        return null;
    }

    private JsonObject state(String token) {
        Snapshot s = session.snapshot();
        JsonObject o = new JsonObject();
        o.addProperty("round", s.round());
        o.addProperty("decision", s.decisionNumber());
        o.addProperty("open", s.votingOpen());
        o.addProperty("ended", s.ended());
        o.addProperty("voted", session.hasVoted(token));
        session.phoneChoice(token).ifPresent(i -> o.addProperty("choice", i + 1));
        if (!s.ended()) {
            o.addProperty("customer", s.node().say());
            JsonArray replies = new JsonArray();
            s.offered().forEach(c -> replies.add(c.say()));
            o.add("replies", replies);
        }
        return o;
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:1em;background:#fff;color:#111;font-size:18px}"
            + "h1{font-size:1.1em;color:#444;margin:0 0 .5em}.say{font-size:1.25em;margin:.3em 0 1em}"
            + "button{display:block;width:100%;text-align:left;font-size:1em;padding:.9em;margin:.5em 0;border:2px solid #0969da;"
            + "border-radius:10px;background:#ddf4ff;color:#111}button.mine{background:#fff;border-width:4px;font-weight:bold}"
            + ".n{font-weight:bold;margin-right:.5em}.msg{padding:.7em;border-radius:8px;background:#fff8c5;margin-bottom:1em}"
            + ".done{color:#1a7f37;font-weight:bold}input{font-size:1.6em;letter-spacing:.2em;text-transform:uppercase;width:8em;"
            + "padding:.3em;border:2px solid #57606a;border-radius:8px}label{display:block;margin:.5em 0}";

    private static String open(String nonce, String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style nonce=\"" + nonce + "\">" + STYLE + "</style></head><body>";
    }

    /** The page a phone sees before it has joined: the code, and nothing about the conversation. */
    private String joinPage(String message) {
        String nonce = nonce();
        StringBuilder h = new StringBuilder(2048).append(open(nonce, "Rapport: join the room"));
        if (message != null) h.append("<p class=\"msg\">").append(ReportHtml.esc(message)).append("</p>");
        h.append("<h1>Join the room</h1><form method=\"post\" action=\"/join\"><label for=\"code\">Type the room code on the screen</label>")
                .append("<input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"12\" required>")
                .append("<button type=\"submit\">Join</button></form></body></html>");
        return withNonce(h.toString(), nonce);
    }

    private String page(String token, String message) {
        Snapshot s = session.snapshot();
        String nonce = nonce();
        StringBuilder h = new StringBuilder(4096).append(open(nonce, "Rapport: vote"));
        if (message != null) h.append("<p class=\"msg\">").append(ReportHtml.esc(message)).append("</p>");
        Optional<Integer> mine = token == null ? Optional.empty() : session.phoneChoice(token);
        boolean voted = token != null && session.hasVoted(token);
        if (s.ended()) {
            h.append("<h1>Rapport</h1><p class=\"say\">The conversation has ended. Thank you for voting!</p>");
        } else {
            h.append("<h1>Decision ").append(s.decisionNumber()).append(": what would you say?</h1>");
            if (s.node() instanceof CustomerNode c) h.append("<p class=\"say\">“").append(ReportHtml.esc(c.say())).append("”</p>");
            if (!s.votingOpen()) {
                h.append("<p>Voting on this decision has closed. The next decision appears here by itself.</p>");
            } else {
                if (voted) h.append("<p class=\"done\">Your vote is in. Tap another reply to change it, until the votes are shown.</p>");
                List<Choice> offered = s.offered();
                for (int i = 0; i < offered.size(); i++) {
                    boolean chosen = mine.isPresent() && mine.get() == i;
                    h.append("<form method=\"post\" action=\"/vote\"><input type=\"hidden\" name=\"round\" value=\"")
                            .append(ReportHtml.esc(s.round())).append("\"><input type=\"hidden\" name=\"reply\" value=\"").append(i + 1)
                            .append("\"><button type=\"submit\"").append(chosen ? " class=\"mine\" aria-pressed=\"true\"" : "")
                            .append("><span class=\"n\">").append(i + 1).append("</span>")
                            .append(ReportHtml.esc(offered.get(i).say())).append(chosen ? " (your vote)" : "").append("</button></form>");
                }
            }
        }
        // Reload when the screen moves on: a new decision, or voting opening or closing.
        h.append("<script nonce=\"").append(nonce).append("\">const r=").append(jsString(s.round())).append(",o=").append(s.votingOpen())
                .append(";setInterval(()=>fetch('/state').then(x=>x.json()).then(j=>{if(j.round!==r||j.open!==o)location.replace('/')})")
                .append(".catch(()=>{}),2000);</script></body></html>");
        return withNonce(h.toString(), nonce);
    }

    /** The page and its policy travel together: the policy is set from the nonce the page was built with. */
    private static String withNonce(String page, String nonce) {
        return nonce + "\n" + page;
    }

    private static String nonce() {
        byte[] b = new byte[16];
        NONCES.nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();

    private static String jsString(String s) {
        if (s == null) return "null";
        return "\"" + s.replaceAll("[^A-Za-z0-9-]", "") + "\"";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        var h = ex.getResponseHeaders();
        if (type.startsWith("text/html")) {
            int nl = body.indexOf('\n');
            String nonce = body.substring(0, nl);
            body = body.substring(nl + 1);
            h.set("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce
                    + "'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendQuietly(HttpExchange ex, int status, String type, String body) {
        try {
            send(ex, status, type, body);
        } catch (IOException | RuntimeException ignored) {
            // the phone went away, or the response had already started; nothing to tell it
        }
    }
}
