package org.rapport.ui;

import java.util.Set;

/**
 * The options the app itself takes ({@code java -jar rapport.jar --library DIR ...}), each followed by its value. Plain
 * Java, so the launcher can tell them from a command before any JavaFX class is loaded: a first argument that is one
 * of these starts the app, anything else goes to the command line.
 */
public final class AppOptions {
    public static final String LIBRARY = "--library";
    public static final String DATA = "--data";
    public static final String SIZE = "--size";
    public static final String DB = "--db";
    public static final String DB_USER = "--db-user";
    public static final String DB_PASSWORD = "--db-password";

    /** Every option the app reads. */
    public static final Set<String> ALL = Set.of(LIBRARY, DATA, SIZE, DB, DB_USER, DB_PASSWORD);

    private AppOptions() {
    }
}
