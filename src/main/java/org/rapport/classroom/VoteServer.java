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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Room voting from phones: a tiny web page served from the facilitator's laptop on the local network (the JDK's own
 * HTTP server, no account, no internet). It listens only while switched on, and {@link #close()} stops it (the
 * presenter closes it with the session).
 *
 * <p>A phone gets a token in a cookie when it opens the page (random, signed with the session's secret). A vote counts
 * only when it is for the decision on screen, voting there is still open (until the grades are revealed), the reply
 * exists, and this phone has not voted at this decision. Everything else is refused with a status and a reason and
 * does not count: a malformed vote (400), an unknown phone (403), a late, repeated or other-decision vote (409).
 */
public final class VoteServer implements AutoCloseable {
    public static final String COOKIE = "rapport-phone";
    /** The port tried first, so the address stays the same from one session to the next. */
    public static final int PREFERRED_PORT = 8765;
    static final int MAX_BODY = 1024;

    private final RoomSession session;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private VoteServer(RoomSession session, HttpServer server, ExecutorService executor, URI url) {
        this.session = session;
        this.server = server;
        this.executor = executor;
        this.url = url;
    }

    /** Starts serving {@code session} on {@code address}; port 0 picks a free one. */
    public static VoteServer start(RoomSession session, InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 32);
        ExecutorService ex = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rapport-vote-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(ex);
        String host = address.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
        VoteServer vs = new VoteServer(session, server, ex, url);
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

    /** The page's address, e.g. {@code http://192.168.1.23:8765/}: what the QR code holds. */
    public URI url() {
        return url;
    }

    /** The address to read out or type: host and port, without the scheme. */
    public String shortAddress() {
        return url.getHost() + ":" + url.getPort();
    }

    public int accepted() {
        return accepted.get();
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

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/", "/index.html" -> {
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        send(ex, 405, "text/plain", "Only GET here.");
                        return;
                    }
                    String token = token(ex);
                    if (token == null) {
                        token = session.issuePhoneToken();
                        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
                    }
                    send(ex, 200, "text/html; charset=utf-8", page(token, null));
                }
                case "/state" -> {
                    if (!method.equals("GET")) {
                        send(ex, 405, "text/plain", "Only GET here.");
                        return;
                    }
                    send(ex, 200, "application/json", state(token(ex)).toString());
                }
                case "/vote" -> vote(ex, method);
                default -> send(ex, 404, "text/plain", "Nothing here. Open the address on the screen.");
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            sendQuietly(ex, 500, "text/plain", "Something went wrong; please try again.");
        }
    }

    private void vote(HttpExchange ex, String method) throws IOException {
        boolean html = String.valueOf(ex.getRequestHeaders().getFirst("Accept")).contains("text/html");
        if (!method.equals("POST")) {
            refuse(ex, html, 405, "malformed", "Votes are sent with POST.");
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            refuse(ex, html, 413, "malformed", "That vote is too large.");
            return;
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String token = token(ex);
        if (token == null) {
            refuse(ex, html, 403, "unknown-phone", "Open the voting page first, then vote.");
            return;
        }
        int reply;
        try {
            reply = Integer.parseInt(form.getOrDefault("reply", "").strip());
        } catch (NumberFormatException e) {
            refuse(ex, html, 400, "malformed", "The vote does not say which reply.");
            return;
        }
        PhoneVote result = session.phoneVote(form.get("round"), token, reply - 1);
        switch (result) {
            case ACCEPTED -> {
                accepted.incrementAndGet();
                answer(ex, html, 200, true, "accepted", "Your vote is in. Watch the screen.", token);
            }
            case MALFORMED -> refuse(ex, html, 400, "malformed", "The vote was not understood.");
            case LATE -> refuse(ex, html, 409, "late", "Too late: voting on that decision has closed.");
            case OTHER_DECISION -> refuse(ex, html, 409, "other-decision", "That vote is for a decision that is not on the screen.");
            case REPEATED -> refuse(ex, html, 409, "repeated", "You have already voted on this decision.");
        }
    }

    private void refuse(HttpExchange ex, boolean html, int status, String result, String message) throws IOException {
        refused.incrementAndGet();
        answer(ex, html, status, false, result, message, token(ex));
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

    /** The phone's token from its cookie, if it is one this session signed. */
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
                    if (session.isPhoneToken(t)) return t;
                }
            }
        }
        return null;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a broken escape: this field is ignored, so the vote is refused as malformed
            }
        }
        return out;
    }

    private JsonObject state(String token) {
        Snapshot s = session.snapshot();
        JsonObject o = new JsonObject();
        o.addProperty("round", s.round());
        o.addProperty("decision", s.decisionNumber());
        o.addProperty("open", s.votingOpen());
        o.addProperty("ended", s.ended());
        o.addProperty("voted", token != null && session.hasVoted(token));
        o.addProperty("customer", s.node().say());
        JsonArray replies = new JsonArray();
        s.offered().forEach(c -> replies.add(c.say()));
        o.add("replies", replies);
        return o;
    }

    private String page(String token, String message) {
        Snapshot s = session.snapshot();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Rapport: vote</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:0;padding:1em;background:#fff;color:#111;font-size:18px}")
                .append("h1{font-size:1.1em;color:#555;margin:0 0 .5em}.say{font-size:1.25em;margin:.3em 0 1em}")
                .append("button{display:block;width:100%;text-align:left;font-size:1em;padding:.9em;margin:.5em 0;border:2px solid #0969da;")
                .append("border-radius:10px;background:#ddf4ff;color:#111}.n{font-weight:bold;margin-right:.5em}")
                .append(".msg{padding:.7em;border-radius:8px;background:#fff8c5;margin-bottom:1em}.done{color:#1a7f37;font-weight:bold}")
                .append("</style></head><body>");
        if (message != null) h.append("<p class=\"msg\">").append(ReportHtml.esc(message)).append("</p>");
        boolean voted = token != null && session.hasVoted(token);
        if (s.ended()) {
            h.append("<h1>Rapport</h1><p class=\"say\">The conversation has ended. Thank you for voting!</p>");
        } else {
            h.append("<h1>Decision ").append(s.decisionNumber()).append(": what would you say?</h1>");
            if (s.node() instanceof CustomerNode c) h.append("<p class=\"say\">“").append(ReportHtml.esc(c.say())).append("”</p>");
            if (voted) {
                h.append("<p class=\"done\">Your vote is in. The next decision appears here by itself.</p>");
            } else if (!s.votingOpen()) {
                h.append("<p>Voting on this decision has closed. The next decision appears here by itself.</p>");
            } else {
                List<Choice> offered = s.offered();
                for (int i = 0; i < offered.size(); i++) {
                    h.append("<form method=\"post\" action=\"/vote\"><input type=\"hidden\" name=\"round\" value=\"")
                            .append(ReportHtml.esc(s.round())).append("\"><input type=\"hidden\" name=\"reply\" value=\"").append(i + 1)
                            .append("\"><button type=\"submit\"><span class=\"n\">").append(i + 1).append("</span>")
                            .append(ReportHtml.esc(offered.get(i).say())).append("</button></form>");
                }
            }
        }
        // Reload when the screen moves on: a new decision, or voting opening or closing.
        h.append("<script>const r=").append(jsString(s.round())).append(",o=").append(s.votingOpen()).append(",v=").append(voted)
                .append(";setInterval(()=>fetch('/state').then(x=>x.json()).then(j=>{if(j.round!==r||j.open!==o||j.voted!==v)location.replace('/')})")
                .append(".catch(()=>{}),2000);</script></body></html>");
        return h.toString();
    }

    private static String jsString(String s) {
        if (s == null) return "null";
        return "\"" + s.replaceAll("[^A-Za-z0-9-]", "") + "\"";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
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
            // the phone went away; nothing to tell it
        }
    }
}
