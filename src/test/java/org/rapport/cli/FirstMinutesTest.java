package org.rapport.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new hire's first minutes on the command line: typos, unknown words, and help that reads in whole sentences. */
class FirstMinutesTest {
    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void aTypoOfACommandNamesTheNearestCommandAndExitsTwo() {
        CliTest.Run r = run("valdate", "dialogues/");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals("Unknown command: 'valdate'.", lines.get(0), r.err());
        assertEquals("Did you mean: rapport validate?", lines.get(1), r.err());
        assertTrue(lines.get(2).startsWith("The commands: validate, play, "), r.err());
    }

    @Test
    void anUnknownWordIsSaidToBeUnknownAndExitsTwo() {
        CliTest.Run r = run("bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Unknown command: 'bogus'."), r.err());
        assertTrue(r.err().contains("rapport COMMAND --help"), r.err());
    }

    @Test
    void aTypoOfASubcommandNamesTheNearestOneThere() {
        CliTest.Run r = run("db", "inti", "jdbc:postgresql://localhost/rapport");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Unknown command: 'inti'.\nDid you mean: rapport db init?"), r.err());
    }

    @Test
    void anUnknownOptionIsStillBadUsage() {
        CliTest.Run r = run("--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r.err());
    }

    @Test
    void aKnownCommandStillRuns() {
        CliTest.Run r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("Rapport 0.1.0", r.out().strip());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (CommandSpec spec : allCommands()) {
            List<String> args = new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
            args.remove(0);
            args.add("--help");
            CliTest.Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), args + ": " + r.err());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Usage: " + spec.qualifiedName(" ") + " ")), args + ": " + r.out());
            assertEquals("", r.err(), args.toString());
        }
    }

    /**
     * picocli prints each description entry on a line of its own and lists commands by their first entry, so an entry that
     * does not end a sentence shows as a phrase cut off in the middle.
     */
    @Test
    void everyDescriptionIsMadeOfWholeSentences() {
        List<String> fragments = new ArrayList<>();
        for (CommandSpec spec : allCommands()) {
            String[] description = spec.usageMessage().description();
            assertTrue(description.length > 0, spec.qualifiedName() + " has no description");
            for (String entry : description) if (!wholeSentences(entry)) fragments.add(spec.qualifiedName() + ": " + entry);
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                for (String entry : a.description()) {
                    if (!wholeSentences(entry)) fragments.add(spec.qualifiedName() + " " + a.paramLabel() + ": " + entry);
                }
            }
        }
        assertEquals(List.of(), fragments);
    }

    private static boolean wholeSentences(String text) {
        String t = text.replace("%n", "").strip();
        return !t.isEmpty() && !Character.isLowerCase(t.charAt(0)) && (t.endsWith(".") || t.endsWith("?"));
    }

    private static List<CommandSpec> allCommands() {
        CommandLine root = RapportCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandSpec> all = new ArrayList<>();
        collect(root, all);
        assertFalse(all.size() < 14, "rapport, its 12 commands and db's 2: " + all.size());
        return all;
    }

    private static void collect(CommandLine cl, List<CommandSpec> into) {
        into.add(cl.getCommandSpec());
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, into);
    }
}
