package org.rapport.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}, which .ci/run installs) loading one page and printing its DOM when the
 * page has settled. A machine without it fails the web tests with what to install; set RAPPORT_NO_BROWSER=1 to skip
 * them on purpose (they then say so).
 */
final class Browser {
    private Browser() {
    }

    static String binary() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        return null;
    }

    /** Skips (only when asked to) or fails with what to do, when there is no Chromium. */
    static String require() {
        String b = binary();
        if (b == null) {
            org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("RAPPORT_NO_BROWSER")),
                    "RAPPORT_NO_BROWSER=1: the web player's browser tests are skipped");
            throw new AssertionError("The web player's tests need headless Chromium: apt-get install -y chromium "
                    + "(.ci/run installs it), or set RAPPORT_NO_BROWSER=1 to skip them knowingly.");
        }
        return b;
    }

    /** The page's DOM after it has run (virtual time lets timers finish at once), within {@code timeoutSeconds}. */
    static String dumpDom(String url, int windowWidth, int windowHeight, int timeoutSeconds) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rapport-chromium");
        List<String> cmd = new ArrayList<>(List.of(require(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + windowWidth + "," + windowHeight, "--virtual-time-budget=30000", "--dump-dom", url));
        return run(cmd, timeoutSeconds);
    }

    /** A PNG of the page as it stands after loading, for looking at it. */
    static void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("rapport-chromium");
        run(List.of(require(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--virtual-time-budget=10000", "--screenshot=" + png.toAbsolutePath(), url), 120);
    }

    private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process was stopped
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish " + cmd.get(cmd.size() - 1) + " within " + timeoutSeconds + " s");
        }
        reader.join(5000);
        return out.toString(StandardCharsets.UTF_8);
    }
}
