package org.rapport.web;

import org.rapport.cli.RapportCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Makes a real package with {@code rapport package} and serves its unzipped files on the test site under a root. */
final class Packages {
    static final String BASE = "https://learning.example.org/rapport/";

    private Packages() {
    }

    static Path make(String standard, Double mastery, String mode, Path dialogue) throws Exception {
        Path zip = Files.createTempDirectory("rapport-pkg").resolve("package.zip");
        List<String> args = new ArrayList<>(List.of("package", dialogue.toString(), "--as", standard, "-o", zip.toString(),
                "--mode", mode, "--base", BASE));
        if (mastery != null) args.addAll(List.of("--mastery", String.valueOf(mastery)));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = RapportCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, "rapport package: " + out + err);
        return zip;
    }

    static void serve(Site site, String root, String standard, Double mastery, String mode, Path dialogue) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(make(standard, mastery, mode, dialogue)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) site.put(root + e.getName(), in.readAllBytes());
            }
        }
    }
}
