package org.rapport.cli;

import org.rapport.store.ServerConnection;
import org.rapport.store.Store;
import org.rapport.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "db", addMethodSubcommands = false, sortOptions = false, subcommands = {DbCommand.Init.class, DbCommand.AddLogin.class},
        description = {"The department's shared PostgreSQL database, for its administrator.",
                "Trainees' apps never change the database; run `rapport db init` once, and again after updating Rapport."})
final class DbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "init", addMethodSubcommands = false, sortOptions = false,
            description = {"Set up (or update) Rapport's tables in the department's database.",
                    "It is safe to run again and from two places at once: an advisory lock makes the second wait, then find "
                            + "nothing to do. Run it as a role that may create tables.",
                    "The password comes from RAPPORT_DB_PASSWORD or PostgreSQL's ~/.pgpass (PGPASSFILE); it is never printed.",
                    "Exit code: 0 set up, 1 the database could not be set up, 2 bad usage."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "JDBC-URL", description = "A JDBC URL, such as jdbc:postgresql://host/rapport, naming the department's database.")
        String url;

        @Option(names = "--db-user", paramLabel = "USER", description = "The role to connect as (default: RAPPORT_DB_USER, or the URL's).")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!url.startsWith("jdbc:postgresql:")) {
                err.println("rapport db init: give a PostgreSQL address such as jdbc:postgresql://host/rapport, not " + ServerConnection.redact(url) + ".");
                return 2;
            }
            String warning = ServerConnection.unencrypted(url);
            if (warning != null) err.println("rapport db init: warning: " + warning);
            try {
                int[] v = Store.initShared(url, user != null ? user : System.getenv("RAPPORT_DB_USER"), System.getenv("RAPPORT_DB_PASSWORD"));
                out.println(v[0] == v[1] ? "The database at " + ServerConnection.redact(url) + " is already set up for Rapport (schema " + v[1] + ")."
                        : v[0] == 0 ? "Set up Rapport's tables at " + ServerConnection.redact(url) + " (schema " + v[1] + ")."
                        : "Updated the database at " + ServerConnection.redact(url) + " from schema " + v[0] + " to " + v[1] + ".");
                out.flush();
                return 0;
            } catch (StoreException e) {
                err.println("rapport db init: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "add-login", addMethodSubcommands = false, sortOptions = false,
            description = {"Create a database login for one trainee (or one laptop), or with --facilitator for a facilitator's class reports.",
                    "The login gets a new random password, printed once. A trainee's login reads and writes only the trainees it "
                            + "creates and their attempts; a facilitator's reads everything and writes nothing (row-level security "
                            + "set up by db init).",
                    "Give the password to its owner for RAPPORT_DB_PASSWORD or ~/.pgpass; Rapport does not keep it.",
                    "Exit code: 0 created, 1 it could not be created, 2 bad usage."})
    static final class AddLogin implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "JDBC-URL", description = "The department's database.")
        String url;

        @Parameters(index = "1", paramLabel = "LOGIN", description = "Lower-case letters, digits and underscores, e.g. ana_lima.")
        String login;

        @Option(names = "--facilitator", description = "A login that reads every trainee's results.")
        boolean facilitator;

        @Option(names = "--db-user", paramLabel = "USER", description = "The administrator's role (default: RAPPORT_DB_USER, or the URL's).")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                String secret = Store.addLogin(url, user != null ? user : System.getenv("RAPPORT_DB_USER"), System.getenv("RAPPORT_DB_PASSWORD"),
                        login, facilitator);
                out.println("Created the " + (facilitator ? "facilitator" : "trainee") + " login " + login + ". Its password, shown only now:");
                out.println(secret);
                out.flush();
                return 0;
            } catch (StoreException e) {
                err.println("rapport db add-login: " + e.getMessage());
                return 1;
            }
        }
    }
}
