package org.rapport.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a trainee's data lives: {@code --data DIR}, else the {@value #ENV} environment variable, else the operating
 * system's convention (Linux: $XDG_DATA_HOME/rapport or ~/.local/share/rapport; macOS: ~/Library/Application
 * Support/Rapport; Windows: %APPDATA%\Rapport).
 */
public final class DataLocation {
    public static final String ENV = "RAPPORT_DATA";

    private DataLocation() {
    }

    public static Path resolve(String dataOption, Map<String, String> env, String osName, Path home) {
        if (dataOption != null && !dataOption.isBlank()) return Path.of(dataOption);
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Rapport") : home.resolve("AppData").resolve("Roaming").resolve("Rapport");
        }
        if (os.contains("mac")) return home.resolve("Library").resolve("Application Support").resolve("Rapport");
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "rapport") : home.resolve(".local").resolve("share").resolve("rapport");
    }

    public static Path resolve(String dataOption) {
        return resolve(dataOption, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }
}
