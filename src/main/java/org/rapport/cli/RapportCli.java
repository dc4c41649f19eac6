package org.rapport.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * The command line: {@code java -jar rapport.jar COMMAND ...}. The launcher sends every first argument here that is
 * not an option of the app; a word that is no command is reported with the nearest command (exit 2).
 */
@Command(name = "rapport", addMethodSubcommands = false, mixinStandardHelpOptions = true, version = "Rapport 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = {"Rapport: practise hard customer conversations.",
                "Without a command, `java -jar rapport.jar` starts the app on the bundled dialogues. The app takes "
                        + "--library DIR, --data DIR, --size WxH and --db JDBC-URL (with --db-user); see the README.",
                "`rapport COMMAND --help` explains a command and its options.",
                "Exit codes: 0 ok, 1 problems found (each command says which), 2 bad usage or an unknown command, "
                        + "3 no desktop to show the app's window on."})
public final class RapportCli {
    /** The commands, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(ValidateCommand.class, PlayCommand.class, CoverageCommand.class,
            PathsCommand.class, CuesCommand.class, CoachCommand.class, GraphCommand.class, NewCommand.class, GuideCommand.class,
            ClassReportCommand.class, DbCommand.class, FormatCommand.class, PackageCommand.class, ImportCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * For a command (not help, not a version, not a word that is no command), reads the technique catalog and then
     * checks the author view's new-dialogue template, on a thread of its own, while picocli builds the command on the
     * main thread: most commands check or play dialogues against the catalog, and this loads, and first runs, the
     * code that does so on the core that picocli leaves idle (30 ms off `validate` of a 15 MB file from the jar). Help
     * and version are left alone: they end before it could help, and would only share the cores with it. Only a head
     * start: a failure here is left for the command itself to meet and report.
     */
    public static void preload(String... args) {
        if (!preloads(args)) return;
        Thread t = new Thread(() -> {
            try {
                byte[] template = org.rapport.author.DialogueTemplate.text("new-dialogue", "New dialogue")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                new org.rapport.check.Validator(org.rapport.catalog.Catalog.bundled()).validate("new-dialogue.json", template);
            } catch (RuntimeException e) {
                // the command reads the catalog and its files itself, and reports what goes wrong
            }
        }, "preload");
        t.setDaemon(true);
        t.start();
    }

    /** Whether {@link #preload} starts its thread for these arguments: a command, without help or version. */
    static boolean preloads(String... args) {
        if (args.length == 0 || args[0].equals("help") || command(args[0]) == null) return false;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return false;
        }
        return true;
    }

    /** Runs a command and returns its exit code (0 ok, 1 problems found, 2 bad usage or an unknown command). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err, args.length == 0 ? null : args[0]).execute(args);
    }

    /** The command line with every command, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line, writing to {@code out} and {@code err}. When {@code first} (the first argument) names a command
     * other than help, only that command is built: picocli reads every command's annotations when it is added, which
     * took 135 ms of a `rapport validate` process for the fifteen of them. Anything else (help, an option, a word that
     * is no command, so that the nearest can be suggested) gets every command.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine cl = new CommandLine(new RapportCli());
        Class<?> only = first == null || first.equals("help") ? null : command(first);
        for (Class<?> c : COMMANDS) {
            if (only == null || c == only) cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("rapport: " + ex.getMessage());
            return 2;
        });
        IParameterExceptionHandler standard = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            if (ex instanceof UnmatchedArgumentException u && isUnknownCommand(u)) return unknownCommand(u);
            return standard.handleParseException(ex, args);
        });
        return cl;
    }

    /** The command called {@code name} (or one of its aliases), or null. */
    static Class<?> command(String name) {
        for (Class<?> c : COMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (a.name().equals(name) || List.of(a.aliases()).contains(name)) return c;
        }
        return null;
    }

    /** A word where a command of {@code rapport} (or of {@code rapport db}) belongs, that names none. */
    private static boolean isUnknownCommand(UnmatchedArgumentException u) {
        CommandLine c = u.getCommandLine();
        List<String> unmatched = u.getUnmatched();
        return !c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()
                && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-");
    }

    /**
     * Says so, with picocli's nearest command when it has one, and the commands there are: picocli's own message
     * ("Unmatched argument at index 0") and its list of every faintly similar command are less plain.
     */
    private static int unknownCommand(UnmatchedArgumentException u) {
        CommandLine c = u.getCommandLine();
        PrintWriter err = c.getErr();
        String name = c.getCommandSpec().qualifiedName();
        err.println("Unknown command: '" + u.getUnmatched().get(0) + "'.");
        List<String> suggestions = u.getSuggestions();
        if (!suggestions.isEmpty()) err.println("Did you mean: " + name + " " + suggestions.get(0) + "?");
        err.println("The commands: " + String.join(", ", c.getSubcommands().keySet()) + ". `" + name
                + " COMMAND --help` explains one.");
        err.flush();
        return c.getCommandSpec().exitCodeOnInvalidInput();
    }
}
