package org.rapport.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How Rapport connects to the department's PostgreSQL server: never waiting for ever, never printing a password, and
 * encrypted unless the department says otherwise.
 * <ul>
 *   <li>Timeouts: {@value #CONNECT_SECONDS} s to connect, {@value #LOGIN_SECONDS} s to log in, {@value #SOCKET_SECONDS} s
 *   for any answer; a URL that sets its own keeps it.</li>
 *   <li>Password: from the argument (the environment's {@code RAPPORT_DB_PASSWORD}), else the driver reads
 *   PostgreSQL's own {@code ~/.pgpass} or {@code PGPASSFILE}. Never in a message: {@link #redact} strips it from URLs.</li>
 *   <li>Transport: to a server that is not on this machine, {@code sslmode=verify-full} when the URL names none, so the
 *   certificate is checked against the server's name; {@link #unencrypted} tells the caller when the URL turned that
 *   off.</li>
 * </ul>
 */
public final class ServerConnection {
    static final int CONNECT_SECONDS = 5;
    static final int LOGIN_SECONDS = 10;
    static final int SOCKET_SECONDS = 15;

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:\\s]+):[^/@\\s]*@");

    private ServerConnection() {
    }

    /** Opens a connection with Rapport's timeouts and transport defaults. */
    public static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null && !user.isBlank()) p.setProperty("user", user);
        if (password != null && !password.isEmpty()) p.setProperty("password", password);
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.contains("connecttimeout=")) p.setProperty("connectTimeout", String.valueOf(CONNECT_SECONDS));
        if (!lower.contains("logintimeout=")) p.setProperty("loginTimeout", String.valueOf(LOGIN_SECONDS));
        if (!lower.contains("sockettimeout=")) p.setProperty("socketTimeout", String.valueOf(SOCKET_SECONDS));
        if (!lower.contains("tcpkeepalive=")) p.setProperty("tcpKeepAlive", "true");
        if (!lower.contains("applicationname=")) p.setProperty("ApplicationName", "Rapport");
        if (!lower.contains("sslmode=") && !local(url)) p.setProperty("sslmode", "verify-full");
        DriverManager.setLoginTimeout(LOGIN_SECONDS);
        return DriverManager.getConnection(url, p);
    }

    /** True when the URL points at this machine (a socket on localhost), where encryption adds nothing. */
    static boolean local(String url) {
        String host = host(url);
        return host == null || host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String host(String url) {
        String rest = url.startsWith("jdbc:") ? url.substring(5) : url;
        try {
            URI u = new URI(rest);
            return u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return null;
        }
    }

    /** A warning when the connection to a server elsewhere is not encrypted, or null when it is (or it is local). */
    public static String unencrypted(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (local(url)) return null;
        for (String mode : new String[]{"sslmode=disable", "sslmode=allow", "sslmode=prefer"}) {
            if (lower.contains(mode)) {
                return "The connection to the department's database is not encrypted (" + mode + "): replies and names travel"
                        + " in the clear. Ask your administrator for TLS (sslmode=verify-full).";
            }
        }
        return null;
    }

    /** The text with any password taken out: {@code password=...} parameters and {@code user:password@} in URLs. */
    public static String redact(String text) {
        if (text == null) return null;
        return USERINFO.matcher(PASSWORD_PARAM.matcher(text).replaceAll("$1***")).replaceAll("$1:***@");
    }
}
