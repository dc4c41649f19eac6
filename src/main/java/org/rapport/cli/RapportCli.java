package org.rapport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Set;

/** The command line: {@code java -jar rapport.jar COMMAND ...}. Without a command, the app starts instead. */
@Command(name = "rapport", mixinStandardHelpOptions = true, version = "Rapport 0.1.0",
        description = {"Rapport: practise hard customer conversations.",
                "Without a command, `java -jar rapport.jar` starts the app on the bundled dialogues."},
        subcommands = {ValidateCommand.class, PlayCommand.class, CoverageCommand.class, PathsCommand.class, CuesCommand.class, CoachCommand.class, GraphCommand.class,
                NewCommand.class, GuideCommand.class, ClassReportCommand.class, DbCommand.class, FormatCommand.class, CommandLine.HelpCommand.class})
public final class RapportCli {
    /** Words that make the launcher run the command line rather than the app. */
    public static final Set<String> COMMANDS = Set.of("validate", "play", "coverage", "paths", "cues", "coach", "graph", "new", "guide", "class-report", "db", "format", "help", "--help", "-h", "--version", "-V");

    public static boolean wants(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs a command and returns its exit code (0 ok, 1 problems found, 2 bad usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RapportCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("rapport: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }
}
