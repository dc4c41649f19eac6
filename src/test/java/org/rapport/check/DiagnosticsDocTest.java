package org.rapport.check;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every code the app can emit is documented in docs/diagnostics.md, and the document lists no code that does not exist. */
class DiagnosticsDocTest {
    private static final Pattern CODE = Pattern.compile("\"(RAP\\d{3})\"");

    @Test
    void everyEmittedCodeIsDocumented() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) emitted.add(m.group(1));
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| (RAP\\d{3}) \\|", Pattern.MULTILINE).matcher(Files.readString(Path.of("docs/diagnostics.md")));
        while (m.find()) documented.add(m.group(1));
        assertEquals(emitted, documented);
    }
}
