package org.rapport.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under the default setting (a server that is not on this machine gets sslmode=verify-full), a server whose
 * certificate names another host is refused at the TLS handshake, before any password is sent. The server here is a
 * real TLS endpoint speaking the start of PostgreSQL's protocol (the SSL request, then the handshake), with a
 * certificate made by the JDK's keytool; the client is the real PostgreSQL driver. The same server with a certificate
 * that names the host gets past the handshake, so the refusal is the name check, not trust or the protocol.
 */
class ServerTlsTest {
    @TempDir
    Path dir;

    /** A keystore with a self-signed certificate for {@code name}, and that certificate as PEM for the client to trust. */
    private Path[] certificateFor(String name) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name, "-ext", "san=dns:" + name,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(), "-storepass", "changeit", "-file", pem.toString());
        return new Path[] {ks, pem};
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
    }

    /** Accepts one client: answers PostgreSQL's SSL request with 'S' and completes a TLS handshake; completes with whether it did. */
    private static CompletableFuture<Boolean> fakeServer(ServerSocket listener, Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        CompletableFuture<Boolean> handshook = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (Socket s = listener.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                int length = in.readInt();
                int code = in.readInt();
                assertEquals(8, length);
                assertEquals(80877103, code, "the driver asks for TLS first");
                s.getOutputStream().write('S');
                s.getOutputStream().flush();
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                handshook.complete(true);
                ssl.close();
            } catch (Exception e) {
                handshook.complete(false);
            }
        });
        t.setDaemon(true);
        t.start();
        return handshook;
    }

    private String connect(String host, int port, Path rootCert) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/rapport?sslrootcert=" + rootCert + "&connectTimeout=5&socketTimeout=5";
        SQLException e = assertThrows(SQLException.class, () -> ServerConnection.connect(url, "ana", "s3cret-pass").close());
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append(" | ");
        return all.toString();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedByDefaultAndOneForThisHostGetsThroughTheHandshake() throws Exception {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
            InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            org.junit.jupiter.api.Assumptions.abort("this machine's own name does not resolve, so no non-local server can be stood up: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(ServerConnection.local("jdbc:postgresql://" + host + "/x"),
                "this machine's name must not read as localhost for the default to apply");

        Path[] wrong = certificateFor("wrong.example");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            CompletableFuture<Boolean> handshake = fakeServer(listener, wrong[0]);
            String error = connect(host, listener.getLocalPort(), wrong[1]);
            assertTrue(error.toLowerCase().contains("hostname") && error.contains(host), "refused for the name: " + error);
            assertFalse(error.contains("s3cret-pass"), "the error never shows the password");
            handshake.get(10, TimeUnit.SECONDS);
        }

        Path[] right = certificateFor(host);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            CompletableFuture<Boolean> handshake = fakeServer(listener, right[0]);
            String error = connect(host, listener.getLocalPort(), right[1]);
            assertTrue(handshake.get(10, TimeUnit.SECONDS), "with the right name the TLS handshake completes: " + error);
            assertFalse(error.toLowerCase().contains("could not be verified"), "and no name check fails: " + error);
        }
    }
}
