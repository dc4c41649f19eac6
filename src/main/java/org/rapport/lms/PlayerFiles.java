package org.rapport.lms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web player's files, as the build put them on the class path under {@code org/rapport/web/player/}: every name
 * listed in {@code files.txt} there (one a line; blank lines and lines starting with {@code #} skipped), each copied
 * into the package under {@code player/}. The engine ({@code engine.js}) is compiled by TeaVM during {@code mvn package},
 * so a build without that step has no player; that is said plainly rather than packaged half.
 */
public final class PlayerFiles {
    public static final String FOLDER = "org/rapport/web/player/";
    public static final String LIST = FOLDER + "files.txt";

    private final Map<String, byte[]> files;

    private PlayerFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The player files by their name under {@code player/}, in files.txt's order. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** Files given directly (tests, or a player from elsewhere); names are checked like files.txt's. */
    public static PlayerFiles of(Map<String, byte[]> files) {
        for (String name : files.keySet()) checkName(name);
        if (!files.containsKey("index.html")) {
            throw new LmsException(LmsException.Kind.BUILD, "The web player has no index.html, the page each conversation starts on.");
        }
        return new PlayerFiles(files);
    }

    /** The player of this build, from Rapport's own class path. */
    public static PlayerFiles bundled() {
        return fromClassPath(PlayerFiles.class.getClassLoader());
    }

    public static PlayerFiles fromClassPath(ClassLoader loader) {
        byte[] list = resource(loader, LIST);
        if (list == null) {
            throw new LmsException(LmsException.Kind.BUILD, "The web player is missing from this build: " + LIST
                    + "; build with mvn package.");
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\\R")) {
            String n = line.strip();
            if (n.isEmpty() || n.startsWith("#")) continue;
            checkName(n);
            if (!names.contains(n)) names.add(n);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            byte[] bytes = resource(loader, FOLDER + n);
            if (bytes == null) missing.add(n);
            else files.put(n, bytes);
        }
        if (!missing.isEmpty()) {
            throw new LmsException(LmsException.Kind.BUILD, "The web player is missing from this build: " + String.join(", ", missing)
                    + "; build with mvn package.");
        }
        return of(files);
    }

    /** A relative path of plain segments: no "..", no leading "/", no backslash, no query. */
    static void checkName(String n) {
        if (n.isEmpty() || n.startsWith("/") || n.contains("\\") || n.contains("?") || n.contains("#") || n.contains(":")
                || n.endsWith("/") || java.util.Arrays.stream(n.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new LmsException(LmsException.Kind.BUILD, "The web player's file list names \"" + n + "\", which is not a plain relative file name.");
        }
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
