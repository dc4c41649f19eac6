package org.rapport;

import org.rapport.cli.RapportCli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of {@code rapport.jar}. It does not extend {@code Application}, so the jar runs from a plain class
 * path. With a command ({@code validate}, {@code help}, ...) it runs the command line; otherwise it starts the app.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (RapportCli.wants(args)) {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            System.exit(RapportCli.run(args, out, err));
        }
        org.rapport.ui.RapportApp.main(args);
    }
}
