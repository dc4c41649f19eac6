package org.rapport.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A web server on 127.0.0.1 for the browser tests: serves fixed files by path, records what pages POST or PUT, and
 * lets a test answer other requests itself (the stub learning record store).
 */
final class Site implements AutoCloseable {
    /** One request a page sent. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
    }

    /** A test's own answer to a request: status, content type and body. */
    record Answer(int status, String type, String body) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> received = new CopyOnWriteArrayList<>();
    volatile Function<Request, Answer> handler = r -> null;

    Site() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    void put(String path, String text) {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request r = new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), body);
            if (!ex.getRequestMethod().equals("GET") || !files.containsKey(path)) received.add(r);
            Answer a = handler.apply(r);
            if (a == null && ex.getRequestMethod().equals("GET") && files.containsKey(path)) {
                send(ex, 200, type(path), files.get(path));
            } else if (a == null && !ex.getRequestMethod().equals("GET")) {
                send(ex, 204, "text/plain", new byte[0]);
            } else if (a == null) {
                send(ex, 404, "text/plain", ("not found: " + path).getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, a.status(), a.type(), a.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (status == 204 || body.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String type(String path) {
        if (path.endsWith(".html")) return "text/html; charset=utf-8";
        if (path.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (path.endsWith(".css")) return "text/css; charset=utf-8";
        if (path.endsWith(".json")) return "application/json";
        if (path.endsWith(".xml")) return "application/xml";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
